import { isUtf8 } from 'node:buffer';
import { appendFile, readFile, truncate, writeFile } from 'node:fs/promises';

/** What a CLI command touches outside itself; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  /** Writes text as it is, no line added, resolving once it is handed on: for output made in pieces. */
  write?(text: string): Promise<void>;
  err(line: string): void;
  readFile(path: string): Promise<string>;
  /** A file's bytes, for the readers that find its encoding themselves (see src/text/decode.ts). */
  readBytes?(path: string): Promise<Uint8Array>;
  readStdin(): Promise<string>;
  /** Writes a whole file (`-o`). */
  writeFile?(path: string, content: string | Uint8Array): Promise<void>;
  /** A file's text, or null when there is none: an output to resume. */
  readFileIfExists?(path: string): Promise<string | null>;
  appendFile?(path: string, text: string): Promise<void>;
  /** Cuts a file to `bytes` (a line a crash left half-written). */
  truncateFile?(path: string, bytes: number): Promise<void>;
  /** Progress: rewritten in place on a terminal, else a plain line now and then (and when `last`). */
  progress?(line: string, last: boolean): void;
  onInterrupt?(handler: () => void): void;
  env?(name: string): string | undefined;
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

/** A progress line: rewritten in place on a terminal; elsewhere one line every 5 seconds, and the last. */
function progressWriter(): (line: string, last: boolean) => void {
  let lastAt = 0;
  return (line, last) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r\x1b[2K${line}${last ? '\n' : ''}`);
      return;
    }
    const now = Date.now();
    if (!last && now - lastAt < 5000) return;
    lastAt = now;
    process.stderr.write(`${line}\n`);
  };
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${path}: no such file` : code === 'EISDIR' ? `${path}: is a directory` : `${path}: cannot be read (${code ?? (e as Error).message})`);
  }
}

export const nodeIo = (): CliIo => ({
  progress: progressWriter(),
  onInterrupt: (handler) => void process.once('SIGINT', handler),
  env: (name) => process.env[name],
  readFileIfExists: async (path) => {
    try {
      return decodeUtf8(await readFile(path), path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e instanceof UsageError ? e : new UsageError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  },
  appendFile: (path, text) => appendFile(path, text),
  truncateFile: (path, bytes) => truncate(path, bytes),
  out: (line) => process.stdout.write(`${line}\n`),
  // Waiting for each piece keeps a pipe that drains slowly from holding the whole output in memory.
  write: (text) => new Promise<void>((done, fail) => process.stdout.write(text, (e) => (e ? fail(e) : done()))),
  err: (line) => process.stderr.write(`${line}\n`),
  readFile: async (path) => decodeUtf8(await readBytes(path), path),
  readBytes,
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
