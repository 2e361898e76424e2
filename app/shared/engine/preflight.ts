import { absoluteUrl, checkConfig, checkGguf, checkLibrary, engineOf, type EngineFailure, type FileProbe, type ModelInfo } from '../../../src/index.ts';
import { ggufCacheInfo } from './ggufCache.ts';
import { toModelRecord } from './modelRecord.ts';
import { appBase } from '../appBase.ts';

/** Reads at most `maxBytes` of a URL's body, then stops the download. */
async function probe(url: string, maxBytes: number): Promise<FileProbe> {
  const res = await fetch(url, { cache: 'no-store' });
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  while (reader && size < maxBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader?.cancel().catch(() => undefined);
  const head = new Uint8Array(Math.min(size, maxBytes));
  let at = 0;
  for (const c of chunks) {
    head.set(c.subarray(0, Math.max(0, head.length - at)), at);
    at += c.length;
  }
  return { url, status: res.status, contentType: res.headers.get('content-type') ?? '', head };
}

const inCache = async (cacheName: string, url: string) =>
  typeof caches !== 'undefined' && (await caches.has(cacheName)) && (await (await caches.open(cacheName)).match(url)) !== undefined;

/** WebLLM appends resolve/main/ to a weights URL unless it already has /resolve/. */
export function configUrlOf(weightsUrl: string): string {
  const base = weightsUrl.includes('/resolve/') ? weightsUrl : `${weightsUrl.replace(/\/$/, '')}/resolve/main/`;
  return new URL('mlc-chat-config.json', base.endsWith('/') ? base : `${base}/`).href;
}

/**
 * Looks at a model's config and library before WebLLM fetches and caches them, so a 404, a web page in
 * place of a file, or a non-wasm library gets a message naming the file. Cached files are not fetched,
 * so a cached model still loads offline.
 */
export async function preflightModel(m: ModelInfo): Promise<EngineFailure | null> {
  if (engineOf(m) === 'wllama') return preflightGguf(m);
  const record = toModelRecord(m, appBase());
  const checks: [string, string, number, (p: FileProbe) => EngineFailure | null][] = [
    ['webllm/config', configUrlOf(record.model), 1 << 20, checkConfig],
    ['webllm/wasm', record.model_lib, 16, checkLibrary],
  ];
  for (const [cacheName, url, maxBytes, check] of checks) {
    if (await inCache(cacheName, url)) continue;
    let p: FileProbe;
    try {
      p = await probe(url, maxBytes);
    } catch {
      return { kind: 'network', code: 'unreachable', params: { url }, message: `Could not reach ${url}.`, nextStep: 'Check the connection (and, for another host, that it allows this site with CORS), then retry.' };
    }
    const failure = check(p);
    if (failure) return failure;
  }
  return null;
}

/** A GGUF model's first part, before wllama downloads and caches it; a cached or picked model is not fetched. */
async function preflightGguf(m: ModelInfo): Promise<EngineFailure | null> {
  const first = m.gguf?.urls[0];
  if (!first || (await ggufCacheInfo(m)).weights) return null;
  const url = absoluteUrl(first, appBase());
  try {
    return checkGguf(await probe(url, 4));
  } catch {
    return { kind: 'network', code: 'unreachable', params: { url }, message: `Could not reach ${url}.`, nextStep: 'Check the connection (and, for another host, that it allows this site with CORS), then retry.' };
  }
}
