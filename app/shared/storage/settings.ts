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

/** Reads a store's saved state again when another tab changes it, so this tab never writes over that change. */
export function followOtherTabs(key: string, store: { persist: { rehydrate(): Promise<void> | void } }) {
  if (typeof window === 'undefined') return;
  window.addEventListener('storage', (e) => {
    if (e.key === key) void store.persist.rehydrate();
  });
}
