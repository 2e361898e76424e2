import { convertStockmark, formatInputError, serializeOutput, type DatasetRecord, type FormatProfile, type TaskId } from '../../../src/index.ts';
import type { AnnotatedDocument } from '../../../src/interchange/document.ts';
import { fromTrainingJsonl, toTrainingJsonl } from '../../../src/interchange/training.ts';
import { toExtractionJsonl } from '../../../src/interchange/extractionJsonlWriter.ts';
import { fromDoccano, toDoccano } from '../../../src/interchange/doccano.ts';
import { fromLabelStudio, toLabelStudio } from '../../../src/interchange/labelStudio.ts';
import { entitiesCsv, quadruplesCsv, triplesCsv } from '../../../src/interchange/csv.ts';
import { toBrat } from '../../../src/interchange/brat.ts';
import type { StoredDocument } from '../../shared/storage/corpusDb.ts';
import { currentExtraction } from './documents.ts';

/** A document as a format reads it, before it is stored: where it came from is added by the importer. */
export type ImportedDocument = Pick<StoredDocument, 'line' | 'recordId' | 'text' | 'task' | 'output' | 'outputTruncated'> & { annotation?: StoredDocument['annotation'] };

/** A dataset record as a document. */
export const fromRecord = (r: DatasetRecord): ImportedDocument => ({
  line: r.line,
  recordId: r.id ?? null,
  text: r.text,
  task: r.task,
  output: r.output ?? null,
  ...(r.truncated ? { outputTruncated: true as const } : {}),
});

/** An annotated document as a document whose output is the GIELLM string of its annotation; `keepOffsets` keeps the annotation itself too. */
const fromAnnotated = (d: AnnotatedDocument, profile: FormatProfile, keepOffsets: boolean): ImportedDocument => ({
  line: d.line ?? null,
  recordId: d.id,
  text: d.text,
  task: d.extraction.task,
  output: serializeOutput(d.extraction, d.extraction.task, profile),
  ...(keepOffsets ? { annotation: d.extraction } : {}),
});

export const EXPORT_FORMATS = ['giellm', 'extraction', 'doccano', 'labelstudio', 'entities-csv', 'triples-csv', 'quadruples-csv', 'brat'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Stored documents with their current extraction (corrections included), the unit every export format takes. */
export function annotated(docs: readonly StoredDocument[], profile: FormatProfile): AnnotatedDocument[] {
  return docs.map((d) => ({ id: d.recordId ?? (d.id === undefined ? null : String(d.id)), text: d.text, extraction: currentExtraction(d, profile) }));
}

/** The file for an export: name, type and content. */
export async function exportFile(format: ExportFormat, docs: readonly StoredDocument[], profile: FormatProfile): Promise<{ name: string; type: string; content: string | Uint8Array<ArrayBuffer> }> {
  const a = annotated(docs, profile);
  switch (format) {
    case 'giellm':
      return { name: 'giellm-train.jsonl', type: 'application/jsonl', content: toTrainingJsonl(a, profile) };
    case 'extraction':
      return { name: 'extractions.jsonl', type: 'application/jsonl', content: toExtractionJsonl(a) };
    case 'doccano':
      return { name: 'doccano.jsonl', type: 'application/jsonl', content: a.map(toDoccano).join('\n') };
    case 'labelstudio':
      return { name: 'label-studio.json', type: 'application/json', content: toLabelStudio(a) };
    case 'entities-csv':
      return { name: 'entities.csv', type: 'text/csv', content: entitiesCsv(a) };
    case 'triples-csv':
      return { name: 'triples.csv', type: 'text/csv', content: triplesCsv(a) };
    case 'quadruples-csv':
      return { name: 'quadruples.csv', type: 'text/csv', content: quadruplesCsv(a) };
    case 'brat': {
      const { files } = toBrat(a);
      // The zip library loads only for this export.
      const { zipSync, strToU8 } = await import('fflate');
      const zip = zipSync(Object.fromEntries(files.map((f) => [`brat/${f.name}`, strToU8(f.content)])));
      return { name: 'brat.zip', type: 'application/zip', content: zip as Uint8Array<ArrayBuffer> };
    }
  }
}

/**
 * Reads the stockmark ner-wikipedia JSON, the app's Extraction JSONL, GIELLM training JSONL, doccano JSONL or a Label Studio JSON export into documents whose output is the GIELLM string of
 * their annotations, so they render like a run. Null when the content is neither.
 */
export async function documentsFromAnnotations(name: string, content: string, task: TaskId, profile: FormatProfile): Promise<{ docs: ImportedDocument[]; errors: string[] } | null> {
  const trimmed = content.trimStart();
  const head = trimmed.slice(0, 2000);
  if (trimmed.startsWith('[') && /"curid"\s*:/.test(head) && /"entities"\s*:/.test(head)) {
    // stockmark ner-wikipedia: gold NER; its SCNM categories are not in the file, so outputs carry none.
    const r = convertStockmark(content, name, profile, null);
    return { docs: r.records.map(fromRecord), errors: r.errors.map(formatInputError) };
  }
  const firstLine = trimmed.split('\n', 1)[0] ?? '';
  if (/^\{/.test(firstLine) && /"extraction"\s*:\s*\{/.test(firstLine)) {
    // The app's own Extraction export: offsets kept exactly as they were. Its validator (zod) loads only for it.
    const { fromExtractionJsonl } = await import('../../../src/interchange/extractionJsonl.ts');
    const r = fromExtractionJsonl(content, name);
    return { docs: r.records.map((d) => fromAnnotated(d, profile, true)), errors: r.errors.map(formatInputError) };
  }
  if (/^\{/.test(firstLine) && /"input"\s*:/.test(firstLine) && !/"text"\s*:/.test(firstLine)) {
    const r = fromTrainingJsonl(content, name, profile);
    return { docs: r.records.map(fromRecord), errors: r.errors.map(formatInputError) };
  }
  const isLabelStudio = trimmed.startsWith('[') && /"annotations"\s*:/.test(trimmed.slice(0, 20_000));
  const isDoccano = !isLabelStudio && /^\{/.test(firstLine) && /"(label|entities)"\s*:/.test(firstLine) && !/"output"\s*:/.test(firstLine);
  if (!isLabelStudio && !isDoccano) return null;
  const r = isLabelStudio ? fromLabelStudio(content, name, task) : fromDoccano(content, name, task);
  return { docs: r.records.map((d) => fromAnnotated(d, profile, false)), errors: r.errors.map(formatInputError) };
}
