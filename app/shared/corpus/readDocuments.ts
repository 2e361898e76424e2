import { newDocument, type CorpusDocument } from '../../../src/corpus/document.ts';
import type { ReadProgress } from '../../../src/data/records.ts';
import type { FormatProfile } from '../../../src/format/profile.ts';
import { formatById, type ReadContext } from '../../../src/interchange/formats.ts';
import { readFileBytes, type FileRead } from '../../../src/interchange/readFile.ts';
import type { TextEncodingName } from '../../../src/text/decode.ts';

/** What reading one file needs: its bytes and name, the answers given so far, the profile, the import's time. */
export interface ReadRequest {
  name: string;
  bytes: Uint8Array;
  options: Pick<ReadContext, 'task' | 'mapping' | 'category' | 'textMode'> & { encoding?: TextEncodingName };
  profile: FormatProfile;
  importedAt: number;
}

type Read<R> = R extends { docs: unknown } ? Omit<R, 'docs'> & { docs: CorpusDocument[] } : R;
/** A file read, its documents made as every import path makes them (newDocument), ready to store. */
export type DocumentsRead = Read<FileRead>;

/** With `onDocs`, the documents are handed over this many at a time, each batch as soon as it is made. */
export const DOCS_PER_BATCH = 10_000;

/**
 * Reads a file through the format registry and makes its documents: the whole of an import's work before
 * storage, which the import worker runs off the page's thread (and the page itself where there is no worker).
 *
 * With `onDocs`, the documents go to it in batches, in order, as they are made, and the result's `docs` is
 * empty: the worker posts each batch at once, so the page copies one in while the next is made (for
 * 187,028 documents, copying them all in one message after the last was made took ~0.6 s of the import).
 */
export async function readDocuments(req: ReadRequest, onProgress?: ReadProgress, onDocs?: (docs: CorpusDocument[]) => void): Promise<DocumentsRead> {
  const { encoding, ...rest } = req.options;
  const ctx = { file: req.name, profile: req.profile, ...rest, ...(encoding ? { encoding } : {}), ...(onProgress ? { onProgress } : {}) };
  const r = await readFileBytes(req.bytes, ctx, req.options.mapping ? formatById('csv') : undefined);
  if (!('docs' in r)) return r;
  const made = (from: number, to: number) => r.docs.slice(from, to).map((d) => newDocument(d, req.name, req.importedAt, req.profile));
  if (!onDocs) return { ...r, docs: made(0, r.docs.length) };
  for (let at = 0; at < r.docs.length; at += DOCS_PER_BATCH) onDocs(made(at, at + DOCS_PER_BATCH));
  return { ...r, docs: [] };
}
