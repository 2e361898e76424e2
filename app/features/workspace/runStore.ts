import { create } from 'zustand';
import type { SentenceRun } from '../../shared/engine/engine.ts';

interface RunState {
  runs: SentenceRun[];
  grammar: boolean;
  constrainArgs: boolean;
  examples: number;
  setRuns(runs: SentenceRun[]): void;
  setGrammar(on: boolean): void;
  setConstrainArgs(on: boolean): void;
  setExamples(k: number): void;
}

export const useRunStore = create<RunState>((set) => ({
  runs: [],
  grammar: true,
  constrainArgs: false,
  examples: 3,
  setRuns: (runs) => set({ runs }),
  setGrammar: (grammar) => set({ grammar }),
  setConstrainArgs: (constrainArgs) => set({ constrainArgs }),
  setExamples: (examples) => set({ examples }),
}));
