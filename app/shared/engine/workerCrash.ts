/**
 * An engine worker's uncaught error ends it for the app (the engine is retired and says so in words), and it
 * is written to the console with where it happened, for whoever debugs it: the UI shows no stack, the
 * console keeps one. Returns the listener registry a backend's `onCrash` adds to.
 */
export function watchWorkerCrash(worker: Worker, fallback: string) {
  const listeners: ((reason: string) => void)[] = [];
  worker.addEventListener('error', (e) => {
    // Handled here (the browser's own "uncaught" report would say less), then logged in full.
    e.preventDefault();
    console.error(`[giellm] ${fallback}: ${e.message || '(no message)'}${e.filename ? ` at ${e.filename}:${e.lineno}:${e.colno}` : ''}`, e.error ?? '');
    for (const l of listeners) l(e.message || fallback);
  });
  return { onCrash: (l: (reason: string) => void) => void listeners.push(l) };
}
