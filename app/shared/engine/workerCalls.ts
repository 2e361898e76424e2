import type { InitProgress } from '../../../src/engine/progress.ts';
import { watchWorkerCrash } from './workerCrash.ts';

/** What every engine worker answers: each message names the call it belongs to. */
export type WorkerAnswer =
  | { type: 'text'; id: number; text: string }
  | { type: 'error'; id: number; error: string }
  | { type: 'progress'; id: number }
  | { type: 'loaded' | 'done' | 'unloaded'; id: number; info?: unknown; result?: unknown };

/** A message to the worker before its call id is given (every member of the union, each without `id`). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  onText?: (t: string) => void;
  onProgress?: (p: InitProgress) => void;
}

/**
 * Calls into an engine worker over its typed protocol: each call waits for its own final answer (loaded,
 * done, unloaded or error) and hears its streamed text and progress on the way; `endAll` fails every call
 * still waiting (the worker was terminated), so none is left hanging.
 */
export function workerCalls<To extends { type: string; id?: number }, From extends WorkerAnswer>(worker: Worker, progressOf: (m: Extract<From, { type: 'progress' }>) => InitProgress) {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  worker.addEventListener('message', (event: MessageEvent<From>) => {
    const m = event.data;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'text') p.onText?.((m as Extract<WorkerAnswer, { type: 'text' }>).text);
    else if (m.type === 'progress') p.onProgress?.(progressOf(m as Extract<From, { type: 'progress' }>));
    else {
      pending.delete(m.id);
      if (m.type === 'error') p.reject(new Error((m as Extract<WorkerAnswer, { type: 'error' }>).error));
      else p.resolve('info' in m ? m.info : 'result' in m ? m.result : undefined);
    }
  });
  return {
    /** Posts `msg` with a fresh id and waits for its answer. */
    call<T>(msg: WithoutId<To>, hooks: Omit<Pending, 'resolve' | 'reject'> = {}): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, ...hooks });
        worker.postMessage({ ...msg, id });
      });
    },
    endAll(reason: string) {
      for (const p of pending.values()) p.reject(new Error(reason));
      pending.clear();
    },
  };
}

/**
 * What every engine worker's backend does alike: Stop (`interrupt`, answered by no call), unload, dispose
 * (the worker is terminated and every call still waiting fails at once), and hearing of a crash.
 */
export function workerLifecycle(worker: Worker, calls: Pick<WorkerCalls, 'call' | 'endAll'>, words: { crashed: string; stopped: string }) {
  const crash = watchWorkerCrash(worker, words.crashed);
  return {
    interrupt: () => worker.postMessage({ type: 'interrupt' }),
    unload: () => calls.call<void>({ type: 'unload' }),
    dispose: () => {
      worker.terminate();
      calls.endAll(words.stopped);
    },
    onCrash: crash.onCrash,
  };
}

type WorkerCalls = ReturnType<typeof workerCalls<{ type: 'unload'; id?: number }, WorkerAnswer>>;
