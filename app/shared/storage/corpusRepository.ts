import type { FormatProfile } from '../../../src/index.ts';
import { withSummary, type BatchJob, type CorpusDocument } from '../../../src/corpus/document.ts';
import { CorpusDb } from './corpusDb.ts';

/** A storage failure by its code; the words for it are in the i18n catalogs under `storage.<code>`. */
export type StorageProblem = { code: 'quota' } | { code: 'unavailable'; params: { name: string } };

export class StorageError extends Error {
  constructor(readonly problem: StorageProblem) {
    super(`storage: ${problem.code}`);
  }
}

/** Turns IndexedDB's errors into StorageError; nothing the user had is lost when a write fails. */
export function storageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const name = (e as { name?: string; inner?: { name?: string } })?.inner?.name ?? (e as { name?: string })?.name ?? '';
  if (/Quota/i.test(name) || /quota/i.test(String((e as Error)?.message))) return new StorageError({ code: 'quota' });
  return new StorageError({ code: 'unavailable', params: { name: name || 'unknown error' } });
}

const guard = async <T>(f: () => Promise<T>): Promise<T> => {
  try {
    return await f();
  } catch (e) {
    throw storageError(e);
  }
};

/**
 * The only code that writes the corpus database. Every failure comes out as a StorageError, after which
 * the database is as it was: each call is one transaction.
 */
export function createCorpusRepository(db = new CorpusDb()) {
  return {
    db,
    list: () => guard(() => db.documents.toArray()),
    /** Adds documents made by `newDocument`; returns their ids. */
    add: (docs: readonly CorpusDocument[]) => guard(async () => (docs.length ? ((await db.documents.bulkAdd(docs as CorpusDocument[], { allKeys: true })) as number[]) : [])),
    /** Applies a patch with the summary it implies (src/corpus withSummary); returns what was written. */
    patch: (doc: CorpusDocument, patch: Partial<CorpusDocument>, profile: FormatProfile) =>
      guard(async () => {
        const full = withSummary(doc, patch, profile);
        await db.documents.update(doc.id!, full);
        return full;
      }),
    remove: (id: number) => guard(() => db.documents.delete(id)),
    removeMany: (ids: readonly number[]) => guard(() => db.documents.bulkDelete([...ids])),
    /** Puts deleted documents back with their ids (undo of a delete). */
    restore: (docs: readonly CorpusDocument[]) => guard(async () => void (await db.documents.bulkPut(docs as CorpusDocument[]))),
    /** Deletes every document and the batch job with them. */
    clear: () =>
      guard(() =>
        db.transaction('rw', db.documents, db.batches, async () => {
          await db.documents.clear();
          await db.batches.clear();
        }),
      ),
    getBatch: () => guard(async () => (await db.batches.get('batch')) ?? null),
    putBatch: (job: BatchJob) => guard(() => db.batches.put(job)),
    deleteBatch: () => guard(() => db.batches.delete('batch')),
    /** Batch steps: each document's prediction (with its summary) and the job's new position, saved together. Returns what was written, by document id. */
    batchStep: (steps: readonly { doc: CorpusDocument; patch: Partial<CorpusDocument> }[], job: BatchJob, profile: FormatProfile) =>
      guard(() =>
        db.transaction('rw', db.documents, db.batches, async () => {
          const written = new Map<number, Partial<CorpusDocument>>();
          for (const { doc, patch } of steps) {
            const full = withSummary(doc, patch, profile);
            await db.documents.update(doc.id!, full);
            written.set(doc.id!, full);
          }
          await db.batches.put(job);
          return written;
        }),
      ),
  };
}

export type CorpusRepository = ReturnType<typeof createCorpusRepository>;

export const corpusRepository = createCorpusRepository();
