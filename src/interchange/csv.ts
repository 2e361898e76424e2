import Papa from 'papaparse';
import type { AnnotatedDocument } from './document.ts';

const csv = (rows: (string | number | null)[][]) => Papa.unparse(rows, { newline: '\n' });

/** One row per entity / sentiment word, with its document, category and offsets. */
export const entitiesCsv = (docs: readonly AnnotatedDocument[]) =>
  csv([['doc', 'category', 'label', 'text', 'start', 'end'], ...docs.flatMap((d, i) => d.extraction.entities.map((e) => [d.id ?? i + 1, d.extraction.category, e.label, e.text, e.start ?? null, e.end ?? null]))]);

/** One row per relation triple. */
export const triplesCsv = (docs: readonly AnnotatedDocument[]) =>
  csv([['doc', 'category', 'head', 'relation', 'tail'], ...docs.flatMap((d, i) => d.extraction.relations.map((r) => [d.id ?? i + 1, d.extraction.category, r.head, r.relation, r.tail]))]);

/** One row per event (object empty for a 3-slot event). */
export const quadruplesCsv = (docs: readonly AnnotatedDocument[]) =>
  csv([['doc', 'category', 'subject', 'trigger', 'object', 'time'], ...docs.flatMap((d, i) => d.extraction.events.map((e) => [d.id ?? i + 1, d.extraction.category, e.subject, e.trigger, e.object, e.time]))]);
