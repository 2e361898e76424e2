import { describe, expect, it } from 'vitest';
import { tensorCacheStatus } from './tensorCache.ts';

const BASE = 'https://huggingface.co/mlc-ai/m/resolve/main/';
const index = { records: [{ dataPath: 'params_shard_0.bin', nbytes: 100 }, { dataPath: 'params_shard_1.bin', nbytes: 50 }] };

describe('tensorCacheStatus', () => {
  it('counts a model as downloaded only with every shard tensor-cache.json lists, as web-llm does', () => {
    const url = `${BASE}tensor-cache.json`;
    expect(tensorCacheStatus(index, url, new Set([url]))).toEqual({ complete: false, expectedBytes: 150, cachedBytes: 0 });
    expect(tensorCacheStatus(index, url, new Set([url, `${BASE}params_shard_0.bin`]))).toEqual({ complete: false, expectedBytes: 150, cachedBytes: 100 });
    expect(tensorCacheStatus(index, url, new Set([url, `${BASE}params_shard_0.bin`, `${BASE}params_shard_1.bin`]))).toEqual({ complete: true, expectedBytes: 150, cachedBytes: 150 });
    expect(tensorCacheStatus({ nope: 1 }, url, new Set())).toEqual({ complete: false, expectedBytes: null, cachedBytes: 0 });
    expect(tensorCacheStatus(null, url, new Set())).toEqual({ complete: false, expectedBytes: null, cachedBytes: 0 });
  });
});
