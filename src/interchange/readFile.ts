import { decodeText, isZip, type TextEncodingName } from '../text/decode.ts';
import { binaryLine } from '../data/records.ts';
import { detectFormat, formatById, type FileFormat, type FormatId, type ReadContext, type ReadOutcome } from './formats.ts';

/** One file's read: its outcome, the format it was read as, and the encoding (null for an archive or a refused file). */
export type FileRead = ReadOutcome & { format: FormatId; encoding: TextEncodingName | null; encodingBy?: 'bom' | 'valid' | 'likelier' | 'chosen' };

const refused = (format: FormatId, file: string, line: number | null, message: string): FileRead => ({ format, encoding: null, docs: [], errors: [{ file, line, message }], losses: [] });

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
      return refused('brat', ctx.file, null, `not a readable zip archive (${(e as Error).message})`);
    }
    const files = new Map<string, string>();
    for (const [name, data] of Object.entries(entries)) if (!name.endsWith('/')) files.set(name, decodeText(data)?.text ?? strFromU8(data));
    // The app's own Label Studio export (tasks + config) reads back as its tasks.
    const tasks = [...files.keys()].find((n) => n.endsWith('label-studio-tasks.json'));
    if (tasks) return { format: 'label-studio', encoding: 'utf-8', ...(await formatById('label-studio')!.read!(files.get(tasks)!, ctx)) };
    return { format: 'brat', encoding: null, ...(await formatById('brat')!.readArchive!(files, ctx)) };
  }
  const decoded = decodeText(bytes, ctx.encoding);
  if (decoded === null) return refused(format?.id ?? 'text', ctx.file, null, 'this file is not text in UTF-8, UTF-16, Shift_JIS or EUC-JP (binary data?); nothing was imported from it');
  const f = format ?? detectFormat(decoded.text, ctx.file, ctx.profile);
  const binary = binaryLine(decoded.text);
  if (binary !== null) return refused(f.id, ctx.file, binary, 'this file holds a NUL byte, which no text file has (binary data?); nothing was imported from it');
  if (!f.read) return refused(f.id, ctx.file, null, `${f.label} is read from a .zip archive`);
  return { format: f.id, encoding: decoded.encoding, encodingBy: decoded.by, ...(await f.read(decoded.text, ctx)) };
}
