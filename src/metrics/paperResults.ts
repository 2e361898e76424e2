import type { TaskId } from '../domain/types.ts';

/** A dataset of the paper's Table 1 that the app has a task for. */
export type PaperDataset = 'SCNM' | 'TCREE' | 'SCPOS:RW' | 'SCPOS:Adj';

export interface PaperResult {
  model: string;
  tl: number;
  wl: number;
  all: number;
}

/** Table 1 of the paper (accuracy %, TL / WL / ALL), as in giellm-format.md. */
export const PAPER_TABLE_1: Record<PaperDataset, readonly PaperResult[]> = {
  SCNM: [
    { model: 'GIELLM-13B-JP', tl: 86.44, wl: 62.95, all: 54.43 },
    { model: 'GIELLM-7B', tl: 85.7, wl: 63.16, all: 54.29 },
    { model: 'GPT-3.5-Turbo', tl: 49.46, wl: 11.87, all: 6.97 },
  ],
  TCREE: [
    { model: 'GIELLM-13B-JP', tl: 97.49, wl: 78.51, all: 77.41 },
    { model: 'GIELLM-7B', tl: 97.19, wl: 77.01, all: 75.8 },
    { model: 'GPT-3.5-Turbo', tl: 80.02, wl: 7.33, all: 6.73 },
  ],
  'SCPOS:RW': [
    { model: 'GIELLM-13B-JP', tl: 85.83, wl: 67.62, all: 26.15 },
    { model: 'GIELLM-7B', tl: 86.31, wl: 66.9, all: 25.37 },
    { model: 'GPT-3.5-Turbo', tl: 53.6, wl: 14.99, all: 1.6 },
  ],
  'SCPOS:Adj': [
    { model: 'GIELLM-13B-JP', tl: 93.47, wl: 78.71, all: 63.33 },
    { model: 'GIELLM-7B', tl: 91.6, wl: 75.71, all: 58.8 },
    { model: 'GPT-3.5-Turbo', tl: 78.83, wl: 15.45, all: 9.87 },
  ],
};

/**
 * The Table 1 dataset a task's scores compare with. TCREE is one dataset in the paper (RE and EE mixed), so
 * both tasks compare with its row; the N and N&Adj sentiment sets have no row in Table 1.
 */
export const PAPER_DATASET: Partial<Record<TaskId, PaperDataset>> = { ner: 'SCNM', re: 'TCREE', ee: 'TCREE', 'se-rw': 'SCPOS:RW', 'se-adj': 'SCPOS:Adj' };
