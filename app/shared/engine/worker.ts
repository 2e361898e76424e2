// The one module worker that hosts WebLLM's engine for the app's life.
import { WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';
import { isAllowMessage, mayFetch } from './connectPolicy.ts';

// What this worker may fetch (connectPolicy.ts): set by the page before each load, checked on every
// fetch and every Cache Storage download (web-llm fills its cache with cache.add, which bypasses fetch).
let prefixes: string[] = [];
const refuse = (url: string) => Promise.reject(new TypeError(`NetworkError: ${url} is not a URL of the model being loaded (the engine's connect policy)`));
const urlOf = (input: RequestInfo | URL) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
const originalFetch = self.fetch.bind(self);
self.fetch = (input: RequestInfo | URL, init?: RequestInit) => (mayFetch(urlOf(input), self.location.origin, prefixes) ? originalFetch(input, init) : refuse(urlOf(input)));
if (typeof Cache !== 'undefined') {
  const add = Cache.prototype.add;
  const addAll = Cache.prototype.addAll;
  Cache.prototype.add = function (request: RequestInfo | URL) {
    return mayFetch(urlOf(request), self.location.origin, prefixes) ? add.call(this, request) : refuse(urlOf(request));
  };
  Cache.prototype.addAll = function (requests: Iterable<RequestInfo>) {
    const list = [...requests];
    const bad = list.find((r) => !mayFetch(urlOf(r), self.location.origin, prefixes));
    return bad === undefined ? addAll.call(this, list) : refuse(urlOf(bad));
  };
}
// Nothing else leaves the worker: no sockets, no beacons.
for (const name of ['WebSocket', 'EventSource', 'XMLHttpRequest'] as const) Reflect.deleteProperty(self, name);

const handler = new WebWorkerMLCEngineHandler();
self.onmessage = (event: MessageEvent) => {
  if (isAllowMessage(event.data)) prefixes = event.data.prefixes;
  else handler.onmessage(event);
};
