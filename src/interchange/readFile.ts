import { decodeText, isZip, looksBinary, loneCrAsLf, withoutNulLines, type TextEncodingName } from '../text/decode.ts';
import { problemAt, type InputError } from '../data/records.ts';
import type { Problem } from '../data/inputErrors.ts';
import { STALE_CODE } from '../engine/staleChunk.ts';
import { formatById, readText, type FileFormat, type FormatId, type ReadContext, type ReadOutcome } from './formats.ts';

/** One file's read: its outcome, the format it was read as, and the encoding (null for an archive or a refused file). */
export type FileRead = ReadOutcome & {
  format: FormatId;
  encoding: TextEncodingName | null;
  encodingBy?: 'bom' | 'valid' | 'likelier' | 'chosen';
  /** Errors in all, where the list is capped (MAX_LISTED_ERRORS). */
  errorCount?: number;
};

/** How many refused lines a file's error list names before it only counts the rest. */
export const MAX_LISTED_ERRORS = 200;

/** The first errors, and one line counting those not listed. */
function capErrors(errors: InputError[], file: string): InputError[] {
  if (errors.length <= MAX_LISTED_ERRORS) return errors;
  return [...errors.slice(0, MAX_LISTED_ERRORS), problemAt(file, null, { code: 'more-errors', params: { count: errors.length - MAX_LISTED_ERRORS, listed: MAX_LISTED_ERRORS } })];
}

const refused = (format: FormatId, file: string, line: number | null, problem: Problem): FileRead => ({ format, encoding: null, docs: [], errors: [problemAt(file, line, problem)], losses: [] });

/**
 * A reader's outcome with its error list capped, the given errors merged in line order; a reader that
 * throws (a bug) still gives a message naming the file, so the other files of an import are read.
 */
async function settled(file: string, format: FormatId, encoding: TextEncodingName | null, read: () => Promise<ReadOutcome & { format?: FormatId }>, more: InputError[] = []): Promise<FileRead> {
  let r: ReadOutcome & { format?: FormatId };
  try {
    r = await read();
  } catch (e) {
    const message = (e as Error).message;
    // The format's reader is a lazy chunk: after a new deployment an old tab cannot load it.
    if (STALE_CODE.test(message)) return refused(format, file, null, { code: 'app-updated', params: {} });
    return refused(format, file, null, { code: 'unreadable', params: { detail: message } });
  }
  const out = { format, encoding, ...r };
  if (!('docs' in out)) return out;
  const errors = more.length ? [...more, ...out.errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) : out.errors;
  return { ...out, errors: capErrors(errors, file), ...(errors.length > MAX_LISTED_ERRORS ? { errorCount: errors.length } : {}) };
}

/**
 * Reads one file's bytes into documents: a zip as a brat collection, anything else decoded (see
 * decodeText; `encoding` overrides the guess) and read in the format given or the one detected.
 */
export async function readFileBytes(bytes: Uint8Array, ctx: ReadContext & { encoding?: TextEncodingName }, format?: FileFormat): Promise<FileRead> {
  if (isZip(bytes) && (!format || format.readArchive)) {
    const { unzipSync, strFromU8 } = await import('fflate');
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch (e) {
      return refused('brat', ctx.file, null, { code: 'bad-zip', params: { detail: (e as Error).message } });
    }
    const files = new Map<string, string>();
    for (const [name, data] of Object.entries(entries)) if (!name.endsWith('/')) files.set(name, decodeText(data)?.text ?? strFromU8(data));
    // The app's own Label Studio export (tasks + config) reads back as its tasks.
    const tasks = [...files.keys()].find((n) => n.endsWith('label-studio-tasks.json'));
    if (tasks) return settled(ctx.file, 'label-studio', 'utf-8', () => formatById('label-studio')!.read!(files.get(tasks)!, ctx));
    return settled(ctx.file, 'brat', null, () => formatById('brat')!.readArchive!(files, ctx));
  }
  const decoded = decodeText(bytes, ctx.encoding);
  if (decoded === null) return refused(format?.id ?? 'text', ctx.file, null, { code: 'not-text', params: {} });
  if (looksBinary(decoded.text)) return refused(format?.id ?? 'text', ctx.file, null, { code: 'nul-file', params: {} });
  const { text, lines: nulLines } = withoutNulLines(loneCrAsLf(decoded.text));
  // (\s covers the BOM; a test, not a trimmed copy of what may be hundreds of megabytes.)
  if (!/\S/.test(text)) return refused(format?.id ?? 'text', ctx.file, null, { code: 'empty-file', params: {} });
  if (format && !format.read) return refused(format.id, ctx.file, null, { code: 'zip-only', params: { format: format.label } });
  const nulErrors = nulLines.map((line) => problemAt(ctx.file, line, { code: 'nul-line', params: {} }));
  const read = await settled(ctx.file, format?.id ?? 'text', decoded.encoding, () => readText(text, ctx, format), nulErrors);
  return { ...read, encodingBy: decoded.by };
}
