import { buildInput } from '../src/format/buildInput.ts';
import { buildPromptedMessages, promptLength } from '../src/prompting/buildPrompted.ts';
import { DEFAULT_PROFILE as P } from '../src/format/profile.ts';
import { TASK_IDS } from '../src/format/taskCatalog.ts';
import type { TaskId } from '../src/domain/types.ts';
import { loadStockmark, loadTcree } from '../src/testing/sharedData.ts';
import { median } from './stats.ts';

export interface PromptRow {
  task: TaskId;
  sentences: number;
  giellm: number;
  prompted1: number;
  prompted5: number;
  ratio5: number;
}


/**
 * Median prompt length in characters: the GIELLM input (text + label set + IW) against a prompted model's
 * instruction + 1 or 5 worked examples + the same input. (No tokenizer can be fetched on these machines,
 * so characters stand in for tokens.)
 */
export function promptLengths(): PromptRow[] {
  const stock = loadStockmark().map((s) => s.text);
  const tcree = loadTcree();
  const textsFor = (t: TaskId) => (t === 're' || t === 'ee' ? tcree.map((r) => r.text) : stock);
  return TASK_IDS.map((task) => {
    const texts = textsFor(task);
    const giellm = median(texts.map((t) => buildInput(t, task, P).length));
    const prompted1 = median(texts.map((t) => promptLength(buildPromptedMessages(t, task, P, 1))));
    const prompted5 = median(texts.map((t) => promptLength(buildPromptedMessages(t, task, P, 5))));
    return { task, sentences: texts.length, giellm, prompted1, prompted5, ratio5: prompted5 / giellm };
  });
}
