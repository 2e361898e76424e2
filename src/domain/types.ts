import type { Notice } from '../format/warnings.ts';
/** The seven GIELLM tasks, named after the paper's datasets (SCNM, TCREE, SCPOS). */
export type TaskId = 'ner' | 're' | 'ee' | 'se-rw' | 'se-n' | 'se-adj' | 'se-nadj';

/** How the word-level part of an output is shaped. */
export type OutputShape = 'pairs' | 'triple' | 'event';

export interface Task {
  readonly id: TaskId;
  readonly dataset: 'SCNM' | 'TCREE' | 'SCPOS';
  readonly name: { readonly ja: string; readonly en: string };
  readonly shape: OutputShape;
  /** The IW used when a profile does not override it. */
  readonly defaultIw: string;
  /** Whether the default IW was seen verbatim in the authors' artefacts (see giellm-format.md). */
  readonly iwConfirmed: boolean;
  readonly defaultCategories: readonly string[];
  /** Word-level labels (entity types, relations, triggers, polarities) known so far. */
  readonly wordLabels: readonly string[];
  /** True when `wordLabels` is the full closed set, so an unknown label is worth a warning. */
  readonly wordLabelsComplete: boolean;
}

/** `[start, end)` in Unicode code points into the source text, or null when the string was not found. */
export type Offsets = readonly [number, number] | null;

/**
 * Who made an item and when: a model (its id) or a person (the name they gave, '' for none). A model's item
 * no person has decided on yet is a `suggestion`; accepting it keeps who made it and adds who accepted it. A
 * person's change to a model's item makes it theirs, `from` naming the model. Absent: not known (an older
 * export, or a tool that does not say).
 */
export interface Provenance {
  by: 'model' | 'person';
  name: string;
  /** When it was made, in milliseconds since the epoch, where known. */
  at?: number;
  suggestion?: true;
  accepted?: { name: string; at: number };
  from?: string;
}

/** An entity (NER) or a sentiment word (SCPOS; `label` is the polarity). */
export interface Span {
  label: string;
  text: string;
  start?: number | null;
  end?: number | null;
  provenance?: Provenance;
}

export interface Triple {
  head: string;
  relation: string;
  tail: string;
  offsets?: { head: Offsets; tail: Offsets };
  provenance?: Provenance;
}

/** An event: `object` is null for a 3-slot event (subject;trigger;time). */
export interface Quadruple {
  subject: string;
  trigger: string;
  object: string | null;
  time: string;
  offsets?: { subject: Offsets; trigger: Offsets; object: Offsets; time: Offsets };
  provenance?: Provenance;
}

/** The project's public data contract: export, CLI and embed API all speak it. */
export interface Extraction {
  task: TaskId;
  category: string | null;
  entities: Span[];
  relations: Triple[];
  events: Quadruple[];
  warnings: string[];
  /**
   * The same warnings as codes and parameters, in the same order, for a UI to word in its own language.
   * Absent where the warnings came from elsewhere (an import, an older version): `noticesOf` tells.
   */
  notices?: Notice[];
  /**
   * How many word-level pieces of the output could not be read as an item (each also has a warning).
   * Scoring counts them: as wrong predictions in a prediction, as a reason not to score a gold record.
   * Absent when every piece was read.
   */
  unreadable?: number;
  /** The generation stopped at its token limit (`finish_reason: length`); its cut-off last item was dropped. */
  truncated?: boolean;
}

/** An Extraction whose strings have been looked up in the source text (offsets null where not found). */
export interface LocatedExtraction extends Extraction {
  entities: (Span & { start: number | null; end: number | null })[];
  relations: (Triple & { offsets: { head: Offsets; tail: Offsets } })[];
  events: (Quadruple & { offsets: { subject: Offsets; trigger: Offsets; object: Offsets; time: Offsets } })[];
}

export const emptyExtraction = (task: TaskId, category: string | null = null): Extraction => ({
  task,
  category,
  entities: [],
  relations: [],
  events: [],
  warnings: [],
});
