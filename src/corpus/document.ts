import type { LocatedExtraction, TaskId } from '../domain/types.ts';
import { emptyExtraction } from '../domain/types.ts';
import { DEFAULT_PROFILE, type FormatProfile } from '../format/profile.ts';
import { serializeOutput } from '../format/serializeOutput.ts';
import { extract } from '../extract.ts';
import type { AnnotatedDocument, Review } from '../interchange/document.ts';
import { asSuggestions, withoutSuggestions } from '../annotate/provenance.ts';

// Where a corpus document's state is decided: which extraction it shows, what counts as gold, the summary
// the list filters on, and how every import path makes one. The app stores these; the CLI converts them.

/** A batch run's output for one document. */
export interface Prediction {
  model: string;
  raw: string;
  extraction: LocatedExtraction;
  at: number;
}

/** One document of the user's corpus. */
export interface CorpusDocument {
  id?: number;
  /** The file it came from, and its line there (null for a whole-file document). */
  source: string;
  line: number | null;
  recordId: string | null;
  /** What the record came from where its file's id is not unique (stockmark's article curid); absent otherwise. */
  sourceId?: string;
  text: string;
  task: TaskId;
  /** A model output or gold that came with it, rendered like a live run. */
  output: string | null;
  /** That output was cut at its token limit (the record said `finish_reason: "length"`); absent otherwise. */
  outputTruncated?: true;
  importedAt: number;
  /** The annotator's corrected extraction; null while nothing was corrected (the output, or else the prediction, stands). */
  annotation: LocatedExtraction | null;
  /** The latest batch run's output, and the message of a batch run that failed on this document. */
  prediction: Prediction | null;
  predictionError: string | null;
  /** 0 or 1: IndexedDB cannot index booleans. */
  reviewed: 0 | 1;
  /** Who marked it reviewed, and when (ms since the epoch); absent while it is not, or from before this was kept. */
  reviewedBy?: string;
  reviewedAt?: number;
  /** Flagged for a second look (1); absent otherwise. */
  flagged?: 1;
  /** Passed over without a decision (1): a review queue comes back to it; absent otherwise. */
  skipped?: 1;
  /** A note on the document, for whoever looks at it next; absent when there is none. */
  comment?: string;
  /** Kept in step with the shown extraction (see `withSummary`), so a list of 10,000 filters without parsing any. */
  category: string | null;
  warnings: number;
  /** How many items it shows (absent in documents stored before it was kept). */
  items?: number;
  /** The word-level labels it shows, each once (absent in documents stored before it was kept): the review queue weighs them against the category. */
  labels?: string[];
  /**
   * How many corrections were saved to it (absent: none). A tab writes a correction only over the revision
   * it read: one made in another tab since is never written over silently.
   */
  rev?: number;
}

/** A document as a format reads it, before it is stored: where it came from is added by `newDocument`. */
export type ImportedDocument = Pick<CorpusDocument, 'line' | 'recordId' | 'text' | 'task' | 'output' | 'outputTruncated' | 'sourceId'> &
  Partial<Pick<CorpusDocument, ReviewField>> & {
  annotation?: CorpusDocument['annotation'];
  /** A model's output that came with the file (Label Studio `predictions`): stored as the prediction, to review. */
  prediction?: CorpusDocument['prediction'];
};

/** The fields a review leaves on a document as a whole. */
type ReviewField = 'reviewed' | 'reviewedBy' | 'reviewedAt' | 'flagged' | 'skipped' | 'comment';

/** A document's review as the interchange unit carries it; null when it has none. */
export function reviewOf(d: CorpusDocument): Review | null {
  const r: Review = {
    ...(d.reviewed === 1 ? { reviewed: true as const } : {}),
    ...(d.reviewedBy ? { by: d.reviewedBy } : {}),
    ...(d.reviewedAt !== undefined ? { at: d.reviewedAt } : {}),
    ...(d.flagged === 1 ? { flagged: true as const } : {}),
    ...(d.skipped === 1 ? { skipped: true as const } : {}),
    ...(d.comment ? { comment: d.comment } : {}),
  };
  return Object.keys(r).length ? r : null;
}

/** Whether a document's review says more than "reviewed": a reviewer, a time, a flag, a skip or a comment. */
export const reviewSaysMore = (d: CorpusDocument) => Boolean(d.reviewedBy || d.reviewedAt !== undefined || d.flagged === 1 || d.skipped === 1 || d.comment);

/** The stored fields of a review read from a file. */
export function reviewFields(r: Review | undefined): Partial<Pick<CorpusDocument, ReviewField>> {
  if (!r) return {};
  return {
    ...(r.reviewed ? { reviewed: 1 as const } : {}),
    ...(r.by ? { reviewedBy: r.by } : {}),
    ...(r.at !== undefined ? { reviewedAt: r.at } : {}),
    ...(r.flagged ? { flagged: 1 as const } : {}),
    ...(r.skipped ? { skipped: 1 as const } : {}),
    ...(r.comment ? { comment: r.comment } : {}),
  };
}

/** The state of a batch run, kept so that a reload resumes it where it stopped. */
export interface BatchJob {
  id: 'batch';
  ids: number[];
  /** How many of `ids` are done. */
  next: number;
  model: string;
  status: 'running' | 'paused';
  failed: number;
  startedAt: number;
}

/** The summary fields the list filters on, for the extraction a document now shows. */
export const summaryOf = (x: LocatedExtraction | null) => ({
  category: x?.category ?? null,
  warnings: x?.warnings.length ?? 0,
  items: x ? x.entities.length + x.relations.length + x.events.length : 0,
  labels: x ? labelsOf(x) : [],
});

