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

/** An item of an extraction as the round trip compares it. */
const itemsOf = (x: Extraction, task: TaskId): string[] => {
  const shape = TASKS[task].shape;
  if (shape === 'pairs') return x.entities.map((e) => `${e.label}\u241f${e.text}`);
  return (shape === 'triple' ? x.relations : x.events).map((t) => tupleFields(shape, t).join('\u241f'));
};

/**
 * The output string, or the first item the parser would not read back from it (a `;` or `:` inside a
 * field, a line break, an unfinished tuple), so an export refuses it instead of writing it silently.
 * `parse` is the project's parser, passed in to keep this module free of it.
 */
export function serializeChecked(
  extraction: Extraction,
  task: TaskId,
  profile: FormatProfile,
  parse: (output: string) => Extraction,
): { output: string } | { unreadable: string } {
  const output = serializeOutput(extraction, task, profile);
  const back = parse(output);
  const want = itemsOf(extraction, task);
  const got = itemsOf(back, task);
  const bad = want.findIndex((w, i) => got[i] !== w);
  if (bad === -1 && got.length === want.length && back.category === extraction.category) return { output };
  if (bad === -1 && got.length === want.length) return { unreadable: `category ${JSON.stringify(extraction.category)}` };
  const i = bad === -1 ? want.length - 1 : bad;
  return { unreadable: `item ${i + 1} (${(want[i] ?? '').replaceAll('\u241f', ';')})` };
}
