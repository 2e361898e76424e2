import type { LocatedExtraction, Offsets } from '../domain/types.ts';
import { TextIndex } from '../text/textIndex.ts';
import { EVENT_SCHEMA, mapTupleOffsets, mentionFields, TRIPLE_SCHEMA, type QuadrupleField, type TripleField, type TupleKind } from '../format/itemSchema.ts';

/**
 * Corrections to a located Extraction, as pure functions: each returns a new Extraction and leaves the old
 * one as it was, so undo is keeping the previous value. Offsets are code points into `text`; a string an
 * edit takes from the text is re-read from it, so item strings and offsets never drift apart.
 */
export type { QuadrupleField, TripleField, TupleKind } from '../format/itemSchema.ts';
/** Fields that point into the text; the others (a relation) are labels. */
const ARG_FIELDS = new Set<string>([...mentionFields(TRIPLE_SCHEMA), ...mentionFields(EVENT_SCHEMA)]);

const clampRange = (index: TextIndex, start: number, end: number): [number, number] => {
  const s = Math.max(0, Math.min(start, index.length));
  const e = Math.max(s, Math.min(end, index.length));
  return [s, e];
};

const without = <T>(xs: readonly T[], i: number): T[] => xs.filter((_, j) => j !== i);
const replaced = <T>(xs: readonly T[], i: number, x: T): T[] => xs.map((y, j) => (j === i ? x : y));

/**
 * What a person saves is what they decided: the model's parse flags (unreadable pieces, a cut-off output)
 * described the model's string, not the annotation, so they do not travel into it.
 */
export function asAnnotation(x: LocatedExtraction): LocatedExtraction {
  if (x.unreadable === undefined && x.truncated === undefined) return x;
  const rest = { ...x };
  delete rest.unreadable;
  delete rest.truncated;
  return rest;
}

export function setCategory(x: LocatedExtraction, category: string | null): LocatedExtraction {
  return { ...x, category: category === '' ? null : category };
}

/** Adds an entity over `[start, end)`; an empty range adds nothing. Entities stay in text order. */
export function addSpan(x: LocatedExtraction, text: string, start: number, end: number, label: string): LocatedExtraction {
  return addSpans(x, new TextIndex(text), [[start, end]], label);
}

/** Adds spans of one label, each where `addSpan` would put it, reading the text once. */
function addSpans(x: LocatedExtraction, index: TextIndex, ranges: readonly (readonly [number, number])[], label: string): LocatedExtraction {
  const entities = [...x.entities];
  for (const [start, end] of ranges) {
    const [s, e] = clampRange(index, start, end);
    if (s === e) continue;
    const at = entities.findIndex((o) => o.start !== null && (o.start > s || (o.start === s && (o.end ?? 0) > e)));
    entities.splice(at === -1 ? entities.length : at, 0, { label, text: index.slice(s, e), start: s, end: e });
  }
  return entities.length === x.entities.length ? x : { ...x, entities };
}

export function removeSpan(x: LocatedExtraction, i: number): LocatedExtraction {
  return { ...x, entities: without(x.entities, i) };
}

export function setSpanLabel(x: LocatedExtraction, i: number, label: string): LocatedExtraction {
  const e = x.entities[i];
  return e ? { ...x, entities: replaced(x.entities, i, { ...e, label }) } : x;
}

/** Moves one end of a located span by `delta` code points; a span never becomes empty or leaves the text. */
export function moveSpanEdge(x: LocatedExtraction, text: string, i: number, edge: 'start' | 'end', delta: number): LocatedExtraction {
  const e = x.entities[i];
  if (!e || e.start === null || e.end === null) return x;
  const index = new TextIndex(text);
  let { start, end } = e;
  if (edge === 'start') start = Math.max(0, Math.min(start + delta, end - 1));
  else end = Math.min(index.length, Math.max(end + delta, start + 1));
  if (start === e.start && end === e.end) return x;
  return { ...x, entities: replaced(x.entities, i, { ...e, start, end, text: index.slice(start, end) }) };
}

