import Dexie, { type EntityTable } from 'dexie';
import { freshFields, type BatchJob, type CorpusDocument } from '../../../src/corpus/document.ts';

/**
 * The corpus database's schema, versioned from day one. Each new schema is a `this.version(n)` with an
 * upgrade that migrates stored data on the next open; old versions stay listed so any old database can
 * still upgrade. Only corpusRepository.ts reads and writes it.
 */
/** The schema version this code writes (the last `this.version(n)` below). */
export const CORPUS_SCHEMA_VERSION = 2;

export class CorpusDb extends Dexie {
  documents!: EntityTable<CorpusDocument, 'id'>;
  batches!: EntityTable<BatchJob, 'id'>;

  /** Told when another tab upgraded the schema, so the page can ask for a reload before the next write fails. */
  outdated: (() => void) | null = null;

  constructor(name = 'giellm-corpus') {
    super(name);
    // Another tab with newer code upgrades the schema: this tab's code writes the old shape, so it stops
    // writing (every call fails as "outdated", storageError) and asks for a reload. Dexie would otherwise
    // reopen at the newer version and go on.
    this.on('versionchange', () => {
      this.close({ disableAutoOpen: true });
      this.outdated?.();
      return false;
    });
    // Opened by old code after newer code upgraded it (Dexie 4 opens a newer database): the same.
    // (Dexie stores version n as n × 10 in IndexedDB, and reports its own declared version as `verno`.)
    this.on('ready', () => {
      const installed = this.backendDB().version / 10;
      if (installed <= CORPUS_SCHEMA_VERSION) return undefined;
      this.close({ disableAutoOpen: true });
      return Promise.reject(Object.assign(new Error(`the corpus database is at version ${installed}, newer than this page's ${CORPUS_SCHEMA_VERSION}`), { name: 'VersionError' }));
    });
    this.version(1).stores({ documents: '++id, task, source, importedAt' });
    // v2: corrections, predictions, review state and the summary fields for filtering; the batch table.
    this.version(2)
      .stores({ documents: '++id, task, source, importedAt, reviewed', batches: 'id' })
      .upgrade((tx) =>
        tx
          .table('documents')
          .toCollection()
          .modify((d: CorpusDocument) => Object.assign(d, freshFields(d.text, d.task, d.output), d)),
      );
  }
}
