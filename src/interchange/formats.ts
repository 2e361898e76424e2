import type { TaskId } from '../domain/types.ts';
import type { FormatProfile } from '../format/profile.ts';
import { serializeOutput } from '../format/serializeOutput.ts';
import { binaryLine, numberedLines, readRecords, type DatasetRecord, type InputError, type ReadResult } from '../data/records.ts';
import { asAnnotated, currentOutput, type CorpusDocument, type ImportedDocument } from '../corpus/document.ts';
import type { AnnotatedDocument } from './document.ts';
import type { CsvMapping } from './csvImport.ts';
import { looksLikeTcreeCsv } from './tcreeCsv.ts';

// The one table of file formats: the app's file input (its accept list), its import path and export menu,
// and `giellm convert` all read it. Readers and writers load their modules on first use, so a heavy
// library (papaparse, fflate, zod) loads only with the format that needs it.

export const FORMAT_IDS = ['records', 'training', 'extraction', 'doccano', 'label-studio', 'brat', 'conll', 'csv', 'tcree-csv', 'stockmark', 'mmm', 'text'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** How a plain-text file becomes documents: one a line, or the whole file as one (an article). */
export type TextMode = 'lines' | 'whole';

export interface ReadContext {
  /** The file's name, as errors cite it. */
  file: string;
  /** The task of documents whose format does not say one. */
  task: TaskId;
  profile: FormatProfile;
  textMode?: TextMode;
  /** For `csv`: which column is which. Without it the reader asks for one. */
  mapping?: CsvMapping;
  /** For `stockmark`: the text-level label to give every sentence (the file has none). */
  category?: string | null;
}

export type ReadOutcome = { docs: ImportedDocument[]; errors: InputError[] } | { needsMapping: { header: string[]; mapping: CsvMapping } };

export interface WriteContext {
  profile: FormatProfile;
  /** One of the format's `variants` (the CSV tables), else its first. */
  variant?: string;
}

export interface OutputFile {
  name: string;
  type: string;
  content: string | Uint8Array<ArrayBuffer>;
}

export interface FileFormat {
  id: FormatId;
  /** English name, for the CLI; the app's words are in its catalogs under `corpus.formatNames`. */
  label: string;
  /** Name endings the format is read from, for the file input's accept list. */
  extensions: readonly string[];
  mimeTypes?: readonly string[];
  /** The file does not say each document's task: the reader takes `ReadContext.task`. */
  needsTask?: boolean;
  /** Files of this format, told apart from its first part (the first line whole, at least 20,000 characters). */
  sniff?(head: string, name: string): boolean;
  read?(content: string, ctx: ReadContext): Promise<ReadOutcome>;
  variants?: readonly string[];
  write?(docs: readonly CorpusDocument[], ctx: WriteContext): Promise<OutputFile>;
  /** Why a slot has no reader or writer yet. */
  pending?: string;
}

const firstLine = (head: string) => head.split('\n', 1)[0] ?? '';
const jsonObjectLine = (head: string, key: RegExp) => /^\{/.test(firstLine(head)) && key.test(firstLine(head));

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

const records = ({ records, errors }: ReadResult<DatasetRecord>): ReadOutcome => ({ docs: records.map(fromRecord), errors });
const annotated = ({ records, errors }: ReadResult<AnnotatedDocument>, profile: FormatProfile, keepOffsets: boolean): ReadOutcome => ({
  docs: records.map((d) => fromAnnotated(d, profile, keepOffsets)),
  errors,
});
const jsonl = (name: string, content: string): OutputFile => ({ name, type: 'application/jsonl', content });
const isCsvName = (name: string) => /\.(csv|tsv)$/i.test(name);

/** Formats in the order detection tries them: the most specific first, plain text last. */
export const FORMATS: readonly FileFormat[] = [
  {
    id: 'stockmark',
    label: 'stockmark ner-wikipedia JSON',
    extensions: ['.json'],
    mimeTypes: ['application/json'],
    sniff: (head) => head.startsWith('[') && /"curid"\s*:/.test(head.slice(0, 2000)) && /"entities"\s*:/.test(head.slice(0, 2000)),
    // Gold NER; its SCNM categories are not in the file, so outputs carry one only when given.
    read: async (content, ctx) => {
      const { convertStockmark } = await import('../data/stockmark.ts');
      return records(convertStockmark(content, ctx.file, ctx.profile, ctx.category ?? null));
    },
  },
  {
    id: 'extraction',
    label: 'Extraction JSONL (with offsets)',
    extensions: ['.jsonl'],
    sniff: (head) => jsonObjectLine(head, /"extraction"\s*:\s*\{/),
    // Offsets kept exactly as they were.
    read: async (content, ctx) => annotated((await import('./extractionJsonl.ts')).fromExtractionJsonl(content, ctx.file), ctx.profile, true),
    write: async (docs, ctx) => jsonl('extractions.jsonl', (await import('./extractionJsonlWriter.ts')).toExtractionJsonl(asAnnotated(docs, ctx.profile))),
  },
  {
    id: 'training',
    label: 'GIELLM training JSONL',
    extensions: ['.jsonl'],
    sniff: (head) => jsonObjectLine(head, /"input"\s*:/) && !/"text"\s*:/.test(firstLine(head)),
    read: async (content, ctx) => records((await import('./training.ts')).fromTrainingJsonl(content, ctx.file, ctx.profile)),
    write: async (docs, ctx) => jsonl('giellm-train.jsonl', (await import('./training.ts')).toTrainingJsonl(asAnnotated(docs, ctx.profile), ctx.profile)),
  },
  {
    id: 'label-studio',
    label: 'Label Studio JSON',
    extensions: ['.json'],
    mimeTypes: ['application/json'],
    needsTask: true,
    sniff: (head) => head.startsWith('[') && /"annotations"\s*:/.test(head.slice(0, 20_000)),
    read: async (content, ctx) => annotated((await import('./labelStudio.ts')).fromLabelStudio(content, ctx.file, ctx.task), ctx.profile, false),
    write: async (docs, ctx) => ({ name: 'label-studio.json', type: 'application/json', content: (await import('./labelStudio.ts')).toLabelStudio(asAnnotated(docs, ctx.profile)) }),
  },
  {
    id: 'doccano',
    label: 'doccano JSONL',
    extensions: ['.jsonl'],
    needsTask: true,
    sniff: (head) => jsonObjectLine(head, /"(label|entities)"\s*:/) && !/"output"\s*:/.test(firstLine(head)),
    read: async (content, ctx) => annotated((await import('./doccano.ts')).fromDoccano(content, ctx.file, ctx.task), ctx.profile, false),
    write: async (docs, ctx) => {
      const { toDoccano } = await import('./doccano.ts');
      return jsonl('doccano.jsonl', asAnnotated(docs, ctx.profile).map(toDoccano).join('\n'));
    },
  },
  {
    id: 'tcree-csv',
    label: 'TCREE CSV (input,,output)',
    extensions: ['.csv'],
    mimeTypes: ['text/csv'],
    sniff: (head, name) => isCsvName(name) && looksLikeTcreeCsv(head),
    read: async (content, ctx) => records((await import('./tcreeCsv.ts')).fromTcreeCsv(content, ctx.file, ctx.profile)),
    pending: 'writing arrives with the interchange issue (#11)',
  },
  {
    id: 'csv',
    label: 'CSV with a header (columns mapped)',
    extensions: ['.csv', '.tsv'],
    mimeTypes: ['text/csv'],
    needsTask: true,
    sniff: (_head, name) => isCsvName(name),
    read: async (content, ctx) => {
      const { csvHeader, fromCsv, guessMapping } = await import('./csvImport.ts');
      if (!ctx.mapping) {
        const header = csvHeader(content);
        return { needsMapping: { header, mapping: guessMapping(header) } };
      }
      return records(fromCsv(content, ctx.file, ctx.mapping, ctx.task, ctx.profile));
    },
    variants: ['entities', 'triples', 'events'],
    write: async (docs, ctx) => {
      const csv = await import('./csv.ts');
      const a = asAnnotated(docs, ctx.profile);
      if (ctx.variant === 'triples') return { name: 'triples.csv', type: 'text/csv', content: csv.triplesCsv(a) };
      if (ctx.variant === 'events') return { name: 'quadruples.csv', type: 'text/csv', content: csv.quadruplesCsv(a) };
      return { name: 'entities.csv', type: 'text/csv', content: csv.entitiesCsv(a) };
    },
  },
  {
    id: 'records',
    label: 'JSONL records ({"id"?, "text", "task" or "iw", "output"?})',
    extensions: ['.jsonl', '.json'],
    sniff: (_head, name) => /\.jsonl?$/i.test(name),
    read: async (content, ctx) => records(readRecords(content, ctx.file, ctx.profile)),
    // The output as it stands: an imported string kept exactly while nothing replaced it.
    write: async (docs, ctx) =>
      jsonl(
        'records.jsonl',
        docs
          .map((d) => {
            const output = currentOutput(d, ctx.profile);
            const cut = d.outputTruncated && !d.annotation;
            return JSON.stringify({ ...(d.recordId === null ? {} : { id: d.recordId }), text: d.text, task: d.task, ...(output === '' ? {} : { output }), ...(cut ? { finish_reason: 'length' } : {}) });
          })
          .join('\n'),
      ),
  },
  {
    id: 'brat',
    label: 'brat standoff (zip)',
    extensions: [],
    write: async (docs, ctx) => {
      const { files } = (await import('./brat.ts')).toBrat(asAnnotated(docs, ctx.profile));
      const { zipSync, strToU8 } = await import('fflate');
      const zip = zipSync(Object.fromEntries(files.map((f) => [`brat/${f.name}`, strToU8(f.content)])));
      return { name: 'brat.zip', type: 'application/zip', content: zip as Uint8Array<ArrayBuffer> };
    },
    pending: 'reading arrives with the interchange issue (#11)',
  },
  { id: 'conll', label: 'CoNLL (BIO)', extensions: [], pending: 'arrives with the interchange issue (#11)' },
  { id: 'mmm', label: 'MMM (multilingual GIELLM data)', extensions: [], pending: 'arrives with the interchange issue (#11)' },
  {
    id: 'text',
    label: 'plain text (one document a line, or the whole file)',
    extensions: ['.txt'],
    mimeTypes: ['text/plain'],
    needsTask: true,
    sniff: () => true,
    read: async (content, ctx) => {
      if (ctx.textMode === 'whole') {
        const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').trim();
        if (text === '') return { docs: [], errors: [{ file: ctx.file, line: null, message: 'the file is empty' }] };
        return { docs: [{ line: null, recordId: null, text, task: ctx.task, output: null }], errors: [] };
      }
      return { docs: numberedLines(content).map(({ line, text }) => ({ line, recordId: null, text: text.trim(), task: ctx.task, output: null })), errors: [] };
    },
  },
];

export function formatById(id: string): FileFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** The first part of a file that sniffing looks at: its first line whole, and at least 20,000 characters. */
export function headOf(content: string): string {
  const trimmed = content.trimStart();
  const lineEnd = trimmed.indexOf('\n');
  return trimmed.slice(0, Math.max(20_000, lineEnd === -1 ? trimmed.length : lineEnd + 1));
}

/** The format a file is in, by what it holds and then its name; plain text when nothing else fits. */
export function detectFormat(content: string, name: string): FileFormat {
  const head = headOf(content);
  return FORMATS.find((f) => f.read && f.sniff?.(head, name))!;
}

/**
 * Reads one file into documents, in the format given or else the one detected. A binary file is refused
 * whole with the line where it stops being text; every other problem is named with its line, and the good
 * documents are kept.
 */
export async function readDocuments(content: string, ctx: ReadContext, format: FileFormat = detectFormat(content, ctx.file)): Promise<ReadOutcome & { format: FormatId }> {
  const binary = binaryLine(content);
  if (binary !== null) return { format: format.id, docs: [], errors: [{ file: ctx.file, line: binary, message: 'this file does not look like text (binary data); nothing was imported from it' }] };
  if (!format.read) return { format: format.id, docs: [], errors: [{ file: ctx.file, line: null, message: `${format.label} cannot be read yet: ${format.pending ?? 'no reader'}` }] };
  return { format: format.id, ...(await format.read(content, ctx)) };
}

/** The file input's accept list: every readable format's name endings and types. */
export const ACCEPT = [...new Set(FORMATS.filter((f) => f.read).flatMap((f) => [...f.extensions, ...(f.mimeTypes ?? [])]))].join(',');

/** What the export menu offers: each writer, and each variant of a writer with several (the CSV tables). */
export interface ExportTarget {
  /** `id`, or `id/variant`: the menu's value and the catalog key of its name. */
  value: string;
  format: FileFormat;
  variant?: string;
}

/** The export menu's order (detection order is another): training data first, as the app has always offered it. */
const EXPORT_ORDER: readonly FormatId[] = ['training', 'extraction', 'doccano', 'label-studio', 'csv', 'brat', 'records'];

export const EXPORT_TARGETS: readonly ExportTarget[] = EXPORT_ORDER.map((id) => formatById(id)!)
  .filter((f) => f.write)
  .flatMap((f): ExportTarget[] => (f.variants ? f.variants.map((v) => ({ value: `${f.id}/${v}`, format: f, variant: v })) : [{ value: f.id, format: f }]));

/** Writes documents as one export target. */
export function exportDocuments(target: ExportTarget, docs: readonly CorpusDocument[], profile: FormatProfile): Promise<OutputFile> {
  return target.format.write!(docs, { profile, variant: target.variant });
}
