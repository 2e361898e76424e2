import { create } from 'zustand';
import { STALE_CODE } from '../../src/engine/staleChunk.ts';

// A tab opened before a new deployment: its lazy chunks may be gone from the server. Vite reports a
// chunk that failed to load as `vite:preloadError`; any failure worded like one counts too. The header
// then offers the reload (PwaStatus), before the user meets the failure again.

export const useAppUpdate = create<{ stale: boolean }>()(() => ({ stale: false }));

export const markStale = () => useAppUpdate.setState({ stale: true });

/** Whether an error is a chunk of the app that did not load; it marks the app stale when it is. */
export function isStaleChunk(e: unknown): boolean {
  const stale = STALE_CODE.test(e instanceof Error ? e.message : String(e));
  if (stale) markStale();
  return stale;
}

if (typeof window !== 'undefined') window.addEventListener('vite:preloadError', markStale);
