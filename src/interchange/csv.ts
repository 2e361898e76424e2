import Papa from 'papaparse';
import type { Quadruple, Triple } from '../domain/types.ts';
import { TUPLE_SCHEMAS, tupleValue, type TupleField, type TupleKind } from '../format/itemSchema.ts';
import type { AnnotatedDocument } from './document.ts';
import { neutraliseFormula } from './spreadsheet.ts';

// Cells a spreadsheet would run as formulas are neutralised (spreadsheet.ts): these tables are for people.
const csv = (rows: (string | number | null)[][]) => Papa.unparse(rows.map((r) => r.map((c) => (typeof c === 'string' ? neutraliseFormula(c) : c))), { newline: '\n' }) + '\n';

/** One row per entity / sentiment word, with its document, category and offsets. */
export const entitiesCsv = (docs: readonly AnnotatedDocument[]) =>
  csv([['doc', 'category', 'label', 'text', 'start', 'end'], ...docs.flatMap((d, i) => d.extraction.entities.map((e) => [d.id ?? i + 1, d.extraction.category, e.label, e.text, e.start ?? null, e.end ?? null]))]);

/** One row per tuple of a kind, one column per field of its schema. */
const tuplesCsv = (kind: TupleKind) => (docs: readonly AnnotatedDocument[]) => {
  const fields = TUPLE_SCHEMAS[kind].fields.map((f) => f.name as TupleField);
  const items = (d: AnnotatedDocument): readonly (Triple | Quadruple)[] => d.extraction[kind];
  return csv([['doc', 'category', ...fields], ...docs.flatMap((d, i) => items(d).map((t) => [d.id ?? i + 1, d.extraction.category, ...fields.map((f) => tupleValue(t, f))]))]);
};

/** One row per relation triple. */
export const triplesCsv = tuplesCsv('relations');

/** One row per event (object empty for a 3-slot event). */
export const quadruplesCsv = tuplesCsv('events');
