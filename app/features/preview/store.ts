import { create } from 'zustand';
import type { TaskId } from '../../../src/index.ts';
import { SAMPLES } from '../../shared/samples/samples.ts';

interface PreviewState {
  text: string;
  task: TaskId;
  output: string;
  credit: string | null;
  setText(text: string): void;
  setTask(task: TaskId): void;
  setOutput(output: string): void;
  loadSample(id: string): void;
}

const first = SAMPLES[0]!;

export const usePreviewStore = create<PreviewState>((set) => ({
  text: first.text,
  task: first.task,
  output: first.output ?? '',
  credit: first.credit,
  setText: (text) => set({ text, credit: null }),
  setTask: (task) => set({ task }),
  setOutput: (output) => set({ output }),
  loadSample: (id) => {
    const s = SAMPLES.find((x) => x.id === id);
    if (s) set({ text: s.text, task: s.task, output: s.output ?? '', credit: s.credit });
  },
}));
