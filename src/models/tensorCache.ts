/**
 * Whether a WebLLM model's weights are all in the cache, decided as web-llm 0.2.86's `hasModelInCache` does
 * (its lib/index.js, hasTensorInCache): tensor-cache.json is there *and* every shard it lists. WebLLM stores
 * tensor-cache.json before any shard, so the index alone proves nothing (an interrupted download has it).
 */
export function tensorCacheStatus(index: unknown, indexUrl: string, cachedUrls: ReadonlySet<string>): { complete: boolean; expectedBytes: number | null; cachedBytes: number } {
  const records = (index as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) return { complete: false, expectedBytes: null, cachedBytes: 0 };
  let expectedBytes = 0;
  let cachedBytes = 0;
  let complete = records.length > 0;
  for (const r of records as { dataPath?: unknown; nbytes?: unknown }[]) {
    if (typeof r?.dataPath !== 'string') return { complete: false, expectedBytes: null, cachedBytes: 0 };
    const bytes = typeof r.nbytes === 'number' ? r.nbytes : 0;
    expectedBytes += bytes;
    if (cachedUrls.has(new URL(r.dataPath, indexUrl).href)) cachedBytes += bytes;
    else complete = false;
  }
  return { complete, expectedBytes, cachedBytes };
}
