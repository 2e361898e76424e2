import type { LocatedExtraction, Offsets } from '../domain/types.ts';
import { TUPLE_SCHEMAS, tupleMention, tupleValue, type QuadrupleField, type TupleField, type TupleKind } from '../format/itemSchema.ts';
import { TextIndex } from '../text/textIndex.ts';
import { addTuple, setTupleField } from './edits.ts';

/**
 * Relations and event roles as arcs between pieces of the text, and the edits an arc editor makes, as
 * pure functions over a located Extraction. Which field an arc starts from, points to and is labelled by
 * is the item schema's (`ItemSchema.arcs`), so relations and events are one code path.
 */

export type Range = readonly [number, number];

/** An arc as the items hold it: tuple `item` of `kind`, pointing to its `role` field. */
export interface ArcRef {
  kind: TupleKind;
  item: number;
  role: TupleField;
}

/** A drawable arc: both ends located in the text. `label` is the relation, or, for an event, the role. */
export interface Arc extends ArcRef {
  from: Range;
  to: Range;
  label: string;
}

const arcShape = (kind: TupleKind): { from: TupleField; to: readonly TupleField[]; label?: TupleField } => TUPLE_SCHEMAS[kind].arcs!;
const located = (o: Offsets): o is readonly [number, number] => o !== null && o[0] < o[1];

/** Every arc of an extraction whose two ends were found in the text, in item order. */
export function arcsOf(x: LocatedExtraction): Arc[] {
  const out: Arc[] = [];
  for (const kind of ['relations', 'events'] as const) {
    const shape = arcShape(kind);
    x[kind].forEach((t, item) => {
      const from = tupleMention(t, shape.from).offsets;
      if (!located(from)) return;
      for (const role of shape.to) {
        const to = tupleMention(t, role).offsets;
        if (!located(to)) continue;
        out.push({ kind, item, role, from, to, label: shape.label ? (tupleValue(t, shape.label) ?? '') : role });
      }
    });
  }
  return out;
}

