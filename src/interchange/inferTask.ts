import type { Extraction, LocatedExtraction, TaskId } from '../domain/types.ts';
import type { FormatProfile } from '../format/profile.ts';
import { TASK_IDS, TASKS } from '../format/taskCatalog.ts';
import type { AnnotatedDocument } from './document.ts';

/** What a file's content says about its task: one task, or the tasks it could be (the import then asks). */
export type TaskGuess = { task: TaskId } | { candidates: TaskId[] };

/**
 * A document read from a span format, with the task its items imply: where they imply none, `candidates`
 * says which it could be and `extraction.task` is the first of them until the import asks.
 */
export function withInferredTask<D extends Omit<AnnotatedDocument, 'extraction' | 'candidates'>>(
  doc: D,
  items: Pick<LocatedExtraction, 'category' | 'entities' | 'relations' | 'events'>,
  profile: FormatProfile,
): D & Pick<AnnotatedDocument, 'extraction' | 'candidates'> {
  const guess = inferTask(items, profile);
  const extraction: LocatedExtraction = { task: 'task' in guess ? guess.task : guess.candidates[0]!, ...items, warnings: [] };
  return { ...doc, extraction, ...('candidates' in guess ? { candidates: guess.candidates } : {}) };
}

const SENTIMENT = TASK_IDS.filter((t) => TASKS[t].dataset === 'SCPOS');

/**
 * The task a document's items imply: events → EE, relations → RE, spans → NER unless every label is a
 * sentiment polarity (then one of the four SCPOS tasks, which their items cannot tell apart). A category
 * alone narrows to the tasks whose label set has it. Nothing at all: any task.
 */
export function inferTask(x: Pick<Extraction, 'category' | 'entities' | 'relations' | 'events'>, profile: FormatProfile): TaskGuess {
  if (x.events.length) return { task: 'ee' };
  if (x.relations.length) return { task: 're' };
  const byCategory = (tasks: readonly TaskId[]) => (x.category === null ? [...tasks] : tasks.filter((t) => profile.categories[t].includes(x.category!)));
  if (x.entities.length) {
    const polarity = new Set(SENTIMENT.flatMap((t) => profile.wordLabels[t]));
    if (!x.entities.every((e) => polarity.has(e.label))) return { task: 'ner' };
    const fits = byCategory(SENTIMENT);
    return fits.length === 1 ? { task: fits[0]! } : { candidates: fits.length ? fits : [...SENTIMENT] };
  }
  const fits = byCategory(TASK_IDS);
  return fits.length === 1 ? { task: fits[0]! } : { candidates: fits.length ? fits : [...TASK_IDS] };
}

/**
 * The question to ask for a file's documents whose content names no task: the tasks every one of them
 * could be (all tasks when they have none in common).
 */
export function commonCandidates(sets: readonly (readonly TaskId[])[]): TaskId[] {
  const common = TASK_IDS.filter((t) => sets.every((s) => s.includes(t)));
  return common.length ? common : [...TASK_IDS];
}

