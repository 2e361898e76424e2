import type { Extraction, Quadruple, TaskId, Triple } from '../domain/types.ts';
import { TASKS } from './taskCatalog.ts';
import type { FormatProfile } from './profile.ts';

const tupleFields = (shape: 'triple' | 'event', item: Triple | Quadruple): string[] => {
  if (shape === 'triple') {
    const t = item as Triple;
    return [t.head, t.relation, t.tail];
  }
  const q = item as Quadruple;
  return q.object === null ? [q.subject, q.trigger, q.time] : [q.subject, q.trigger, q.object, q.time];
};

/**
 * The exact gold output string for training-data export. A null category writes no `<>` tag: the parser
 * reads that back as null (with a warning, since a model output without it is incomplete).
 */
export function serializeOutput(extraction: Extraction, task: TaskId, profile: FormatProfile): string {
  const shape = TASKS[task].shape;
  const head = (extraction.category === null ? '' : `<${extraction.category}>`) + profile.iw[task];
  if (shape === 'pairs') {
    if (extraction.entities.length === 0) return head;
    const body = extraction.entities.map((e) => `:${e.label};${e.text}`).join('');
    return head + body + (profile.pairsTrailingColon ? ':' : '');
  }
  const items = shape === 'triple' ? extraction.relations : extraction.events;
  if (items.length === 0) return head;
  const tuples = items.map((item) => tupleFields(shape, item).join(';'));
  const joiner = profile.tupleJoin === 'shared' ? ':' : '::';
  return `${head}:${tuples.join(joiner)}:`;
}
