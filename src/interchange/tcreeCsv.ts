import Papa from 'papaparse';
import type { Extraction } from '../domain/types.ts';
import type { FormatProfile } from '../format/profile.ts';
import { serializeOutput } from '../format/serializeOutput.ts';
import { splitInput, tasksByIwLength } from '../format/splitInput.ts';
import { echoedTask, problemAt, type DatasetRecord, type ReadResult, type InputError } from '../data/records.ts';
import { csvRows } from './csvRows.ts';
import { neutraliseFormula, restoreFormula } from './spreadsheet.ts';

// The TCREE CSV the authors trained from, one row a sentence in five CSV columns:
//   {text}{IW},,{topic},,{IW}:{…}:
// i.e. input (the text followed directly by the IW, no separator: giellm-format.md), an empty column, the
// text-level label, an empty column, and the output without its `<topic>` tag. Cells are quoted where they
// need it (a comma or quote in the text). A header row, where there is one, is skipped.

/** Whether a row has the authors' shape: five cells, the 2nd and 4th empty, the 5th starting with an IW of the profile. */
function isTcreeRow(row: readonly string[], profile: FormatProfile): boolean {
  return row.length === 5 && row[1] === '' && row[3] === '' && tasksByIwLength(profile).some((t) => row[4]!.trim().replace(/^<[^>]*>/, '').startsWith(profile.iw[t]));
}

/** Whether content has that shape: most of its first rows (a header aside) do. */
export function looksLikeTcreeCsv(head: string, profile: FormatProfile): boolean {
  const rows = csvRows(head.split(/\r?\n/).slice(0, 21).join('\n')).slice(0, 20).map((r) => r.cells);
  const body = rows.length > 1 && !isTcreeRow(rows[0]!, profile) ? rows.slice(1) : rows;
  return body.length > 0 && body.filter((r) => isTcreeRow(r, profile)).length * 2 > body.length;
}

/**
 * Reads the authors' rows into {text, task, output}: the task from the IW that ends the input (else the
 * one the output starts with), the output with its `<topic>` restored from the third column. Rows of
 * another shape are reported with their line.
 */
export function fromTcreeCsv(content: string, file: string, profile: FormatProfile): ReadResult<DatasetRecord> {
  const records: DatasetRecord[] = [];
  const errors: InputError[] = [];
  const tasks = tasksByIwLength(profile);
  csvRows(content).forEach(({ cells: row, line }, k) => {
    if (!isTcreeRow(row, profile)) {
      if (k === 0) return; // a header
      const iws = tasksByIwLength(profile).map((t) => profile.iw[t]).join(', ');
      return void errors.push(problemAt(file, line, row.length === 5 ? { code: 'tcree-output-iw', params: { iws } } : { code: 'tcree-columns', params: { count: row.length } }));
    }
    const input = restoreFormula(row[0]!);
    const output = row[4]!.trim();
    const split = splitInput(input, profile);
    const task = split?.task ?? echoedTask(output, profile);
    if (!split || !task) return void errors.push(problemAt(file, line, { code: 'tcree-no-iw', params: { iws: tasks.map((t) => profile.iw[t]).join(', ') } }));
    if (split.text === '') return void errors.push(problemAt(file, line, { code: 'tcree-no-text', params: {} }));
    const topic = row[2]!.trim();
    const record: DatasetRecord = { text: split.text, task, output: output.startsWith('<') || topic === '' ? output : `<${topic}>${output}`, line };
    records.push(record);
  });
  return { records, errors };
}

/** Rows in the authors' shape; formula-like cells neutralised (see spreadsheet.ts), which the reader undoes. */
export function toTcreeCsv(docs: readonly { text: string; extraction: Extraction }[], profile: FormatProfile): string {
  const rows = docs.map((d) => {
    const x = d.extraction;
    const output = serializeOutput({ ...x, category: null }, x.task, profile);
    return [neutraliseFormula(d.text + profile.iw[x.task]), '', x.category ?? '', '', output];
  });
  return Papa.unparse(rows, { newline: '\n' }) + (rows.length ? '\n' : '');
}