/** The word-level labels an extraction shows (entity types, relation names), each once, sorted. */
export function labelsOf(x: Pick<LocatedExtraction, 'entities' | 'relations'>): string[] {
  // A loop, not sets and spread copies: every imported document is summarised (187,028 for an SCPOS test
  // set), and a sentence has a few labels.
  const out: string[] = [];
  for (const e of x.entities) if (!out.includes(e.label)) out.push(e.label);
  for (const r of x.relations) if (!out.includes(r.relation)) out.push(r.relation);
  return out.sort();
}

/** The imported output read against the text, or null when there is none. */
const outputExtraction = (d: Pick<CorpusDocument, 'output' | 'task' | 'text' | 'outputTruncated'>, profile: FormatProfile): LocatedExtraction | null =>
  d.output ? extract(d.output, d.task, profile, d.text, false, { truncated: d.outputTruncated === true }) : null;

/**
 * The document as gold: a correction or an imported output. A prediction nobody checked is not gold, nor are
 * the suggestions in a correction nobody accepted.
 */
export function goldExtraction(d: CorpusDocument, profile: FormatProfile): LocatedExtraction | null {
  return d.annotation ? withoutSuggestions(d.annotation) : outputExtraction(d, profile);
}

/**
 * The one precedence rule for what a document shows, and what the annotator corrects: their correction,
 * else the imported output, else the batch prediction, else nothing.
 */
export function currentExtraction(d: CorpusDocument, profile: FormatProfile): LocatedExtraction {
  if (d.annotation) return d.annotation;
  // A model's items are its suggestions, to accept or reject one by one.
  return outputExtraction(d, profile) ?? (d.prediction ? asSuggestions(d.prediction.extraction, d.prediction.model, d.prediction.at || undefined) : (emptyExtraction(d.task) as LocatedExtraction));
}

/**
 * The output a document hands to a run or an export as text: the imported string itself while nothing
 * replaced it (so it is kept exactly), else its current extraction written in the profile's format.
 */
export function currentOutput(d: CorpusDocument, profile: FormatProfile): string {
  return d.annotation || (!d.output && d.prediction) ? serializeOutput(currentExtraction(d, profile), d.task, profile) : (d.output ?? '');
}

/** Fields a document gets when it comes in (or when v1 data is migrated): nothing corrected, predicted or reviewed yet. */
export function freshFields(text: string, task: TaskId, output: string | null, profile = DEFAULT_PROFILE, truncated = false) {
  return { annotation: null, prediction: null, predictionError: null, reviewed: 0 as const, ...summaryOf(outputExtraction({ output, task, text, outputTruncated: truncated ? true : undefined }, profile)) };
}

/** The one constructor every import path uses: what a format read, its file, the time, and fresh review fields. */
export function newDocument(d: ImportedDocument, source: string, importedAt: number, profile: FormatProfile): CorpusDocument {
  // A document that came with its own annotation shows it, else its output: the summary follows what it shows
  // (read once: an import makes every document through here, 187,028 of them for an SCPOS test set).
  const shown = d.annotation ?? outputExtraction({ output: d.output, task: d.task, text: d.text, outputTruncated: d.outputTruncated }, profile);
  const doc: CorpusDocument = { annotation: null, prediction: null, predictionError: null, reviewed: 0, ...d, source, importedAt, ...summaryOf(shown) };
  // A given annotation stays where `d` put it; an absent or undefined one is none.
  if (!d.annotation) doc.annotation = null;
  return doc;
}

/**
 * A patch with the summary fields it implies: whenever it touches what the document shows (its
 * correction, output or prediction), the summary is recomputed by the precedence rule above.
 */
export function withSummary(d: CorpusDocument, patch: Partial<CorpusDocument>, profile: FormatProfile): Partial<CorpusDocument> {
  const next = { ...d, ...patch };
  const shown = 'annotation' in patch || 'output' in patch || 'outputTruncated' in patch || ('prediction' in patch && !next.annotation && !next.output);
  if (!shown) return patch;
  return { ...patch, ...summaryOf(next.annotation ?? outputExtraction(next, profile) ?? next.prediction?.extraction ?? null) };
}

/** The list with what was written to some documents merged in, by id; the list itself when nothing was. */
export function withPatches(docs: CorpusDocument[], patches: ReadonlyMap<number, Partial<CorpusDocument>>): CorpusDocument[] {
  if (patches.size === 0) return docs;
  return docs.map((d) => {
    const p = patches.get(d.id!);
    return p ? { ...d, ...p } : d;
  });
}

/** Documents with their current extraction (corrections included), the unit every export format takes. */
export function asAnnotated(docs: readonly CorpusDocument[], profile: FormatProfile): AnnotatedDocument[] {
  return docs.map((d) => {
    const origin = originOf(d);
    const review = reviewOf(d);
    return { id: d.recordId ?? (d.id === undefined ? null : String(d.id)), text: d.text, extraction: currentExtraction(d, profile), ...(origin ? { origin } : {}), ...(review ? { review } : {}) };
  });
}

/** A model's when what the document shows is a batch prediction nobody reviewed; a person's otherwise (absent). */
export function originOf(d: CorpusDocument): { kind: 'model'; model: string } | null {
  return !d.annotation && !d.output && d.prediction && !d.reviewed ? { kind: 'model', model: d.prediction.model } : null;
}

/** Whether a document holds anything a person gave it: a correction, an imported output, or a review. */
export const hasGold = (d: CorpusDocument) => d.annotation !== null || (d.output !== null && d.output !== '') || d.reviewed === 1;
