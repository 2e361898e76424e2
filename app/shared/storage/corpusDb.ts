import Dexie, { type EntityTable } from 'dexie';
import { DEFAULT_PROFILE, extract, type LocatedExtraction, type TaskId } from '../../../src/index.ts';

/** A batch run's output for one document. */
export interface Prediction {
  model: string;
  raw: string;
  extraction: LocatedExtraction;
  at: number;
}

/** One document of the user's corpus. */
export interface StoredDocument {
  id?: number;
  /** The file it came from, and its line there (null for a whole-file document). */
  source: string;
  line: number | null;
  recordId: string | null;
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
  /** Kept in step with the current extraction, so the list filters 10,000 documents without parsing any. */
  category: string | null;
  warnings: number;
}

/** The state of a batch run, kept so that a reload resumes it where it stopped. */
export interface StoredBatch {
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
export const summaryOf = (x: LocatedExtraction | null) => ({ category: x?.category ?? null, warnings: x?.warnings.length ?? 0 });

/** Fields a document gets when it comes in (or when v1 data is migrated): nothing corrected, predicted or reviewed yet. */
export function freshFields(text: string, task: TaskId, output: string | null, profile = DEFAULT_PROFILE, truncated = false) {
  return { annotation: null, prediction: null, predictionError: null, reviewed: 0 as const, ...summaryOf(output ? extract(output, task, profile, text, false, { truncated }) : null) };
}

/**
 * The corpus database, versioned from day one. Each new schema is a `this.version(n)` with an upgrade that
 * migrates stored data on the next open; old versions stay listed so any old database can still upgrade.
 */
export class CorpusDb extends Dexie {
  documents!: EntityTable<StoredDocument, 'id'>;
  batches!: EntityTable<StoredBatch, 'id'>;

  constructor(name = 'giellm-corpus') {
    super(name);
    this.version(1).stores({ documents: '++id, task, source, importedAt' });
    // v2: corrections, predictions, review state and the summary fields for filtering; the batch table.
    this.version(2)
      .stores({ documents: '++id, task, source, importedAt, reviewed', batches: 'id' })
      .upgrade((tx) =>
        tx
          .table('documents')
          .toCollection()
          .modify((d: StoredDocument) => Object.assign(d, freshFields(d.text, d.task, d.output), d)),
      );
  }
}

/** A storage failure as the UI shows it: what happened and a way out. */
export class StorageError extends Error {
  constructor(
    readonly kind: 'quota' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

/** Turns IndexedDB's errors into StorageError; nothing the user had is lost when a write fails. */
export function storageError(e: unknown): StorageError {
  const name = (e as { name?: string; inner?: { name?: string } })?.inner?.name ?? (e as { name?: string })?.name ?? '';
  if (/Quota/i.test(name) || /quota/i.test(String((e as Error)?.message))) {
    return new StorageError('quota', 'The browser’s storage for this site is full: nothing new was saved. Export your corpus, then delete documents or cached models, or free disk space, and try again.');
  }
  return new StorageError('unavailable', `The browser refused to store the corpus (${name || 'unknown error'}): private windows may not allow it. Your last change was not saved.`);
}

export const corpusDb = new CorpusDb();
