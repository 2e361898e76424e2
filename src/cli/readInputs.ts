import type { TaskId } from '../domain/types.ts';
import type { InputError } from '../data/records.ts';
import { newDocument, type CorpusDocument } from '../corpus/document.ts';
import type { CsvMapping } from '../interchange/csvImport.ts';
import { FORMATS, formatById, type FileFormat, type ReadContext, type TextMode } from '../interchange/formats.ts';
import { readFileBytes } from '../interchange/readFile.ts';
import { formatLoss, lossCounts, type Loss } from '../interchange/losses.ts';
import { ENCODINGS, type TextEncodingName } from '../text/decode.ts';
import { UsageError } from './io.ts';
import { requireTask, type Context } from './context.ts';

const readable = () => FORMATS.filter((f) => f.read || f.readArchive).map((f) => f.id).join(', ');

/** `--columns text=本文,output=answer,id=番号,task=iw`: only text is required. */
function parseColumns(value: string): CsvMapping {
  const mapping: CsvMapping = { text: '', output: null, id: null, task: null };
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    if (eq === -1 || !['text', 'output', 'id', 'task'].includes(key)) throw new UsageError(`--columns: ${JSON.stringify(part)} is not text=C, output=C, id=C or task=C`);
    mapping[key as keyof CsvMapping] = part.slice(eq + 1).trim();
  }
  if (mapping.text === '') throw new UsageError('--columns must name the text column (text=C)');
  return mapping;
}

const describeMapping = (m: CsvMapping) => (Object.entries(m) as [string, string | null][]).map(([k, v]) => `${k}=${v ?? '(none)'}`).join(', ');

/** The read options every command that takes input files shares (convert, annotate). */
export const READ_OPTIONS = {
  from: { type: 'string' },
  task: { type: 'string' },
  columns: { type: 'string' },
  'text-mode': { type: 'string' },
  category: { type: 'string' },
  encoding: { type: 'string' },
} as const;

/** What was left out, said on stderr: a count per kind, then the first cases. */
export function reportLosses(ctx: Context, what: string, losses: readonly Loss[]): void {
  if (losses.length === 0) return;
  const counts = Object.entries(lossCounts(losses)).map(([code, n]) => `${n} ${code}`).join(', ');
  ctx.io.err(`${what}: not kept: ${counts}`);
  for (const l of losses.slice(0, 20)) ctx.io.err(`  ${formatLoss(l)}`);
  if (losses.length > 20) ctx.io.err(`  … and ${losses.length - 20} more`);
}

/**
 * Reads input files through the format registry into corpus documents, exactly as the app's import does:
 * `--from` or detection per file, the encoding found (or `--encoding`), the task from the content (or
 * `--task` where the content names none), `--columns` (else guessed, and said). What each file could not
 * keep is said on stderr.
 */
export async function readInputs(ctx: Context, files: readonly string[]): Promise<{ docs: CorpusDocument[]; errors: InputError[] }> {
  const { values, profile, io } = ctx;
  let from: FileFormat | undefined;
  if (typeof values.from === 'string') {
    from = formatById(values.from);
    if (!from?.read && !from?.readArchive) throw new UsageError(`--from must be one of ${readable()}`);
  }
  const task: TaskId | undefined = values.task === undefined ? undefined : requireTask(values.task);
  const textMode = values['text-mode'] ?? 'lines';
  if (textMode !== 'lines' && textMode !== 'whole') throw new UsageError('--text-mode must be lines or whole');
  const encoding = values.encoding;
  if (encoding !== undefined && !(ENCODINGS as readonly unknown[]).includes(encoding)) throw new UsageError(`--encoding must be one of ${ENCODINGS.join(', ')}`);
  const category = typeof values.category === 'string' ? values.category : null;
  if (category !== null && !profile.categories.ner.includes(category)) {
    throw new UsageError(`--category ${JSON.stringify(category)} is not one of ${profile.categories.ner.join(' ')}`);
  }
  const columns = typeof values.columns === 'string' ? parseColumns(values.columns) : undefined;
  const docs: CorpusDocument[] = [];
  const errors: InputError[] = [];
  for (const file of files) {
    const bytes = io.readBytes ? await io.readBytes(file) : new TextEncoder().encode(await io.readFile(file));
    const read: ReadContext & { encoding?: TextEncodingName } = {
      file,
      ...(task ? { task } : {}),
      profile,
      textMode: textMode as TextMode,
      category,
      ...(columns ? { mapping: columns } : {}),
      ...(encoding ? { encoding: encoding as TextEncodingName } : {}),
    };
    let r = await readFileBytes(bytes, read, from);
    if ('needsMapping' in r) {
      // Nothing is guessed silently: the columns taken are said, with the flag that sets them.
      io.err(`${file}: CSV columns guessed from the header: ${describeMapping(r.needsMapping.mapping)} (set them with --columns)`);
      r = await readFileBytes(bytes, { ...read, mapping: r.needsMapping.mapping }, from);
    }
    if ('needsMapping' in r) throw new UsageError(`${file}: the CSV columns could not be read`);
    // The CLI always answers (category is null without --category), so this is only a guard.
    if ('needsCategory' in r) throw new UsageError(`${file}: give --category (${r.needsCategory.categories.join(' ')})`);
    if ('needsTask' in r) {
      throw new UsageError(`${file}: read as ${formatById(r.format)?.label}, the content does not say the task of ${r.needsTask.count} document(s): give --task (${r.needsTask.candidates.join(', ')})`);
    }
    if (r.encoding && r.encoding !== 'utf-8' && r.encodingBy !== 'chosen') io.err(`${file}: read as ${r.encoding} (set it with --encoding)`);
    reportLosses(ctx, file, r.losses);
    // One at a time: spreading a file's 187,028 documents into push's arguments overflows the call stack.
    for (const d of r.docs) docs.push(newDocument(d, file, 0, profile));
    for (const e of r.errors) errors.push(e);
  }
  return { docs, errors };
}
