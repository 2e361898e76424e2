import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { DEFAULT_PROFILE, validateProfile, type FormatProfile, type TaskId } from '../../../src/index.ts';

interface ProfileState {
  profile: FormatProfile;
  /** The last edit that was refused, and why; the profile keeps its previous value. */
  errors: string[];
  update(patch: Partial<FormatProfile>): void;
  setIw(task: TaskId, iw: string): void;
  setCategories(task: TaskId, labels: string[]): void;
  reset(): void;
}

export const useProfileStore = create<ProfileState>()(
  persist(
    (set, get) => ({
      profile: DEFAULT_PROFILE,
      errors: [],
      update: (patch) => {
        const r = validateProfile({ ...get().profile, ...patch, id: 'user', name: 'My format' });
        if (r.ok) set({ profile: r.profile, errors: [] });
        else set({ errors: r.errors });
      },
      setIw: (task, iw) => get().update({ iw: { ...get().profile.iw, [task]: iw } }),
      setCategories: (task, labels) => get().update({ categories: { ...get().profile.categories, [task]: labels } }),
      reset: () => set({ profile: DEFAULT_PROFILE, errors: [] }),
    }),
    {
      name: 'giellm-profile',
      version: 1,
      partialize: (s) => ({ profile: s.profile }),
      // A stored profile is data from an older visit: validate it, and fall back to the default if broken.
      merge: (persisted, current) => {
        const r = validateProfile((persisted as { profile?: unknown } | undefined)?.profile);
        return r.ok ? { ...current, profile: r.profile } : current;
      },
    },
  ),
);
