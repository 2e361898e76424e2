import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { checkedMerge, keepInStep, noteUnreadable } from '../storage/settings.ts';

const KEY = 'giellm-annotator';
/** Long enough for any name; a saved value longer than this is not one. */
export const MAX_NAME_CHARS = 100;

/** Who is annotating: the name every edit and accept is stamped with ('' until they give one). */
export interface AnnotatorState {
  name: string;
  setName(name: string): void;
}

export const useAnnotatorStore = create<AnnotatorState>()(
  persist(
    (set) => ({
      name: '',
      setName: (name) => set({ name: name.slice(0, MAX_NAME_CHARS) }),
    }),
    {
      name: KEY,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ name: s.name }),
      onRehydrateStorage: noteUnreadable(KEY),
      merge: checkedMerge<AnnotatorState>(KEY, (saved) => {
        const ok = typeof saved.name === 'string' && saved.name.length <= MAX_NAME_CHARS;
        return { take: ok ? { name: saved.name as string } : {}, refused: !ok && 'name' in saved };
      }),
    },
  ),
);
keepInStep(KEY, useAnnotatorStore);
