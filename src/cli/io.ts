import { isUtf8 } from 'node:buffer';
import { readFile, writeFile } from 'node:fs/promises';

/** What a CLI command touches outside itself; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  /** Writes text as it is, no line added, resolving once it is handed on: for output made in pieces. */
  write?(text: string): Promise<void>;
  err(line: string): void;
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  /** Writes a whole file (`-o`). */
  writeFile?(path: string, content: string | Uint8Array): Promise<void>;
}

/** A failure the user caused and can fix: printed as is, exit code 2, never a stack trace. */
export class UsageError extends Error {}

/**
 * The bytes as UTF-8 text, or a UsageError naming the file: a NUL byte means a binary file, and bytes that
 * are not UTF-8 are another encoding (Shift_JIS, EUC-JP) or binary. Checking here keeps raw bytes out of
 * the output and replacement characters out of the data; a U+FFFD written as valid UTF-8 is content.
 */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new UsageError(`${name}: binary data (a NUL byte at offset ${nul}), not a text file`);
  if (!isUtf8(bytes)) {
    throw new UsageError(`${name}: not UTF-8 text (another encoding such as Shift_JIS or EUC-JP, or binary data): convert it to UTF-8 first, e.g. iconv -f CP932 -t UTF-8`);
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

export const nodeIo = (): CliIo => ({
  out: (line) => process.stdout.write(`${line}\n`),
  // Waiting for each piece keeps a pipe that drains slowly from holding the whole output in memory.
  write: (text) => new Promise<void>((done, fail) => process.stdout.write(text, (e) => (e ? fail(e) : done()))),
  err: (line) => process.stderr.write(`${line}\n`),
  readFile: async (path) => {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `${path}: no such file` : code === 'EISDIR' ? `${path}: is a directory` : `${path}: cannot be read (${code ?? (e as Error).message})`);
    }
    return decodeUtf8(bytes, path);
  },
  writeFile: async (path, content) => {
    try {
      await writeFile(path, typeof content === 'string' ? (content === '' || content.endsWith('\n') ? content : `${content}\n`) : content);
    } catch (e) {
      throw new UsageError(`${path}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  },
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return decodeUtf8(Buffer.concat(chunks), '<stdin>');
  },
});
