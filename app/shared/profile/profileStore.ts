import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { checkedMerge, keepInStep, noteUnreadable } from '../storage/settings.ts';
import { DEFAULT_PROFILE, validateProfile, type FormatProfile, type TaskId } from '../../../src/index.ts';
import type { ProfileProblem } from '../../../src/format/profile.ts';

const PROFILE_KEY = 'giellm-profile';

/** A per-label table with `label` given `value`, or without it (null). */
const withEntry = (table: Readonly<Record<string, string>>, label: string, value: string | null) => {
  const rest = { ...table };
  delete rest[label];
  return value === null ? rest : { ...rest, [label]: value };
};

interface ProfileState {
  profile: FormatProfile;
  /** The last edit that was refused, and why; the profile keeps its previous value. */
  /** What the last edit got wrong (the edit was not kept), by code. */
  errors: ProfileProblem[];
  update(patch: Partial<FormatProfile>): void;
  setIw(task: TaskId, iw: string): void;
  setCategories(task: TaskId, labels: string[]): void;
  /** A task's word labels (entity types, relations, triggers, polarities), in the order the number keys take. */
  setWordLabels(task: TaskId, labels: string[]): void;
  /** A word label's own colour, or back to the palette's (null). */
  setLabelColour(label: string, colour: string | null): void;
  /** A word label's own key (one letter), or none (null): the label keeps its number key either way. */
  setLabelKey(label: string, key: string | null): void;
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
        else set({ errors: r.problems });
      },
      setIw: (task, iw) => get().update({ iw: { ...get().profile.iw, [task]: iw } }),
      setCategories: (task, labels) => get().update({ categories: { ...get().profile.categories, [task]: labels } }),
      setWordLabels: (task, labels) => get().update({ wordLabels: { ...get().profile.wordLabels, [task]: labels } }),
      setLabelColour: (label, colour) => get().update({ labelColours: withEntry(get().profile.labelColours, label, colour) }),
      setLabelKey: (label, key) => get().update({ labelKeys: withEntry(get().profile.labelKeys, label, key) }),
      reset: () => set({ profile: DEFAULT_PROFILE, errors: [] }),
    }),
    {
      name: PROFILE_KEY,
      version: 1,
      partialize: (s) => ({ profile: s.profile }),
      onRehydrateStorage: noteUnreadable(PROFILE_KEY),
      // A stored profile is data from an older visit: validate it, and fall back to the default if broken.
      merge: checkedMerge<ProfileState>(PROFILE_KEY, (saved) => {
        const r = validateProfile(saved.profile);
        return r.ok ? { take: { profile: r.profile }, refused: false } : { take: {}, refused: true };
      }),
    },
  ),
);

// The label sets and the format settings are one saved profile: another tab's change is read before this tab writes.
keepInStep(PROFILE_KEY, useProfileStore);
