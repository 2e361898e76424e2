/**
 * Hands on only the latest of many values, at most once per `intervalMs` and on an animation frame: a model
 * streams tokens faster than anyone reads them (the tiny model decodes ~180 tokens/s on one core), and
 * rendering each costs more than decoding it (bench/cpu.ts). `flush` hands on what is pending at once.
 */
export function perFrame<T>(apply: (value: T) => void, intervalMs = 0): { push(value: T): void; flush(): void } {
  let pending: { value: T } | null = null;
  let scheduled = false;
  let last = -Infinity;
  const run = () => {
    scheduled = false;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    last = performance.now();
    apply(value);
  };
  // A hidden tab gets no animation frames: a timer keeps its state moving (for the title, a later look).
  const onFrame = () => (typeof document !== 'undefined' && document.visibilityState === 'visible' && typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : setTimeout(run, 100));
  return {
    push(value) {
      pending = { value };
      if (scheduled) return;
      scheduled = true;
      const wait = last + intervalMs - performance.now();
      if (wait > 0) setTimeout(onFrame, wait);
      else onFrame();
    },
    flush: run,
  };
}
