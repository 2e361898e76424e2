import { describe, expect, it } from 'vitest';
import { workerCalls, workerLifecycle, type WorkerAnswer } from './workerCalls.ts';

/** A worker stand-in: what the page posts is kept, and `answer` delivers what the worker would send back. */
function fakeWorker() {
  const target = new EventTarget();
  const posted: Record<string, unknown>[] = [];
  let terminated = false;
  const worker = Object.assign(target, { postMessage: (m: Record<string, unknown>) => void posted.push(m), terminate: () => void (terminated = true) }) as unknown as Worker;
  const answer = (data: WorkerAnswer | Record<string, unknown>) => target.dispatchEvent(Object.assign(new Event('message'), { data }));
  return { worker, posted, answer, terminated: () => terminated };
}

type To = { type: 'generate'; id: number; prompt: string } | { type: 'unload'; id: number } | { type: 'interrupt' };
type From = WorkerAnswer & ({ type: 'progress'; id: number; pct: number } | { type: 'text' | 'done' | 'error' | 'unloaded'; id: number });

describe('calls into an engine worker', () => {
  it('answers each call with its own result, streaming its text and progress on the way', async () => {
    const w = fakeWorker();
    const calls = workerCalls<To, From>(w.worker, (m) => ({ progress: m.pct, timeElapsed: 0, text: `${m.pct}` }));
    const texts: string[] = [];
    const a = calls.call<{ text: string }>({ type: 'generate', prompt: 'a' }, { onText: (t) => texts.push(t) });
    const b = calls.call<{ text: string }>({ type: 'generate', prompt: 'b' });
    expect(w.posted).toEqual([{ type: 'generate', prompt: 'a', id: 1 }, { type: 'generate', prompt: 'b', id: 2 }]);
    w.answer({ type: 'text', id: 1, text: '<社' });
    w.answer({ type: 'done', id: 2, result: { text: 'B' } });
    w.answer({ type: 'done', id: 1, result: { text: 'A' } });
    expect(await a).toEqual({ text: 'A' });
    expect(await b).toEqual({ text: 'B' });
    expect(texts).toEqual(['<社']);
    const failed = calls.call({ type: 'generate', prompt: 'c' });
    w.answer({ type: 'error', id: 3, error: 'GrammarMatcherInitError: bad grammar' });
    await expect(failed).rejects.toThrow('GrammarMatcherInitError: bad grammar');
  });

  it('disposing terminates the worker and fails every call still waiting, at once', async () => {
    const w = fakeWorker();
    const calls = workerCalls<To, From>(w.worker, () => ({ progress: 0, timeElapsed: 0, text: '' }));
    const life = workerLifecycle(w.worker, calls, { crashed: 'the engine worker stopped', stopped: 'BackendGone: the engine was stopped' });
    const waiting = calls.call({ type: 'generate', prompt: 'x' });
    life.interrupt();
    expect(w.posted.at(-1)).toEqual({ type: 'interrupt' });
    life.dispose();
    expect(w.terminated()).toBe(true);
    await expect(waiting).rejects.toThrow('BackendGone: the engine was stopped');
    // A late answer for a call that is gone is ignored.
    expect(() => w.answer({ type: 'done', id: 1, result: null })).not.toThrow();
  });
});
