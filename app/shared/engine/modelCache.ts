import { engineOf, type ModelInfo } from '../../../src/index.ts';
import { deleteCachedGguf, ggufCacheInfo } from './ggufCache.ts';
import { allowedFor, toModelRecord } from './modelRecord.ts';
import { tensorCacheStatus } from '../../../src/models/tensorCache.ts';
import { appBase } from '../appBase.ts';

// WebLLM keeps files in these Cache Storage caches (cacheBackend "cache").
const CACHES = ['webllm/model', 'webllm/config', 'webllm/wasm'];

/** A model's weights folder and library, as the worker is allowed to fetch them. */
const urlsOf = (m: ModelInfo) => {
  const [weights, lib] = allowedFor(toModelRecord(m, appBase())) as [string, string];
  return { weights, lib };
};

export interface CacheInfo {
  /** Bytes this model holds in the browser's caches (weights, config, library), from stored headers. */
  bytes: number;
  /** Whether every weight file is there, so loading needs no download. */
  weights: boolean;
  /** Bytes of weights the model has in all, where its engine's index says (WebLLM's tensor-cache.json), for "x of y". */
  expectedBytes?: number;
  /** Of those, the bytes already cached: where a resumed download starts from. */
  cachedWeightBytes?: number;
}

/** What a model holds in this browser's storage, whichever engine keeps it. */
export async function cacheInfo(m: ModelInfo): Promise<CacheInfo> {
  const engine = engineOf(m);
  if (engine === 'server') return { bytes: 0, weights: false };
  return engine === 'wllama' ? ggufCacheInfo(m) : webLlmCacheInfo(m);
}

async function webLlmCacheInfo(m: ModelInfo): Promise<CacheInfo> {
  if (typeof caches === 'undefined') return { bytes: 0, weights: false };
  const { weights, lib } = urlsOf(m);
  let total = 0;
  let index: { url: string; json: unknown } | null = null;
  const cachedUrls = new Set<string>();
  for (const name of CACHES) {
    if (!(await caches.has(name))) continue;
    const cache = await caches.open(name);
    for (const req of await cache.keys()) {
      if (!req.url.startsWith(weights) && req.url !== lib) continue;
      const res = await cache.match(req);
      if (res) cachedUrls.add(req.url);
      if (req.url.endsWith('/tensor-cache.json') && res) index = { url: req.url, json: await res.clone().json().catch(() => null) };
      const len = Number(res?.headers.get('content-length') ?? NaN);
      total += Number.isFinite(len) ? len : ((await res?.blob())?.size ?? 0);
    }
  }
  const status = index ? tensorCacheStatus(index.json, index.url, cachedUrls) : { complete: false, expectedBytes: null, cachedBytes: 0 };
  return { bytes: total, weights: status.complete, ...(status.expectedBytes !== null ? { expectedBytes: status.expectedBytes, cachedWeightBytes: status.cachedBytes } : {}) };
}

/** Deletes every file of a model (weights, config and library) from the caches. */
export async function deleteCachedModel(m: ModelInfo): Promise<void> {
  if (engineOf(m) === 'wllama') return deleteCachedGguf(m);
  if (typeof caches === 'undefined') return;
  const { weights, lib } = urlsOf(m);
  for (const name of CACHES) {
    if (!(await caches.has(name))) continue;
    const cache = await caches.open(name);
    for (const req of await cache.keys()) if (req.url.startsWith(weights) || req.url === lib) await cache.delete(req);
  }
}
