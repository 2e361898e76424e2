import type { LocatedExtraction } from '../domain/types.ts';
import type { Notice } from '../format/warnings.ts';
import { TUPLE_SCHEMAS, tupleMention, type TupleField, type TupleKind } from '../format/itemSchema.ts';

/** The item a warning is about: a span (its index), or a tuple and the field the warning names. */
export type NoticeItem = { list: 'entities'; index: number } | { list: TupleKind; index: number; field: TupleField };

/**
 * The item of an extraction a parse warning is about, so the warning can lead to it: a string the aligner
 * did not find is the item holding that string without offsets. Null for a warning about no one item (an
 * unreadable piece), or when the item is no longer there (corrected since).
 */
export function itemOfNotice(x: LocatedExtraction, n: Notice): NoticeItem | null {
  if (n.code !== 'not-found') return null;
  const { role, label, text } = n.params;
  if (role === 'span') {
    const index = x.entities.findIndex((e) => e.label === label && e.text === text && (e.start === null || e.start === undefined));
    return index === -1 ? null : { list: 'entities', index };
  }
  for (const list of ['relations', 'events'] as const) {
    const field = TUPLE_SCHEMAS[list].fields.find((f) => f.name === role)?.name as TupleField | undefined;
    if (!field) continue;
    const index = (x[list] as readonly Parameters<typeof tupleMention>[0][]).findIndex((t) => {
      const m = tupleMention(t, field);
      return m.text === text && m.offsets === null;
    });
    if (index !== -1) return { list, index, field };
  }
  return null;
}
