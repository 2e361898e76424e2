import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { isTaskId, type TaskId } from '../../../src/index.ts';
import { SAMPLES } from '../../shared/samples/samples.ts';
import { checkedMerge, noteUnreadable } from '../../shared/storage/settings.ts';

const DRAFT_KEY = 'giellm-draft';
/**
 * Characters of a draft kept across reloads: localStorage holds about 5 MB per site, shared with the
 * settings; a longer text stays in the page but is not saved (it belongs in the corpus).
 */
export const MAX_DRAFT_CHARS = 200_000;

/** localStorage that never throws: a draft that does not fit (quota, private mode) is simply not kept. */
const draftStorage = createJSONStorage<Partial<InputState>>(() => ({
  getItem: (k) => localStorage.getItem(k),
  setItem: (k, v) => {
    try {
      localStorage.setItem(k, v);
    } catch {
      // Not kept: the draft is still on the page, and the settings are untouched.
    }
  },
  removeItem: (k) => localStorage.removeItem(k),
}));

export interface InputState {
  text: string;
  task: TaskId;
  output: string;
  credit: string | null;
  sampleIndex: number;
  showInput: boolean;
  setText(text: string): void;
  setTask(task: TaskId): void;
  setOutput(output: string): void;
  loadSample(id: string): void;
  nextSample(): void;
  toggleInput(): void;
}

const first = SAMPLES[0]!;

export const useInputStore = create<InputState>()(
  persist(
    (set, get) => ({
      text: first.text,
      task: first.task,
      output: first.output ?? '',
      credit: first.credit,
      sampleIndex: 0,
      showInput: false,
      setText: (text) => set({ text, credit: null }),
      setTask: (task) => set({ task }),
      setOutput: (output) => set({ output }),
      loadSample: (id) => {
        const i = SAMPLES.findIndex((x) => x.id === id);
        const s = SAMPLES[i];
        if (s) set({ text: s.text, task: s.task, output: s.output ?? '', credit: s.credit, sampleIndex: i });
      },
      nextSample: () => get().loadSample(SAMPLES[(get().sampleIndex + 1) % SAMPLES.length]!.id),
      toggleInput: () => set((s) => ({ showInput: !s.showInput })),
    }),
    {
      name: DRAFT_KEY,
      version: 1,
      storage: draftStorage,
      // The pasted text, its output and task survive a reload; a draft too long to keep is left out whole.
      partialize: (s) => (s.text.length + s.output.length > MAX_DRAFT_CHARS ? {} : { text: s.text, task: s.task, output: s.output, credit: s.credit, sampleIndex: s.sampleIndex }),
      onRehydrateStorage: noteUnreadable(DRAFT_KEY),
      merge: checkedMerge<InputState>(DRAFT_KEY, (saved) => {
        const ok = typeof saved.text === 'string' && typeof saved.output === 'string' && isTaskId(saved.task);
        if (!ok) return { take: {}, refused: Object.keys(saved).length > 0 };
        const credit = typeof saved.credit === 'string' ? saved.credit : null;
        const sampleIndex = Number.isInteger(saved.sampleIndex) && (saved.sampleIndex as number) >= 0 && (saved.sampleIndex as number) < SAMPLES.length ? (saved.sampleIndex as number) : 0;
        return { take: { text: saved.text as string, output: saved.output as string, task: saved.task as TaskId, credit, sampleIndex }, refused: false };
      }),
    },
  ),
);
