import type { FormatProfile } from '../../../src/index.ts';
import { withSummary, type BatchJob, type CorpusDocument } from '../../../src/corpus/document.ts';
import { CorpusDb } from './corpusDb.ts';
import { announceCorpusChange } from './corpusChannel.ts';

/** A storage failure by its code; the words for it are in the i18n catalogs under `storage.<code>`. */
export type StorageProblem =
  | { code: 'quota' }
  | { code: 'unavailable'; params: { name: string } }
  /** Another tab opened the database with a newer schema: this tab must reload before it writes again. */
  | { code: 'outdated' }
  /** The document changed (or was deleted) in another tab since this tab read it: see ConflictError. */
  | { code: 'conflict' };

export class StorageError extends Error {
  constructor(readonly problem: StorageProblem) {
    super(`storage: ${problem.code}`);
  }
}

/** A correction written over a revision another tab saved since: nothing was written; `theirs` is what is stored now (null: deleted). */
export class ConflictError extends StorageError {
  constructor(readonly theirs: CorpusDocument | null) {
    super({ code: 'conflict' });
  }
}

/** Turns IndexedDB's errors into StorageError; nothing the user had is lost when a write fails. */
export function storageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const name = (e as { name?: string; inner?: { name?: string } })?.inner?.name ?? (e as { name?: string })?.name ?? '';
  if (/Quota/i.test(name) || /quota/i.test(String((e as Error)?.message))) return new StorageError({ code: 'quota' });
  // Dexie closes the database when another tab upgrades its schema (versionchange): this tab's code is old.
  if (name === 'DatabaseClosedError' || name === 'VersionError') return new StorageError({ code: 'outdated' });
  return new StorageError({ code: 'unavailable', params: { name: name || 'unknown error' } });
}

/** Documents a transaction of an import adds: small enough to show progress, large enough to cost little. */
export const ADD_CHUNK = 5_000;

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
export function createCorpusRepository(db = new CorpusDb(), announce: () => void = announceCorpusChange) {
  /** A write that worked, told to the other tabs. */
  const write = async <T>(f: () => Promise<T>): Promise<T> => {
    const r = await guard(f);
    announce();
    return r;
  };
  return {
    db,
    list: () => guard(() => db.documents.toArray()),
    /**
     * Adds documents made by `newDocument`; returns their ids. A large import goes in chunks, one
     * transaction each, so the page shows progress and can stop; a chunk that fails, or a stop, takes back
     * the chunks before it, so an import is still all or nothing.
     */
    add: (docs: readonly CorpusDocument[], opts: { onProgress?: (stored: number) => void; signal?: AbortSignal } = {}) =>
      write(async () => {
        const ids: number[] = [];
        try {
          for (let at = 0; at < docs.length; at += ADD_CHUNK) {
            opts.signal?.throwIfAborted();
            const chunk = docs.slice(at, at + ADD_CHUNK) as CorpusDocument[];
            for (const id of (await db.documents.bulkAdd(chunk, { allKeys: true })) as number[]) ids.push(id);
            opts.onProgress?.(ids.length);
          }
        } catch (e) {
          if (ids.length) await db.documents.bulkDelete(ids).catch(() => undefined);
          throw e;
        }
        return ids;
      }),
    /** Applies a patch with the summary it implies (src/corpus withSummary); returns what was written. */
    /**
     * Applies a correction with the summary it implies (src/corpus withSummary) over the revision `doc` was
     * read at; returns what was written. Throws ConflictError, writing nothing, when another tab saved one
     * since or deleted the document. `force` writes over whatever is stored (the user chose "keep mine").
     */
    patch: (doc: CorpusDocument, patch: Partial<CorpusDocument>, profile: FormatProfile, force = false) =>
      write(() =>
        db.transaction('rw', db.documents, async () => {
          const stored = await db.documents.get(doc.id!);
          if (!force && (!stored || (stored.rev ?? 0) !== (doc.rev ?? 0))) throw new ConflictError(stored ?? null);
          const full = { ...withSummary(doc, patch, profile), rev: Math.max(doc.rev ?? 0, stored?.rev ?? 0) + 1 };
          if (stored) await db.documents.update(doc.id!, full);
          else await db.documents.put({ ...doc, ...full });
          return full;
        }),
      ),
    remove: (id: number) => write(() => db.documents.delete(id)),
    removeMany: (ids: readonly number[]) => write(() => db.documents.bulkDelete([...ids])),
    /** Puts deleted documents back with their ids (undo of a delete). */
    restore: (docs: readonly CorpusDocument[]) => write(async () => void (await db.documents.bulkPut(docs as CorpusDocument[]))),
    /** Deletes every document and the batch job with them. */
    clear: () =>
      write(() =>
        db.transaction('rw', db.documents, db.batches, async () => {
          await db.documents.clear();
          await db.batches.clear();
        }),
      ),
    getBatch: () => guard(async () => (await db.batches.get('batch')) ?? null),
    putBatch: (job: BatchJob) => write(() => db.batches.put(job)),
    deleteBatch: () => write(() => db.batches.delete('batch')),
    /** Batch steps: each document's prediction (with its summary) and the job's new position, saved together. Returns what was written, by document id. */
    batchStep: (steps: readonly { doc: CorpusDocument; patch: Partial<CorpusDocument> }[], job: BatchJob, profile: FormatProfile) =>
      write(() =>
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
