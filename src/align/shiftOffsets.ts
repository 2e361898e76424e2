import type { LocatedExtraction, Offsets } from '../domain/types.ts';
import { EVENT_SCHEMA, mapTupleOffsets, TRIPLE_SCHEMA } from '../format/itemSchema.ts';
import { mergedNotices } from '../format/warnings.ts';

const shift = (o: Offsets, d: number): Offsets => (o === null ? null : [o[0] + d, o[1] + d]);

/** Moves a sentence's offsets into its document (`delta` = the sentence's start in code points). */
export function shiftOffsets(x: LocatedExtraction, delta: number): LocatedExtraction {
  return {
    ...x,
    entities: x.entities.map((e) => ({ ...e, start: e.start === null ? null : e.start + delta, end: e.end === null ? null : e.end + delta })),
    relations: x.relations.map((r) => ({ ...r, offsets: mapTupleOffsets(r, TRIPLE_SCHEMA, (o) => shift(o, delta)) })),
    events: x.events.map((e) => ({ ...e, offsets: mapTupleOffsets(e, EVENT_SCHEMA, (o) => shift(o, delta)) })),
  };
}

/**
 * One document's extraction from its sentences' (each with its start in code points): items in order, with
 * offsets into the document, and the category most sentences gave (the first such on a tie), since GIELLM
 * labels one sequence at a time.
 */
export function mergeSentences(parts: readonly { start: number; extraction: LocatedExtraction }[]): LocatedExtraction | null {
  if (parts.length === 0) return null;
  const shifted = parts.map((p) => shiftOffsets(p.extraction, p.start));
  const votes = new Map<string, number>();
  for (const x of shifted) if (x.category !== null) votes.set(x.category, (votes.get(x.category) ?? 0) + 1);
  let category: string | null = null;
  for (const [c, n] of votes) if (category === null || n > votes.get(category)!) category = c;
  return {
    task: shifted[0]!.task,
    category,
    entities: shifted.flatMap((x) => x.entities),
    relations: shifted.flatMap((x) => x.relations),
    events: shifted.flatMap((x) => x.events),
    warnings: shifted.flatMap((x) => x.warnings),
    ...mergedNotices(shifted),
  };
}
