import type { LocatedExtraction, Offsets } from '../domain/types.ts';

const shift = (o: Offsets, d: number): Offsets => (o === null ? null : [o[0] + d, o[1] + d]);

/** Moves a sentence's offsets into its document (`delta` = the sentence's start in code points). */
export function shiftOffsets(x: LocatedExtraction, delta: number): LocatedExtraction {
  return {
    ...x,
    entities: x.entities.map((e) => ({ ...e, start: e.start === null ? null : e.start + delta, end: e.end === null ? null : e.end + delta })),
    relations: x.relations.map((r) => ({ ...r, offsets: { head: shift(r.offsets.head, delta), tail: shift(r.offsets.tail, delta) } })),
    events: x.events.map((e) => ({
      ...e,
      offsets: { subject: shift(e.offsets.subject, delta), trigger: shift(e.offsets.trigger, delta), object: shift(e.offsets.object, delta), time: shift(e.offsets.time, delta) },
    })),
  };
}
