import { latestEvery } from '../../src/engine/latestEvery.ts';

/**
 * Hands on only the latest of many values, at most once per `intervalMs` and on an animation frame: a model
 * streams tokens faster than anyone reads them (the tiny model decodes ~180 tokens/s on one core), and
 * rendering each costs more than decoding it (bench/cpu.ts). `flush` hands on what is pending at once.
 */
export function perFrame<T>(apply: (value: T) => void, intervalMs = 0): { push(value: T): void; flush(): void } {
  // A hidden tab gets no animation frames: a timer keeps its state moving (for the title, a later look).
  const onFrame = (run: () => void) => (typeof document !== 'undefined' && document.visibilityState === 'visible' && typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : setTimeout(run, 100));
  const { push, flush } = latestEvery(apply, intervalMs, (run) => void onFrame(run));
  return { push, flush };
}
