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

/** The message the page sends the worker before each load: what it may fetch. */
export interface AllowMessage {
  kind: 'giellm:allow';
  prefixes: string[];
}

export const isAllowMessage = (d: unknown): d is AllowMessage => typeof d === 'object' && d !== null && (d as AllowMessage).kind === 'giellm:allow' && Array.isArray((d as AllowMessage).prefixes);
