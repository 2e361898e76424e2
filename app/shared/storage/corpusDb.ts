import Dexie, { type EntityTable } from 'dexie';
import type { TaskId } from '../../../src/index.ts';

/** One document of the user's corpus, as imported. */
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
  importedAt: number;
}

/**
 * The corpus database. Versioned from day one: a later schema adds `this.version(2).stores(…).upgrade(…)`
 * below version 1, and Dexie migrates stored data on the next open.
 */
export class CorpusDb extends Dexie {
  documents!: EntityTable<StoredDocument, 'id'>;

  constructor(name = 'giellm-corpus') {
    super(name);
    this.version(1).stores({ documents: '++id, task, source, importedAt' });
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
    return new StorageError('quota', 'The browser’s storage for this site is full: nothing new was saved. Delete documents or cached models, or free disk space, then try again.');
  }
  return new StorageError('unavailable', `The browser refused to store the corpus (${name || 'unknown error'}): private windows may not allow it. Your imported documents were not saved.`);
}

export const corpusDb = new CorpusDb();
