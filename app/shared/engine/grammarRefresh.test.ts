import { describe, expect, it } from 'vitest';
import { Engine, type RunOptions } from './engine.ts';
import type { LlmBackend } from './backend.ts';
import { DEFAULT_PROFILE, MODEL_CATALOG } from '../../../src/index.ts';
import { GRAMMAR_BUDGET } from '../../../src/engine/grammarBudget.ts';

const model = MODEL_CATALOG.find((m) => m.id === 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC')!;
const OPTS: RunOptions = { task: 'ner', profile: DEFAULT_PROFILE, examples: 0, grammar: { spans: 'substring', tupleArgs: 'free' }, maxTokens: 64 };
const noPreflight = async () => null;

/** The figure for one sentence grammar kept by web-llm's XGrammar, and the wasm heap's cap. */
const MB_PER_GRAMMAR = 0.21;
const HEAP_CAP_MB = 2048;

/**
 * A stand-in at the seam that keeps every distinct grammar as web-llm 0.2.86 does, until it is disposed, and
 * fails past the heap cap the way a full wasm heap surfaces there (GrammarMatcherInitError).
 */
function leakyWorkers(opts: { budget?: number; failLoadAt?: number } = {}) {
  const made: { distinct: Set<string>; loads: number }[] = [];
  const make = async (): Promise<LlmBackend> => {
    const me = { distinct: new Set<string>(), loads: 0 };
    made.push(me);
    return {
      name: 'leaky',
      ...(opts.budget !== undefined ? { grammarBudget: opts.budget } : {}),
      async load(_m, onProgress) {
        me.loads++;
        if (made.length === opts.failLoadAt) throw 'NetworkError: Failed to fetch';
        onProgress({ progress: 1, timeElapsed: 1, text: 'Loading model from cache[1/1]: 100MB loaded. 100% completed, 1 secs elapsed.' });
      },
      async generate(req, onText) {
        if (req.grammar && !me.distinct.has(req.grammar)) {
          if ((me.distinct.size + 1) * MB_PER_GRAMMAR > HEAP_CAP_MB) throw 'GrammarMatcherInitError: Failed to initialize the grammar matcher for response format grammar. RangeError: WebAssembly.Memory.grow(): Maximum memory size exceeded';
          me.distinct.add(req.grammar);
        }
        const text = '<社会>固有表現抽出';
        onText(text);
        return { text, finishReason: 'stop', usage: null };
      },
      interrupt: () => undefined,
      unload: async () => undefined,
      dispose: () => undefined,
      onCrash: () => undefined,
    };
  };
  return { make, made };
}

const batch = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `第${i}文。`, opts: OPTS }));

describe('Grammar memory in a long WebLLM batch', () => {
  it('runs 20,000 sentences by making the engine anew every GRAMMAR_BUDGET distinct grammars', async () => {
    const w = leakyWorkers({ budget: GRAMMAR_BUDGET });
    const e = new Engine(w.make, noPreflight, undefined, 0);
    await e.loadModel(model);
    const notices = new Set<string | null>();
    e.store.subscribe((s) => notices.add(s.notice));
    const results = await e.runMany(batch(20_000));
    expect(results.flat().filter((r) => r.status !== 'done')).toEqual([]);
    expect(e.refreshes).toBe(Math.ceil(20_000 / GRAMMAR_BUDGET) - 1);
    expect(w.made.map((m) => m.distinct.size)).toEqual([4000, 4000, 4000, 4000, 4000]);
    expect(Math.max(...w.made.map((m) => m.distinct.size * MB_PER_GRAMMAR))).toBeLessThan(HEAP_CAP_MB / 2);
    // Each new engine loaded the model once, and the user was told while it did.
    expect(w.made.every((m) => m.loads === 1)).toBe(true);
    expect(notices).toContain('grammar-refresh');
    expect(e.store.getState()).toMatchObject({ status: 'ready', notice: null, failure: null });
  }, 60_000);

  it('without a budget, the same batch fails from about sentence 9,750 on, as the issue measured', async () => {
    const w = leakyWorkers();
    const e = new Engine(w.make, noPreflight, undefined, 0);
    await e.loadModel(model);
    const runs = (await e.runMany(batch(12_000))).flat();
    const firstFailed = runs.findIndex((r) => r.status === 'failed');
    expect(firstFailed).toBe(Math.floor(HEAP_CAP_MB / MB_PER_GRAMMAR));
    expect(runs.slice(firstFailed).every((r) => r.status === 'failed')).toBe(true);
    expect(w.made).toHaveLength(1);
  }, 60_000);

  it('counts only distinct grammars: one sentence again and again never makes the engine anew', async () => {
    const w = leakyWorkers({ budget: 2 });
    const e = new Engine(w.make, noPreflight, undefined, 0);
    await e.loadModel(model);
    await e.runMany(Array.from({ length: 50 }, () => ({ text: '同じ文。', opts: OPTS })));
    expect(e.refreshes).toBe(0);
    expect(w.made).toHaveLength(1);
  });

  it('a refresh that cannot load again ends the engine with the load failure, and the batch stops with the rest not done', async () => {
    const w = leakyWorkers({ budget: 3, failLoadAt: 2 });
    const e = new Engine(w.make, noPreflight, undefined, 0);
    await e.loadModel(model);
    const done: number[] = [];
    await expect(e.runMany(batch(6), (i) => done.push(i))).rejects.toThrow('could not be made anew');
    expect(done).toEqual([0, 1, 2]);
    expect(e.store.getState()).toMatchObject({ status: 'idle', model: null, notice: null, failure: { kind: 'network' } });
  });

  it('a Stop pressed while the engine is made anew ends the run there', async () => {
    const w = leakyWorkers({ budget: 2 });
    const e = new Engine(w.make, noPreflight, undefined, 0);
    await e.loadModel(model);
    const unsub = e.store.subscribe((s) => s.notice === 'grammar-refresh' && e.stop());
    const runs = await e.run('一つ目。二つ目。三つ目。四つ目。', OPTS, () => undefined);
    unsub();
    expect(runs.map((r) => r.status)).toEqual(['done', 'done', 'stopped', 'stopped']);
    expect(e.store.getState().status).toBe('ready');
  });
});
