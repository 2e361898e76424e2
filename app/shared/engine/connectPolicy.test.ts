import { describe, expect, it } from 'vitest';
import { mayFetch } from './connectPolicy.ts';
import { allowedFor, toModelRecord } from './modelRecord.ts';
import { MODEL_CATALOG } from '../../../src/index.ts';

const ORIGIN = 'https://app.example';

describe('the engine worker’s connect policy', () => {
  it('lets a catalog model fetch its weights (resolve/main/…) and its library, and nothing else', () => {
    const m = MODEL_CATALOG.find((x) => x.id === 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC')!;
    const r = toModelRecord(m, ORIGIN);
    const prefixes = allowedFor(r);
    expect(mayFetch(`${prefixes[0]}resolve/main/mlc-chat-config.json`, ORIGIN, prefixes)).toBe(true);
    expect(mayFetch(`${prefixes[0]}resolve/main/params_shard_0.bin`, ORIGIN, prefixes)).toBe(true);
    expect(mayFetch(r.model_lib, ORIGIN, prefixes)).toBe(true);
    expect(mayFetch(`${ORIGIN}/models/x/resolve/main/a.bin`, ORIGIN, prefixes)).toBe(true);
    for (const bad of ['https://evil.example/collect?d=1', 'https://huggingface.co/someone-else/model/resolve/main/x', `${r.model}-evil/x`, 'javascript:alert(1)', 'data:text/plain,x', 'ws://127.0.0.1:1/']) {
      expect(mayFetch(bad, ORIGIN, prefixes), bad).toBe(false);
    }
  });
});
