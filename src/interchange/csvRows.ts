import Papa from 'papaparse';
import { lineCounter } from '../data/records.ts';

/** A CSV's rows with the line each starts on (a quoted cell may span lines), a BOM dropped. */
export function csvRows(content: string): { cells: string[]; line: number; error: { message: string; code: string } | null }[] {
  const body = content.replace(/^\uFEFF/, '');
  const lineAt = lineCounter(body);
  const rows: { cells: string[]; line: number; error: { message: string; code: string } | null }[] = [];
  let rowStart = 0;
  Papa.parse<string[]>(body, {
    skipEmptyLines: 'greedy',
    step: (row) => {
      // Blank lines before a row are not its first line.
      while (body[rowStart] === '\r' || body[rowStart] === '\n') rowStart++;
      rows.push({ cells: row.data, line: lineAt(rowStart), error: row.errors[0] ? { message: row.errors[0].message, code: row.errors[0].code } : null });
      rowStart = row.meta.cursor;
    },
  });
  return rows;
}
