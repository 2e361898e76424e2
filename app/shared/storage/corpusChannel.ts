// Tabs of the app share one corpus database: each write is announced to the others (BroadcastChannel
// delivers to every other tab of this origin, never back to the sender), which read the corpus again, so
// a delete, a clear or a correction in one tab shows in all.

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('giellm-corpus');

export const announceCorpusChange = () => channel?.postMessage({ kind: 'changed' });

/** Calls `listener` whenever another tab changed the corpus; returns the way to stop. */
export function onCorpusChangeElsewhere(listener: () => void): () => void {
  if (!channel) return () => undefined;
  const handler = (e: MessageEvent) => (e.data as { kind?: string })?.kind === 'changed' && listener();
  channel.addEventListener('message', handler);
  return () => channel.removeEventListener('message', handler);
}
