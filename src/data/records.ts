import type { TaskId } from '../domain/types.ts';
import { TASK_IDS, isTaskId } from '../format/taskCatalog.ts';
import type { FormatProfile } from '../format/profile.ts';
import { tasksByIwLength } from '../format/splitInput.ts';
import { problemText, quoted, type Problem } from './inputErrors.ts';

/** One dataset line: `{"id"?, "text", "task" | "iw", "output"?}`. `line` is 1-based in its file. */
export interface DatasetRecord {
  id?: string;
  text: string;
  task: TaskId;
  output?: string;
  /** Set when the file does not say the task: `task` is then provisional and the import asks which of these it is. */
  candidates?: TaskId[];
  /** The id of what the record came from in its file, where that is not unique (stockmark's article curid). */
  sourceId?: string;
  /** The output was cut at its token limit (`"truncated": true` or `"finish_reason": "length"` in the record). */
  truncated?: boolean;
  line: number;
}

/** A problem with one place in an input file, worded for a person. */
export interface InputError {
  file: string;
  /** 1-based line, or null where the place is named in the message (an entry of a JSON array). */
  line: number | null;
  /** In English: what the CLI prints, and what a UI shows when there is no `problem`. */
  message: string;
  /** The same as a code and parameters, for a UI to word in its language (readers moved to codes give it). */
  problem?: Problem;
}

/** An input error from its code: the English message made from it, and the code kept. */
export const problemAt = (file: string, line: number | null, problem: Problem): InputError => ({ file, line, message: problemText(problem), problem });

export const formatInputError = (e: InputError) => `${e.file}${e.line === null ? '' : `:${e.line}`}: ${e.message}`;

export interface ReadResult<T> {
  records: T[];
  errors: InputError[];
}

/**
 * The 1-based line of a position in `content`. Positions asked in increasing order (rows of a file read
 * front to back) cost one pass over the content in all; an earlier position starts the count again.
 */
export function lineCounter(content: string): (position: number) => number {
  let line = 1;
  let scanned = 0;
  return (position) => {
    if (position < scanned) [line, scanned] = [1, 0];
    for (; scanned < position && scanned < content.length; scanned++) if (content.charCodeAt(scanned) === 10) line++;
    return line;
  };
}

/**
 * Numbered non-blank lines of a text, one at a time (a BOM and CRLF tolerated): a large file is walked
 * with indexOf, never split into an array of every line.
 */
