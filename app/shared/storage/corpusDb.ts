import Dexie, { type EntityTable } from 'dexie';
import { freshFields, type BatchJob, type CorpusDocument } from '../../../src/corpus/document.ts';

/**
 * The corpus database's schema, versioned from day one. Each new schema is a `this.version(n)` with an
 * upgrade that migrates stored data on the next open; old versions stay listed so any old database can
 * still upgrade. Only corpusRepository.ts reads and writes it.
 */
export class CorpusDb extends Dexie {
  documents!: EntityTable<CorpusDocument, 'id'>;
  batches!: EntityTable<BatchJob, 'id'>;

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
          .modify((d: CorpusDocument) => Object.assign(d, freshFields(d.text, d.task, d.output), d)),
      );
  }
}
