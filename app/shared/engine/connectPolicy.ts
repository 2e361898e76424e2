// The engine worker's connect-src, kept in code: a page's <meta> CSP does not reach a worker, and a host
// may serve the worker script without a CSP header (README: Security). The worker fetches only what the
// page allowed for the model it loads: the model's weights and library (by URL prefix) and this origin.

/** Whether `url` is one the worker may fetch: this origin, or under one of the allowed prefixes. */
export function mayFetch(url: string, origin: string, prefixes: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url, origin);
  } catch {
    return false;
  }
  if (u.origin === origin) return true;
  return prefixes.some((p) => {
    try {
      const allowed = new URL(p);
      // The same origin, and the path under the prefix's folder (a library URL allows its own file).
      const folder = allowed.pathname.endsWith('/') ? allowed.pathname : allowed.pathname.replace(/[^/]*$/, '');
      return u.origin === allowed.origin && (u.pathname === allowed.pathname || u.pathname.startsWith(folder));
    } catch {
      return false;
    }
  });
}

/**
 * Makes `mayFetch` the rule for everything an engine worker fetches: fetch, Cache Storage downloads (web-llm
 * fills its cache with cache.add, which bypasses fetch), and no sockets, beacons or XHR at all.
 */
export function guardWorkerNetwork(scope: typeof globalThis & { location: Location }, prefixes: () => readonly string[]): void {
  const refuse = (url: string) => Promise.reject(new TypeError(`NetworkError: ${url} is not a URL of the model being loaded (the engine's connect policy)`));
  const urlOf = (input: RequestInfo | URL) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  const allowed = (input: RequestInfo | URL) => mayFetch(urlOf(input), scope.location.origin, prefixes());
  const originalFetch = scope.fetch.bind(scope);
  scope.fetch = (input: RequestInfo | URL, init?: RequestInit) => (allowed(input) ? originalFetch(input, init) : refuse(urlOf(input)));
  if (typeof Cache !== 'undefined') {
    const add = Cache.prototype.add;
    const addAll = Cache.prototype.addAll;
    Cache.prototype.add = function (request: RequestInfo | URL) {
      return allowed(request) ? add.call(this, request) : refuse(urlOf(request));
    };
    Cache.prototype.addAll = function (requests: Iterable<RequestInfo>) {
      const list = [...requests];
      const bad = list.find((r) => !allowed(r));
      return bad === undefined ? addAll.call(this, list) : refuse(urlOf(bad));
    };
  }
  for (const name of ['WebSocket', 'EventSource', 'XMLHttpRequest'] as const) Reflect.deleteProperty(scope, name);
}
