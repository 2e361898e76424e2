/**
 * Hands on only the latest of many values, at most once per `everyMs`: a model streams tokens faster than
 * anyone reads them, and each value here holds all the text so far, so skipping one loses nothing. The
 * first value goes at once; one held back goes when its time comes, even if nothing follows. `deliver`
 * may defer the handing on further (to an animation frame, see app/shared/perFrame.ts). `flush` hands on
 * what is pending now; `drop` forgets it (the final result carries everything).
 */
export function latestEvery<T>(apply: (value: T) => void, everyMs: number, deliver: (run: () => void) => void = (run) => run()): { push(value: T): void; flush(): void; drop(): void } {
  let pending: { value: T } | null = null;
  let scheduled = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  const run = () => {
    scheduled = false;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    last = performance.now();
    apply(value);
  };
  const go = () => {
    timer = null;
    deliver(run);
  };
  return {
    push(value) {
      pending = { value };
      if (scheduled) return;
      scheduled = true;
      const wait = last + everyMs - performance.now();
      if (wait > 0) timer = setTimeout(go, wait);
      else go();
    },
    flush: run,
    drop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
      scheduled = false;
    },
  };
}

/**
 * How often an engine worker reports streamed text: twice as often as the page parses it
 * (STREAM_EVERY_MS). A message per token cost the page ~90 µs each (bench/cpu.ts).
 */
export const WORKER_TEXT_EVERY_MS = 50;
