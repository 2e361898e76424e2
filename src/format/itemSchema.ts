import type { LocatedExtraction, Offsets, OutputShape, Quadruple, Span, Triple } from '../domain/types.ts';

// One item schema per output shape: which list of an Extraction holds the items, their fields in output
// order, and which field is a mention of the text and which a label. Alignment, shifting, the CSV writer,
// the offset check of the Extraction reader, the highlighted text and the editors read it, so a role is
// named once.

export type ItemList = 'entities' | 'relations' | 'events';
export type TripleField = 'head' | 'relation' | 'tail';
export type QuadrupleField = 'subject' | 'trigger' | 'object' | 'time';
export type TupleField = TripleField | QuadrupleField;

export interface ItemField<F extends string = string> {
  name: F;
  /** A mention points into the text (offsets beside it); a label names a type. */
  kind: 'mention' | 'label';
  /** Only a 3-slot event's object may be absent (null). */
  optional?: boolean;
  /** The task's word labels are the usual values (a relation, an event trigger). */
  suggestsLabels?: boolean;
}

export interface ItemSchema<F extends string = string> {
  list: ItemList;
  fields: readonly ItemField<F>[];
  /**
   * How the items are drawn as arcs over the text (brat style): from the `from` mention to each `to`
   * mention, labelled by the `label` field's value, or, without one, by the role the arc points to.
   */
  arcs?: { from: F; to: readonly F[]; label?: F };
}

export const PAIR_SCHEMA: ItemSchema<'label' | 'text'> = { list: 'entities', fields: [{ name: 'label', kind: 'label', suggestsLabels: true }, { name: 'text', kind: 'mention' }] };
export const TRIPLE_SCHEMA: ItemSchema<TripleField> = {
  list: 'relations',
  fields: [{ name: 'head', kind: 'mention' }, { name: 'relation', kind: 'label', suggestsLabels: true }, { name: 'tail', kind: 'mention' }],
  arcs: { from: 'head', to: ['tail'], label: 'relation' },
};
export const EVENT_SCHEMA: ItemSchema<QuadrupleField> = {
  list: 'events',
  fields: [{ name: 'subject', kind: 'mention' }, { name: 'trigger', kind: 'mention', suggestsLabels: true }, { name: 'object', kind: 'mention', optional: true }, { name: 'time', kind: 'mention' }],
  // An event is its trigger with an arc to each of its arguments (INCEpTION's and brat's event shape).
  arcs: { from: 'trigger', to: ['subject', 'object', 'time'] },
};

export const ITEM_SCHEMAS: Readonly<Record<OutputShape, ItemSchema>> = { pairs: PAIR_SCHEMA, triple: TRIPLE_SCHEMA, event: EVENT_SCHEMA };

/** The tuple lists and their schemas (a span's one mention is its own text and start/end). */
export const TUPLE_SCHEMAS = { relations: TRIPLE_SCHEMA, events: EVENT_SCHEMA } as const;
export type TupleKind = keyof typeof TUPLE_SCHEMAS;

/** The mention fields of a tuple schema. */
export const mentionFields = <F extends string>(s: ItemSchema<F>): F[] => s.fields.filter((f) => f.kind === 'mention').map((f) => f.name);

/** A piece of the text an item points to: a span, or one argument of a tuple, in one shape. */
export interface Mention {
  text: string | null;
  offsets: Offsets;
}

export const spanMention = (e: Span): Mention => ({ text: e.text, offsets: e.start === null || e.start === undefined || e.end === null || e.end === undefined ? null : [e.start, e.end] });

type Tuple = Triple | Quadruple;
type TupleOffsets = Record<string, Offsets>;

/** A field of a tuple as a string (null for an absent object). */
export const tupleValue = (t: Tuple, field: TupleField): string | null => (t as unknown as Record<TupleField, string | null>)[field] ?? null;

/** A tuple's argument as a Mention. */
export const tupleMention = (t: Tuple, field: TupleField): Mention => ({ text: tupleValue(t, field), offsets: (t.offsets as TupleOffsets | undefined)?.[field] ?? null });

/** Every mention of an extraction with where it sits: its list, its item and its field. */
export function* mentionsOf(x: LocatedExtraction): Generator<{ list: ItemList; item: number; field: string; label: string; mention: Mention }> {
  for (let i = 0; i < x.entities.length; i++) yield { list: 'entities', item: i, field: 'text', label: x.entities[i]!.label, mention: spanMention(x.entities[i]!) };
  for (const kind of ['relations', 'events'] as const) {
    const items: readonly Tuple[] = x[kind];
    for (let i = 0; i < items.length; i++) for (const f of mentionFields<TupleField>(TUPLE_SCHEMAS[kind])) yield { list: kind, item: i, field: f, label: f, mention: tupleMention(items[i]!, f) };
  }
}

/** A tuple's offsets with `f` applied to each argument's. */
export function mapTupleOffsets<T extends Tuple>(t: T, schema: ItemSchema<TupleField>, f: (o: Offsets) => Offsets): T['offsets'] {
  const out: TupleOffsets = {};
  for (const field of mentionFields(schema)) out[field] = f((t.offsets as TupleOffsets | undefined)?.[field] ?? null);
  return out as T['offsets'];
}
