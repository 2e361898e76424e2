// What an import or an export could not keep, said per document and item. Every reader and writer reports
// its losses here instead of dropping silently; the app words each code from its catalogs
// (`interchange.loss.*`), the CLI from `LOSS_TEXT` below.

export const LOSS_CODES = [
  /** The item's string was not found in the text, so a format that stores offsets has nowhere to put it. */
  'no-offsets',
  /** The format has no place for a text-level category. */
  'category-not-held',
  /** The format holds spans only: relations are left out. */
  'relations-not-held',
  /** The format holds spans only: events are left out. */
  'events-not-held',
  /** Overlapping spans: the format (BIO tags) holds one label a character. */
  'overlap-not-held',
  /** Tabs and line breaks cannot be tokens of a CoNLL file: written as spaces. */
  'whitespace-replaced',
  /** The GIELLM output of this item could not be read back by the parser (a `;`, `:` or line break inside it). */
  'unreadable-output',
  /** The same, in a format that keeps the document without an output (records). */
  'unreadable-output-kept-text',
  /** A document with no annotation at all is not training data. */
  'no-annotation',
  /** A span read from the file is in no relation, and a relation task keeps only relations. */
  'span-in-no-relation',
  /** A region or label whose kind the reader does not know. */
  'unknown-item',
  /** An event whose trigger has no subject or time. */
  'incomplete-event',
  /** The file's text ended lines with CR LF; the tool counts offsets after turning them into LF. */
  'line-endings-changed',
  /** GIELLM holds one category a text: a further one is left out. */
  'extra-category',
  /** A span in pieces with text between them (brat fragments): read as one span from the first piece to the last. */
  'discontinuous-span',
  /** The region's `text` is not the text at its offsets: the region is left out, not moved. */
  'text-mismatch',
  /** The label of a span used as a relation argument: GIELLM relations keep the strings only. */
  'argument-label-not-held',
  /** A span of line breaks alone: brat writes a span as its pieces between line breaks, and it has none. */
  'line-breaks-only',
  /** A span that starts or ends with a line break: brat's fragments leave the break out. */
  'line-break-trimmed',
  /** Who made each item (a model or a person), and which are suggestions nobody accepted: this format has no place for it. */
  'provenance-not-held',
  /** Label Studio keeps whether a model made each region (`origin`, predictions), not who accepted it or when. */
  'provenance-partly-held',
  /** Suggestions nobody accepted are not training data: left out (the item is how many). */
  'suggestions-not-gold',
  /** A brat note (AnnotatorNotes) that is not one this app writes: the items hold no free notes. */
  'note-not-held',
  /** Who reviewed the document and when, its flag, skip or comment: only the Extraction JSONL format keeps them. */
  'review-not-held',
] as const;
export type LossCode = (typeof LOSS_CODES)[number];

export interface Loss {
  code: LossCode;
  /** The document: its record id, else its position (1-based) in the file or export. */
  doc: string;
  /** The item, as a person reads it (`人名:東京`, `relation 2`), where one is concerned. */
  item?: string;
}

export const LOSS_TEXT: Readonly<Record<LossCode, string>> = {
  'no-offsets': 'not found in the text, so it has no offsets this format could store',
  'category-not-held': 'this format has no place for the text-level category',
  'relations-not-held': 'this format holds spans only: the relation is left out',
  'events-not-held': 'this format holds spans only: the event is left out',
  'overlap-not-held': 'overlaps another span, and BIO tags hold one label per character',
  'whitespace-replaced': 'tabs and line breaks cannot be CoNLL tokens: written as spaces',
  'unreadable-output': 'the GIELLM output of this item could not be read back (a ";", ":" or line break inside it, or a ">" in the category): the document is left out',
  'unreadable-output-kept-text': 'the GIELLM output of this item could not be read back (a ";", ":" or line break inside it, or a ">" in the category): the document is written with its text and no output',
  'no-annotation': 'the document has no annotation: left out of the training data',
  'span-in-no-relation': 'a span in no relation: a relation-extraction document keeps relations only',
  'unknown-item': 'an item of a kind this reader does not know: left out',
  'incomplete-event': 'an event trigger without a subject or a time: left out',
  'line-endings-changed': 'CR LF line endings are written as LF (the tool counts offsets after that change)',
  'extra-category': 'a second category: GIELLM holds one per text, so it is left out',
  'discontinuous-span': 'a span in pieces: read as one span from its first piece to its last',
  'text-mismatch': "the region's text is not the text at its offsets: left out, not moved",
  'argument-label-not-held': 'the label of a relation argument: GIELLM relations keep the strings only',
  'line-breaks-only': 'a span of line breaks alone: brat writes a span as its pieces between line breaks, and it has none',
  'line-break-trimmed': 'the span starts or ends with a line break, which brat’s fragments leave out: written without it',
  'provenance-not-held': 'this format has no place for who made each item, or for which are suggestions nobody accepted',
  'provenance-partly-held': 'Label Studio keeps which items a model suggested (predictions, region origin), not who accepted or made each item, or when',
  'suggestions-not-gold': 'suggestions of a model nobody accepted are not training data: left out (how many)',
  'note-not-held': 'a note on an annotation: the app keeps no free notes, so it is left out',
  'review-not-held': 'who reviewed the document and when, its flag, skip or comment: this format has no place for them (Extraction JSONL keeps them)',
};

export const formatLoss = (l: Loss) => `document ${l.doc}${l.item ? `, ${l.item}` : ''}: ${LOSS_TEXT[l.code]}`;

/** Losses counted by code, for a summary line per kind. */
export function lossCounts(losses: readonly Loss[]): Partial<Record<LossCode, number>> {
  const counts: Partial<Record<LossCode, number>> = {};
  for (const l of losses) counts[l.code] = (counts[l.code] ?? 0) + 1;
  return counts;
}
