// An engine worker can die without a word, loop forever, or stop answering: nothing it does may leave
// the page waiting. A lifeline ends every pending call on a backend at once; a watchdog ends one that
// shows no progress for a stated time.

/** How long a load may go without a progress report, and a generation without a token, before it fails. */
export const LOAD_STALL_MS = 120_000;
export const GENERATE_STALL_MS = 90_000;
/** How long Stop waits for the engine to end a generation before it restarts the engine. */
export const STOP_GRACE_MS = 3_000;

/** Why a backend's calls were all ended. */
export class BackendGone extends Error {
  constructor(
    readonly reason: 'crashed' | 'stalled' | 'stopped' | 'disposed',
    detail: string,
  ) {
    super(detail);
    this.name = 'BackendGone';
  }
}

/** Every call raced against the backend's end: `end` rejects all of them, now and later. */
export function lifeline() {
  let end!: (e: BackendGone) => void;
  const gone = new Promise<never>((_, reject) => (end = reject));
  // Unhandled until a call races it: never an unhandled-rejection report on its own.
  gone.catch(() => undefined);
  let ended: BackendGone | null = null;
  return {
    guard<T>(p: Promise<T>): Promise<T> {
      return ended ? Promise.reject(ended) : Promise.race([p, gone]);
    },
    end(e: BackendGone) {
      if (ended) return;
      ended = e;
      end(e);
    },
    get ended() {
      return ended;
    },
  };
}

export type Lifeline = ReturnType<typeof lifeline>;

/**
 * A timer that fires `onStall` when `poke` has not been called for `ms`; `stop` ends it. A poke only notes the
 * time (it comes with every streamed token); the timer, when it fires, waits out whatever is left.
 */
export function watchdog(ms: number, onStall: () => void, now: () => number = () => performance.now()) {
  let last = now();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const check = () => {
    const idle = now() - last;
    timer = idle >= ms ? null : setTimeout(check, ms - idle);
    if (timer === null) onStall();
  };
  timer = setTimeout(check, ms);
  return {
    poke() {
      last = now();
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
