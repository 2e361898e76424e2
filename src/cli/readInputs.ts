import type { TaskId } from '../domain/types.ts';
import type { InputError } from '../data/records.ts';
import { newDocument, type CorpusDocument } from '../corpus/document.ts';
import type { CsvMapping } from '../interchange/csvImport.ts';
import { detectFormat, FORMATS, formatById, readDocuments, type FileFormat, type ReadContext, type TextMode } from '../interchange/formats.ts';
import { UsageError } from './io.ts';
import { requireTask, type Context } from './context.ts';

const readable = () => FORMATS.filter((f) => f.read).map((f) => f.id).join(', ');

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
} as const;

/**
 * Reads input files through the format registry into corpus documents, exactly as the app's import does:
 * `--from` or detection per file, `--task` for formats that name none, `--columns` (else guessed, and said).
 */
export async function readInputs(ctx: Context, files: readonly string[]): Promise<{ docs: CorpusDocument[]; errors: InputError[] }> {
  const { values, profile, io } = ctx;
  let from: FileFormat | undefined;
  if (typeof values.from === 'string') {
    from = formatById(values.from);
    if (!from?.read) throw new UsageError(`--from must be one of ${readable()}${from ? ` (${from.label}: ${from.pending})` : ''}`);
  }
  const task: TaskId | undefined = values.task === undefined ? undefined : requireTask(values.task);
  const textMode = values['text-mode'] ?? 'lines';
  if (textMode !== 'lines' && textMode !== 'whole') throw new UsageError('--text-mode must be lines or whole');
  const category = typeof values.category === 'string' ? values.category : null;
  if (category !== null && !profile.categories.ner.includes(category)) {
    throw new UsageError(`--category ${JSON.stringify(category)} is not one of ${profile.categories.ner.join(' ')}`);
  }
  const columns = typeof values.columns === 'string' ? parseColumns(values.columns) : undefined;
  const docs: CorpusDocument[] = [];
  const errors: InputError[] = [];
  for (const file of files) {
    const content = await io.readFile(file);
    const format = from ?? detectFormat(content, file);
    if (format.needsTask && task === undefined) {
      throw new UsageError(`${file}: ${format.label} does not say each document's task: give --task (${from ? 'as --from says' : 'the file was read as this format'})`);
    }
    const read: ReadContext = { file, task: task ?? 'ner', profile, textMode: textMode as TextMode, category, ...(columns ? { mapping: columns } : {}) };
    let r = await readDocuments(content, read, format);
    if ('needsMapping' in r) {
      // Nothing is guessed silently: the columns taken are said, with the flag that sets them.
      io.err(`${file}: CSV columns guessed from the header: ${describeMapping(r.needsMapping.mapping)} (set them with --columns)`);
      r = await readDocuments(content, { ...read, mapping: r.needsMapping.mapping }, format);
    }
    if ('needsMapping' in r) throw new UsageError(`${file}: the CSV columns could not be read`);
    docs.push(...r.docs.map((d) => newDocument(d, file, 0, profile)));
    errors.push(...r.errors);
  }
  return { docs, errors };
}
