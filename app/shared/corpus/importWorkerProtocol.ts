import type { DocumentsRead } from './readDocuments.ts';

/** What the import worker says: how far it has read (characters), the file read, or why it could not. */
export type ImportWorkerReply = { kind: 'progress'; done: number; total: number } | { kind: 'done'; read: DocumentsRead } | { kind: 'failed'; message: string };