export function* eachLine(content: string, progress?: ReadProgress): Generator<{ line: number; text: string }> {
  let from = content.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Lines end in LF, CRLF or a lone CR (old Mac files): the next of '\n' and '\r', found with indexOf.
  let nextLf = content.indexOf('\n', from);
  let nextCr = content.indexOf('\r', from);
  for (let line = 1; from <= content.length; line++) {
    if (nextLf !== -1 && nextLf < from) nextLf = content.indexOf('\n', from);
    if (nextCr !== -1 && nextCr < from) nextCr = content.indexOf('\r', from);
    const end = nextCr !== -1 && (nextLf === -1 || nextCr < nextLf) ? nextCr : nextLf === -1 ? content.length : nextLf;
    const text = content.slice(from, end);
    if (progress && line % PROGRESS_LINES === 0) progress(end, content.length);
    if (text.trim() !== '') yield { line, text };
    from = end + (content.charCodeAt(end) === 13 && content.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

/** How far a reader has come through its text, in characters: told every PROGRESS_LINES lines. */
export type ReadProgress = (done: number, total: number) => void;
const PROGRESS_LINES = 10_000;

/** Splits text into numbered non-blank lines, tolerating a BOM and LF, CRLF or CR line ends. */
export function numberedLines(content: string): { line: number; text: string }[] {
  return [...eachLine(content)];
}

/** A task named by its id or, where `iw` allows, by the IW the profile gives it (as TCREE rows do). */
export function taskFrom(value: unknown, profile: FormatProfile, iw = true): { task: TaskId } | { error: Problem } {
  const v = typeof value === 'string' ? value.trim() : value;
  if (isTaskId(v)) return { task: v };
  if (iw && typeof v === 'string') {
    const task = TASK_IDS.find((t) => profile.iw[t] === v);
    if (task) return { task };
    return { error: { code: 'unknown-iw', params: { value: quoted(value), tasks: TASK_IDS.join(', '), iws: TASK_IDS.map((t) => profile.iw[t]).join(', ') } } };
  }
  return { error: { code: 'unknown-task', params: { value: quoted(value), tasks: TASK_IDS.join(', ') } } };
}

/** Each non-blank line parsed as a JSON object, or the reason it is not one. */
export function* jsonLines(content: string, progress?: ReadProgress): Generator<{ line: number; value: unknown; error: Problem | null }> {
  for (const { line, text } of eachLine(content, progress)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      yield { line, value: null, error: { code: 'not-json', params: { detail: (e as Error).message } } };
      continue;
    }
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    yield { line, value, error: isObject ? null : { code: 'not-object', params: {} } };
  }
}

/**
 * Reads a JSONL file object by object: `read` turns one object into a record, or says by a code (a Problem) what is
 * wrong with it. Every bad line is reported with its number; every good one is kept.
 */
export function readJsonLines<T>(
  content: string,
  file: string,
  read: (o: Record<string, unknown>, line: number) => T | { problem: Problem },
  notAnObject?: string,
  progress?: ReadProgress,
): ReadResult<T> {
  const records: T[] = [];
  const errors: InputError[] = [];
  for (const { line, value, error } of jsonLines(content, progress)) {
    if (error) {
      const said: Problem = error.code === 'not-object' && notAnObject ? { code: 'not-record', params: { example: notAnObject } } : error;
      errors.push(problemAt(file, line, said));
      continue;
    }
    const r = read(value as Record<string, unknown>, line);
    if (isProblem(r)) errors.push(problemAt(file, line, r.problem));
    else records.push(r);
  }
  return { records, errors };
}

const isProblem = (r: unknown): r is { problem: Problem } => typeof r === 'object' && r !== null && 'problem' in r && Object.keys(r).length === 1;

/**
 * Reads JSONL dataset records. The task comes from `task`, or from an `iw` the profile knows (as in the
 * TCREE rows). Every bad line is reported with its line number; every good line is kept.
 */
export function readRecords(content: string, file: string, profile: FormatProfile, progress?: ReadProgress): ReadResult<DatasetRecord> {
  return readJsonLines(
    content,
    file,
    (o, line) => {
      if (typeof o.text !== 'string') return { problem: { code: 'field-not-string', params: { field: 'text' } } };
      const resolved = o.task !== undefined ? taskFrom(o.task, profile, false) : typeof o.iw === 'string' ? taskFrom(o.iw, profile) : fromEcho(o.output, profile);
      if ('error' in resolved) return { problem: resolved.error };
      if (o.output !== undefined && typeof o.output !== 'string') return { problem: { code: 'field-not-text', params: { field: 'output' } } };
      if (o.id !== undefined && typeof o.id !== 'string' && typeof o.id !== 'number') return { problem: { code: 'field-not-id', params: { field: 'id' } } };
      const record: DatasetRecord = 'task' in resolved ? { text: o.text, task: resolved.task, line } : { text: o.text, task: 'ner', candidates: [...TASK_IDS], line };
      if (o.id !== undefined) record.id = String(o.id);
      if (typeof o.source_id === 'string') record.sourceId = o.source_id;
      if (o.output !== undefined) record.output = o.output as string;
      if (o.truncated !== undefined && typeof o.truncated !== 'boolean') return { problem: { code: 'field-not-boolean', params: { field: 'truncated' } } };
      if (o.truncated === true || o.finish_reason === 'length') record.truncated = true;
      return record;
    },
    '{"text": "…", "task": "ner"}',
    progress,
  );
}

/** No task or IW: the IW an output echoes names the task; else the import asks (looked at only then). */
const fromEcho = (output: unknown, profile: FormatProfile): { task: TaskId } | { unknown: true } => {
  const echoed = typeof output === 'string' ? echoedTask(output, profile) : null;
  return echoed ? { task: echoed } : { unknown: true };
};

/** The task whose IW an output echoes after its `<label>`, or null. */
export function echoedTask(output: string, profile: FormatProfile): TaskId | null {
  const echo = output.trim().replace(/^[<＜][^>＞]*[>＞]/, '');
  return tasksByIwLength(profile).find((t) => echo.startsWith(profile.iw[t])) ?? null;
}