/** The distinct located arguments of the tuples, in text order: the pieces an arc can start from or point to. */
export function mentionRanges(x: LocatedExtraction): Range[] {
  const seen = new Map<string, Range>();
  for (const kind of ['relations', 'events'] as const)
    for (const t of x[kind])
      for (const f of TUPLE_SCHEMAS[kind].fields) {
        if (f.kind !== 'mention') continue;
        const o = tupleMention(t, f.name as TupleField).offsets;
        if (located(o)) seen.set(`${o[0]},${o[1]}`, o);
      }
  return [...seen.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The innermost argument under code point `pos`, or null. */
export function mentionAt(x: LocatedExtraction, pos: number): Range | null {
  let best: Range | null = null;
  for (const r of mentionRanges(x)) if (r[0] <= pos && pos < r[1] && (!best || r[1] - r[0] < best[1] - best[0])) best = r;
  return best;
}

/** The mention `step` places from `current` in text order (wrapping), skipping `skip`; the first when `current` is not one. */
export function stepMention(x: LocatedExtraction, current: Range | null, step: 1 | -1, skip?: Range | null): Range | null {
  const all = mentionRanges(x).filter((r) => !same(r, skip ?? null));
  if (all.length === 0) return null;
  const at = current ? all.findIndex((r) => same(r, current)) : -1;
  if (at === -1) {
    // Not on a mention: the first one after it (or before it, going back) in the text.
    const pos = current?.[0] ?? (step === 1 ? -1 : Infinity);
    const next = step === 1 ? all.find((r) => r[0] > pos) : [...all].reverse().find((r) => r[0] < pos);
    return next ?? all[step === 1 ? 0 : all.length - 1]!;
  }
  return all[(at + step + all.length) % all.length]!;
}

export const same = (a: Range | null, b: Range | null) => a !== null && b !== null && a[0] === b[0] && a[1] === b[1];

/**
 * What a new arc of `kind` can be: a relation from the task's word labels, or an event's role. The
 * number keys pick from this list (1 is the first).
 */
export function linkChoices(kind: TupleKind, relationLabels: readonly string[]): readonly string[] {
  const shape = arcShape(kind);
  return shape.label ? relationLabels : shape.to;
}

/**
 * Draws an arc from `from` to `to` as choice `choice` (a relation label, or an event role): a relation is a
 * new triple; an event role is set on the event with that trigger whose role is still empty, or on a new
 * event with that trigger. Arguments are taken from the text at the ranges given.
 */
export function addLink(x: LocatedExtraction, text: string, kind: TupleKind, from: Range, to: Range, choice: string): LocatedExtraction {
  const shape = arcShape(kind);
  if (shape.label) {
    const i = x[kind].length;
    let y = addTuple(x, kind, choice);
    y = setTupleField(y, text, kind, i, shape.from, null, from);
    return setTupleField(y, text, kind, i, shape.to[0]!, null, to);
  }
  const role = choice as TupleField;
  if (!shape.to.includes(role)) return x;
  const open = x[kind].findIndex((t) => same(tupleMention(t, shape.from).offsets, from) && !tupleValue(t, role));
  if (open !== -1) return setTupleField(x, text, kind, open, role, null, to);
  const i = x[kind].length;
  const y = setTupleField(addTuple(x, kind), text, kind, i, shape.from, null, from);
  return setTupleField(y, text, kind, i, role, null, to);
}

/**
 * Gives an arc another choice: a relation its new label; an event argument another role (the argument
 * that held that role, if any, takes this one's, so nothing is lost).
 */
export function relabelArc(x: LocatedExtraction, text: string, arc: ArcRef, choice: string): LocatedExtraction {
  const shape = arcShape(arc.kind);
  const t = x[arc.kind][arc.item];
  if (!t) return x;
  if (shape.label) return tupleValue(t, shape.label) === choice ? x : setTupleField(x, text, arc.kind, arc.item, shape.label, choice);
  const role = choice as TupleField;
  if (role === arc.role || !shape.to.includes(role)) return x;
  const mine = tupleMention(t, arc.role);
  const theirs = tupleMention(t, role);
  const put = (y: LocatedExtraction, field: TupleField, m: typeof mine) =>
    m.offsets ? setTupleField(y, text, arc.kind, arc.item, field, null, m.offsets) : setTupleField(y, text, arc.kind, arc.item, field, m.text ?? (field === 'object' ? null : ''));
  return put(put(x, role, mine), arc.role, theirs);
}

/** Removes an arc: a relation goes; an event loses that argument (the object becomes absent, another role empty). */
export function removeArc(x: LocatedExtraction, text: string, arc: ArcRef): LocatedExtraction {
  const shape = arcShape(arc.kind);
  if (!x[arc.kind][arc.item]) return x;
  if (shape.label) return { ...x, [arc.kind]: x[arc.kind].filter((_, j) => j !== arc.item) };
  return setTupleField(x, text, arc.kind, arc.item, arc.role as QuadrupleField, arc.role === 'object' ? null : '');
}

/** The last arc from `from` to `to` that is `choice` (a relation label, or a role): the one `addLink` just drew. */
export function arcBetween(x: LocatedExtraction, kind: TupleKind, from: Range, to: Range, choice: string): ArcRef | null {
  const shape = arcShape(kind);
  const found = arcsOf(x).filter((a) => a.kind === kind && same(a.from, from) && same(a.to, to) && (shape.label ? a.label === choice : a.role === choice));
  const last = found.at(-1);
  return last ? { kind, item: last.item, role: last.role } : null;
}

/** The arc that stands for tuple `item` (its first drawn one, else its first role), so a command on it acts on that tuple. */
export function arcOfItem(x: LocatedExtraction, kind: TupleKind, item: number): ArcRef {
  const drawn = arcsOf(x).find((a) => a.kind === kind && a.item === item);
  return { kind, item, role: drawn?.role ?? arcShape(kind).to[0]! };
}

/** The text of a range, for messages. */
export const rangeText = (text: string, r: Range) => new TextIndex(text).slice(r[0], r[1]);