/** Sets both ends of a span at once (a drag, or a new selection for it). */
export function setSpanRange(x: LocatedExtraction, text: string, i: number, start: number, end: number): LocatedExtraction {
  const e = x.entities[i];
  const index = new TextIndex(text);
  const [s, t] = clampRange(index, start, end);
  if (!e || s === t) return x;
  return { ...x, entities: replaced(x.entities, i, { ...e, start: s, end: t, text: index.slice(s, t) }) };
}

/**
 * Sets one field of a triple or an event. An argument given with a range is taken from the text there;
 * typed without one, it is looked up in the text (null offsets when it is not there, as the aligner does).
 */
export function setTupleField(
  x: LocatedExtraction,
  text: string,
  kind: TupleKind,
  i: number,
  field: TripleField | QuadrupleField,
  value: string | null,
  range?: readonly [number, number],
): LocatedExtraction {
  const index = new TextIndex(text);
  let str = value;
  let offsets: Offsets = null;
  if (range) {
    const [s, e] = clampRange(index, range[0], range[1]);
    str = index.slice(s, e);
    offsets = [s, e];
  } else if (str !== null && str !== '') {
    offsets = index.find(str, 0, () => true);
  }
  if (kind === 'relations') {
    const r = x.relations[i];
    if (!r) return x;
    const f = field as TripleField;
    const next = { ...r, [f]: str ?? '', offsets: ARG_FIELDS.has(f) ? { ...r.offsets, [f]: offsets } : r.offsets };
    return { ...x, relations: replaced(x.relations, i, next) };
  }
  const q = x.events[i];
  if (!q) return x;
  const f = field as QuadrupleField;
  // Only the object may be absent (a 3-slot event); clearing another field leaves it empty.
  const v = f === 'object' ? (str === '' ? null : str) : (str ?? '');
  const next = { ...q, [f]: v, offsets: { ...q.offsets, [f]: v === null ? null : offsets } };
  return { ...x, events: replaced(x.events, i, next) };
}

export function addTuple(x: LocatedExtraction, kind: TupleKind, relation = ''): LocatedExtraction {
  const none = () => null;
  if (kind === 'relations') {
    const r = { head: '', relation, tail: '', offsets: { head: null, tail: null } };
    return { ...x, relations: [...x.relations, { ...r, offsets: mapTupleOffsets(r, TRIPLE_SCHEMA, none) }] };
  }
  const e = { subject: '', trigger: '', object: null, time: '', offsets: { subject: null, trigger: null, object: null, time: null } };
  return { ...x, events: [...x.events, { ...e, offsets: mapTupleOffsets(e, EVENT_SCHEMA, none) }] };
}

export function removeTuple(x: LocatedExtraction, kind: TupleKind, i: number): LocatedExtraction {
  return kind === 'relations' ? { ...x, relations: without(x.relations, i) } : { ...x, events: without(x.events, i) };
}

/** The code-point ranges of every exact occurrence of `needle` in `text`, in order (one pass of indexOf). */
export function occurrences(text: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (needle === '') return out;
  const len = codePoints(needle);
  let cp = 0;
  let unit = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    // A match starting on the low half of a surrogate pair is not a match of code points.
    if (at > 0 && isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1))) continue;
    cp += codePoints(text.slice(unit, at));
    unit = at;
    out.push([cp, cp + len]);
  }
  return out;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const codePoints = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isLowSurrogate(s.charCodeAt(i)) || i === 0 || !isHighSurrogate(s.charCodeAt(i - 1))) n++;
  return n;
};

/**
 * Labels every other occurrence of span `i`'s string with its label, as one edit (one undo step). An
 * occurrence that already overlaps a span of the same label is left alone (it is labelled, or it is part of
 * a longer mention such as 東京 in 東京都); one under a span of another label is added, stacked. Returns the
 * new extraction and the ranges it added, for the editor to say what it did.
 */
export function labelAllOccurrences(x: LocatedExtraction, text: string, i: number): { extraction: LocatedExtraction; added: [number, number][] } {
  const e = x.entities[i];
  if (!e || e.start === null || e.end === null) return { extraction: x, added: [] };
  const same = x.entities.filter((o) => o.label === e.label && o.start !== null && o.end !== null);
  const added = occurrences(text, e.text).filter(([s, t]) => !same.some((o) => o.start! < t && o.end! > s));
  return { extraction: addSpans(x, new TextIndex(text), added, e.label), added };
}
