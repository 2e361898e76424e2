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

/**
 * Reads a file through the format registry and makes its documents: the whole of an import's work before
 * storage, which the import worker runs off the page's thread (and the page itself where there is no worker).
 */
export async function readDocuments(req: ReadRequest, onProgress?: ReadProgress): Promise<DocumentsRead> {
  const { encoding, ...rest } = req.options;
  const ctx = { file: req.name, profile: req.profile, ...rest, ...(encoding ? { encoding } : {}), ...(onProgress ? { onProgress } : {}) };
  const r = await readFileBytes(req.bytes, ctx, req.options.mapping ? formatById('csv') : undefined);
  if (!('docs' in r)) return r;
  return { ...r, docs: r.docs.map((d) => newDocument(d, req.name, req.importedAt, req.profile)) };
}
