import { create } from 'zustand';
import type { PersistOptions } from 'zustand/middleware';

// Settings kept in localStorage are data from another visit, another tab or another version of the app:
// each store checks what it reads and falls back to its defaults for what it cannot use, and the page
// says which settings were reset (never a blank page). A change made in another tab is read again here
// before this tab writes over it.

interface SettingsNotices {
  /** The localStorage keys whose saved value could not be used and was reset to the default. */
  reset: string[];
  dismiss(): void;
}

export const useSettingsNotices = create<SettingsNotices>()((set) => ({ reset: [], dismiss: () => set({ reset: [] }) }));

export const noteReset = (key: string) => useSettingsNotices.setState((s) => (s.reset.includes(key) ? s : { reset: [...s.reset, key] }));

/**
 * A persist `merge` that keeps only what `read` accepts of the saved state; a saved state it had to
 * change is noted. `read` returns the fields to take and whether anything saved was refused.
 */
export function checkedMerge<S>(key: string, read: (saved: Record<string, unknown>, current: S) => { take: Partial<S>; refused: boolean }): NonNullable<PersistOptions<S>['merge']> {
  return (persisted, current) => {
    if (persisted === undefined) return current;
    if (persisted === null || typeof persisted !== 'object' || Array.isArray(persisted)) {
      noteReset(key);
      return current;
    }
    const { take, refused } = read(persisted as Record<string, unknown>, current);
    if (refused) noteReset(key);
    return { ...current, ...take };
  };
}

/** The persist callback for a saved value that is not even JSON: the defaults stay, and it is noted. */
export const noteUnreadable =
  (key: string) =>
  () =>
  (_state: unknown, error?: unknown): void => {
    if (error) noteReset(key);
  };

/**
 * Keeps a persisted store in step with its saved copy: a saved value it had to reset is written back as
 * it now stands (so the next visit has nothing to reset), and it reads its saved state again when another
 * tab changes it, so this tab never writes over that change.
 */
export function keepInStep(key: string, store: { persist?: { rehydrate(): Promise<void> | void }; setState(s: object): void }) {
  // (Without localStorage, as in Node, zustand's persist adds no `persist` API: nothing to keep in step.)
  if (!store.persist) return;
  // localStorage is read at once: by now the store hydrated, or failed to (not JSON), and noted it.
  if (useSettingsNotices.getState().reset.includes(key)) store.setState({});
  if (typeof window === 'undefined') return;
  window.addEventListener('storage', (e) => {
    if (e.key === key) void store.persist?.rehydrate();
  });
}
