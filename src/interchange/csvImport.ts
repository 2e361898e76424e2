import Papa from 'papaparse';
import { TASK_IDS } from '../format/taskCatalog.ts';
import { csvRows } from './csvRows.ts';
import { restoreFormula } from './spreadsheet.ts';
import type { TaskId } from '../domain/types.ts';
import type { FormatProfile } from '../format/profile.ts';
import { echoedTask, problemAt, taskFrom, type DatasetRecord, type ReadResult, type InputError } from '../data/records.ts';
import { quoted, type Problem } from '../data/inputErrors.ts';

/** Which CSV column holds what. Only `text` is required; a missing task column means every row has `defaultTask`. */
export interface CsvMapping {
  text: string;
  output: string | null;
  id: string | null;
  task: string | null;
}

/** Header names people use for each field, lower-cased; the first header that matches wins. */
const GUESSES: Record<keyof CsvMapping, readonly string[]> = {
  text: ['text', 'sentence', 'input', 'source', '文', '本文', 'テキスト'],
  output: ['output', 'gold', 'label', 'labels', 'prediction', 'target', '出力', 'ラベル'],
  id: ['id', 'doc', 'doc_id', 'curid', 'no'],
  task: ['task', 'iw', 'instruction'],
};

/** The header row of a CSV file (BOM stripped), or [] when it has none. */
export function csvHeader(content: string): string[] {
  const r = Papa.parse<string[]>(content.replace(/^\uFEFF/, ''), { preview: 1, skipEmptyLines: true });
  return (r.data[0] ?? []).map((h) => h.trim());
}

/**
 * A mapping guessed from header names, for the user to confirm or change. Without a recognisable text
 * column, the text is the first column no other field took.
 */
export function guessMapping(header: readonly string[]): CsvMapping {
  const find = (k: keyof CsvMapping) => header.find((h) => GUESSES[k].includes(h.toLowerCase())) ?? null;
  const others = { output: find('output'), id: find('id'), task: find('task') };
  const taken = new Set(Object.values(others));
  return { text: find('text') ?? header.find((h) => !taken.has(h)) ?? header[0] ?? '', ...others };
}

/**
 * Reads a CSV with a header row through a column mapping. Each bad row is reported with the line it starts
 * on (a quoted cell may span lines); every good row is kept.
 */
export function fromCsv(content: string, file: string, mapping: CsvMapping, defaultTask: TaskId | null, profile: FormatProfile): ReadResult<DatasetRecord> {
  const header = csvHeader(content);
  const records: DatasetRecord[] = [];
  const errors: InputError[] = [];
  for (const [field, column] of Object.entries(mapping) as [keyof CsvMapping, string | null][]) {
    if (column !== null && !header.includes(column)) errors.push(problemAt(file, 1, { code: 'csv-column-missing', params: { field, column: quoted(column), header: header.join(', ') } }));
  }
  if (errors.length) return { records, errors };
  const col = (name: string | null) => (name === null ? -1 : header.indexOf(name));
  const at = { text: col(mapping.text), output: col(mapping.output), id: col(mapping.id), task: col(mapping.task) };
  for (const { cells: raw, line, error } of csvRows(content).slice(1)) {
    const fail = (problem: Problem) => errors.push(problemAt(file, line, problem));
    if (error) {
      fail({ code: 'csv-invalid', params: { detail: error.message, reason: error.code } });
      continue;
    }
    const cells = raw.map(restoreFormula);
    const text = cells[at.text];
    if (text === undefined || text.trim() === '') {
      fail({ code: 'csv-text-empty', params: { column: quoted(mapping.text) } });
      continue;
    }
    const output = at.output === -1 ? '' : (cells[at.output] ?? '');
    let task = defaultTask ?? (output.trim() ? echoedTask(output, profile) : null);
    if (at.task !== -1) {
      const t = taskFrom(cells[at.task] ?? '', profile);
      if ('error' in t) {
        fail(t.error);
        continue;
      }
      task = t.task;
    }
    const record: DatasetRecord = task === null ? { text, task: 'ner', candidates: [...TASK_IDS], line } : { text, task, line };
    const id = at.id === -1 ? '' : (cells[at.id] ?? '').trim();
    if (id !== '') record.id = id;
    if (output.trim() !== '') record.output = output;
    records.push(record);
  }
  return { records, errors };
}
