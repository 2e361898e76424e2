import { afterEach, describe, expect, it, vi } from 'vitest';
import { Engine } from './engine.ts';
import type { LlmBackend } from './backend.ts';
import { DEFAULT_PROFILE, MODEL_CATALOG } from '../../../src/index.ts';
import { GENERATE_STALL_MS, LOAD_STALL_MS, STOP_GRACE_MS } from '../../../src/engine/watchdog.ts';
import type { RunOptions } from './engine.ts';

// Engine workers that misbehave the ways the attack found: closing themselves silently, looping, never
// answering Stop. Nothing may be left waiting.
const model = MODEL_CATALOG.find((m) => m.mode === 'giellm')!;
const OPTS: RunOptions = { task: 'ner', profile: DEFAULT_PROFILE, examples: 0, grammar: null, maxTokens: 16 };
const never = () => new Promise<never>(() => undefined);

function backend(over: Partial<LlmBackend> = {}) {
  let crash: (r: string) => void = () => undefined;
  const disposed = { n: 0 };
  const b: LlmBackend = {
    name: 'misbehaving',
    load: async () => undefined,
    generate: async () => ({ text: '<社会>固有表現抽出', finishReason: 'stop', usage: null }),
    interrupt: () => undefined,
    unload: async () => undefined,
    dispose: () => void disposed.n++,
    onCrash: (l) => void (crash = l),
    ...over,
  };
  return { b, crash: (r: string) => crash(r), disposed };
}

/** A generation that runs until it is interrupted, as a well-behaved engine's does. */
function interruptible(): Partial<LlmBackend> {
  let interrupted = false;
  return {
    generate: async () => {
      interrupted = false;
      while (!interrupted) await new Promise((r) => setTimeout(r, 10));
      return { text: '', finishReason: 'abort', usage: null };
    },
    interrupt: () => void (interrupted = true),
  };
}

describe('engine watchdogs', () => {
  afterEach(() => vi.useRealTimers());

  it('a load with no progress for LOAD_STALL_MS fails with a retry, and the worker is terminated', async () => {
    vi.useFakeTimers();
    const w = backend({ load: never });
    const e = new Engine(async () => w.b, async () => null);
    const loading = e.loadModel(model);
    await vi.advanceTimersByTimeAsync(LOAD_STALL_MS + 1);
    expect(await loading).toBe(false);
    expect(e.store.getState()).toMatchObject({ status: 'idle', failure: { code: 'load-stalled' } });
    expect(w.disposed.n).toBe(1);
  });

  it('a worker that dies during a load or a run ends it at once', async () => {
    const w = backend({ load: never });
    const e = new Engine(async () => w.b, async () => null);
    const loading = e.loadModel(model);
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    w.crash('worker closed');
    expect(await loading).toBe(false);
    expect(e.store.getState()).toMatchObject({ status: 'idle', failure: { kind: 'worker-crashed' } });

    const w2 = backend({ generate: never });
    const e2 = new Engine(async () => w2.b, async () => null);
    await e2.loadModel(model);
    const running = e2.run('一文目。二文目。', OPTS, () => undefined);
    await new Promise((r) => setTimeout(r, 0));
    w2.crash('worker closed');
    const runs = await running;
    expect(runs.map((r) => r.status)).toEqual(['failed', 'stopped']);
    expect(runs[0]!.error).toContain('The engine stopped');
    expect(e2.store.getState().status).toBe('idle');
  });

  it('a generation with no token for GENERATE_STALL_MS fails, and the batch’s runMany says the engine went', async () => {
    vi.useFakeTimers();
    const w = backend({ generate: never });
    const e = new Engine(async () => w.b, async () => null);
    await e.loadModel(model);
    const many = e.runMany([{ text: '文。', opts: OPTS }]);
    const caught = many.catch((x: Error) => x);
    await vi.advanceTimersByTimeAsync(GENERATE_STALL_MS + 1);
    expect(await caught).toMatchObject({ name: 'BackendGone', reason: 'stalled' });
    expect(e.store.getState()).toMatchObject({ status: 'idle', failure: { code: 'generate-stalled' } });
  });

  it('Stop ends a run even when the worker never answers: it is restarted after STOP_GRACE_MS', async () => {
    vi.useFakeTimers();
    const w = backend({ generate: never, interrupt: () => undefined });
    const e = new Engine(async () => w.b, async () => null);
    await e.loadModel(model);
    const running = e.run('文。', OPTS, () => undefined);
    await vi.advanceTimersByTimeAsync(10);
    e.stop();
    await vi.advanceTimersByTimeAsync(STOP_GRACE_MS + 1);
    const runs = await running;
    expect(runs[0]!.status).toBe('failed');
    expect(e.store.getState()).toMatchObject({ status: 'idle', model: null, notice: 'stop-restarted' });
    expect(w.disposed.n).toBe(1);
  });

  it('a Stop the engine answers restarts nothing, and its grace timer never ends the next run (Resume right after a pause)', async () => {
    vi.useFakeTimers();
    const w = backend(interruptible());
    const e = new Engine(async () => w.b, async () => null);
    await e.loadModel(model);
    const first = e.run('文。', OPTS, () => undefined);
    await vi.advanceTimersByTimeAsync(10);
    e.stop();
    await vi.advanceTimersByTimeAsync(50);
    await first;
    expect(e.store.getState().status).toBe('ready');
    const second = e.run('文。', OPTS, () => undefined);
    await vi.advanceTimersByTimeAsync(STOP_GRACE_MS + 1);
    expect(e.store.getState().status).toBe('generating');
    expect(w.disposed.n).toBe(0);
    e.stop();
    await vi.advanceTimersByTimeAsync(50);
    await second;
  });
});
