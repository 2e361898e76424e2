import { create } from 'zustand';
import type { TaskId } from '../../../src/index.ts';
import { SAMPLES } from '../../shared/samples/samples.ts';

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

export const useInputStore = create<InputState>((set, get) => ({
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
}));
