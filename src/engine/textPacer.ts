/**
 * Streamed text handed on at most once per `everyMs`, always the latest (each report holds all the text so
 * far, so skipping one loses nothing). An engine worker decodes a token every few milliseconds on a small
 * model; a message per token cost the page ~90 µs each (bench/cpu.ts), while the page parses and renders
 * partial text only every STREAM_EVERY_MS anyway. A report held back is sent when its time comes, even if
 * no token follows; `end` drops it, since the final result carries the whole text.
 */
export function textPacer(send: (text: string) => void, everyMs: number): { push(text: string): void; end(): void } {
  let last = -Infinity;
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const sendPending = () => {
    timer = null;
    if (pending === null) return;
    const text = pending;
    pending = null;
    last = performance.now();
    send(text);
  };
  return {
    push(text) {
      pending = text;
      if (timer !== null) return;
      const wait = last + everyMs - performance.now();
      if (wait <= 0) sendPending();
      else timer = setTimeout(sendPending, wait);
    },
    end() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}

/** How often an engine worker reports streamed text: twice as often as the page parses it (STREAM_EVERY_MS). */
export const WORKER_TEXT_EVERY_MS = 50;
