import type { LocatedExtraction, TaskId } from '../domain/types.ts';
import type { ReadResult } from '../data/records.ts';
import { readJsonLines } from '../data/records.ts';
import { TextIndex } from '../text/textIndex.ts';
import type { AnnotatedDocument } from './document.ts';

// doccano's sequence-labeling JSONL: {"text", "label": [[start, end, label], …]} with Python (code point)
// offsets; its relation format adds {"entities": [{id, start_offset, end_offset, label}], "relations":
// [{id, from_id, to_id, type}]}. A document-level label goes in "cats" (doccano's text classification).

export function toDoccano(doc: AnnotatedDocument): string {
  const x = doc.extraction;
  const out: Record<string, unknown> = { text: doc.text };
  if (doc.id !== null) out.id = doc.id;
  if (x.category !== null) out.cats = [x.category];
  if (x.relations.length === 0) {
    out.label = x.entities.filter((e) => e.start !== null).map((e) => [e.start, e.end, e.label]);
    return JSON.stringify(out);
  }
  // Relations: each located argument becomes an entity, shared when two relations name the same span.
  const entities: { id: number; start_offset: number; end_offset: number; label: string }[] = [];
  const idOf = (o: readonly [number, number], label: string) => {
    const found = entities.find((e) => e.start_offset === o[0] && e.end_offset === o[1] && e.label === label);
    if (found) return found.id;
    entities.push({ id: entities.length + 1, start_offset: o[0], end_offset: o[1], label });
    return entities.length;
  };
  for (const e of x.entities) if (e.start !== null && e.end !== null) idOf([e.start, e.end], e.label);
  const relations = x.relations.flatMap((r, i) => (r.offsets.head && r.offsets.tail ? [{ id: i + 1, from_id: idOf(r.offsets.head, 'head'), to_id: idOf(r.offsets.tail, 'tail'), type: r.relation }] : []));
  out.entities = entities;
  out.relations = relations;
  return JSON.stringify(out);
}

/** Reads doccano JSONL; bad lines are reported by number and the good ones kept. */
export function fromDoccano(content: string, file: string, task: TaskId): ReadResult<AnnotatedDocument> {
  return readJsonLines(content, file, (o, line): AnnotatedDocument | string => {
    if (typeof o.text !== 'string') return '"text" is missing';
    const text = o.text;
    const idx = new TextIndex(text);
    // The file's offsets are kept as they are: re-finding the strings could pick another mention.
    const x: LocatedExtraction = { task, category: Array.isArray(o.cats) && typeof o.cats[0] === 'string' ? o.cats[0] : null, entities: [], relations: [], events: [], warnings: [] };
    const inText = (s: unknown, e: unknown) => Number.isInteger(s) && Number.isInteger(e) && (s as number) >= 0 && (s as number) < (e as number) && (e as number) <= idx.length;
    const labels = (Array.isArray(o.label) ? o.label : []) as unknown[];
    for (const l of labels) {
      const [s, e, label] = l as [unknown, unknown, unknown];
      if (!inText(s, e) || typeof label !== 'string') {
        return `label ${JSON.stringify(l)} is not [start, end, "label"] inside the text`;
      }
      x.entities.push({ label, text: idx.slice(s as number, e as number), start: s as number, end: e as number });
    }
    const ents = new Map<number, { start: number; end: number; label: string }>();
    for (const e of (Array.isArray(o.entities) ? o.entities : []) as { id?: unknown; start_offset?: unknown; end_offset?: unknown; label?: unknown }[]) {
      if (typeof e?.id !== 'number' || !inText(e.start_offset, e.end_offset) || typeof e.label !== 'string') {
        return `entity ${JSON.stringify(e)} needs id, start_offset, end_offset inside the text, and label`;
      }
      ents.set(e.id, { start: e.start_offset as number, end: e.end_offset as number, label: e.label });
      if (e.label !== 'head' && e.label !== 'tail') x.entities.push({ label: e.label, text: idx.slice(e.start_offset as number, e.end_offset as number), start: e.start_offset as number, end: e.end_offset as number });
    }
    for (const r of (Array.isArray(o.relations) ? o.relations : []) as { from_id?: unknown; to_id?: unknown; type?: unknown }[]) {
      const from = ents.get(r?.from_id as number);
      const to = ents.get(r?.to_id as number);
      if (!from || !to || typeof r.type !== 'string') {
        return `relation ${JSON.stringify(r)} refers to no entity of this line`;
      }
      x.relations.push({ head: idx.slice(from.start, from.end), relation: r.type, tail: idx.slice(to.start, to.end), offsets: { head: [from.start, from.end], tail: [to.start, to.end] } });
    }
    return { id: typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : null, text, extraction: x, line };
  });
}
