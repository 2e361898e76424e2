import type { DocumentsRead } from './readDocuments.ts';

import type { CorpusDocument } from '../../../src/corpus/document.ts';

/**
 * What the import worker says: how far it has read (characters), a batch of the file's documents (in
 * order), the file read (its `docs` empty: they are the batches before it), or why it could not.
 */
export type ImportWorkerReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'docs'; docs: CorpusDocument[] }
  | { kind: 'done'; read: DocumentsRead }
  | { kind: 'failed'; message: string };
