import type { TaskId } from '../domain/types.ts';
import type { FormatProfile } from '../format/profile.ts';
import { serializeChecked } from '../format/serializeOutput.ts';
import { parseOutput } from '../format/parseOutput.ts';
import { eachLine, problemAt, readRecords, type DatasetRecord, type InputError, type ReadProgress, type ReadResult } from '../data/records.ts';
import { suggestionsOf, withoutSuggestions } from '../annotate/provenance.ts';
import { asAnnotated, currentExtraction, currentOutput, hasGold, reviewFields, reviewSaysMore, type CorpusDocument, type ImportedDocument } from '../corpus/document.ts';
import type { AnnotatedDocument } from './document.ts';
import type { CsvMapping } from './csvImport.ts';
import { commonCandidates } from './inferTask.ts';
import type { Loss } from './losses.ts';
import { looksLikeTcreeCsv } from './tcreeCsv.ts';
import { looksLikeConll } from './conll.ts';
import { looksLikeMmm } from './mmm.ts';
import { BOM } from './spreadsheet.ts';

// The one table of file formats: the app's file input (its accept list), its import path and export menu,
// and `giellm convert` all read it. Readers and writers load their modules on first use, so a heavy
// library (papaparse, fflate, zod) loads only with the format that needs it. Every reader says what it
// could not keep (`losses`) and which lines it refused (`errors`); every writer says what it left out.

export const FORMAT_IDS = ['records', 'training', 'extraction', 'doccano', 'label-studio', 'brat', 'conll', 'csv', 'tcree-csv', 'stockmark', 'mmm', 'text'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** How a plain-text file becomes documents: one a line, or the whole file as one (an article). */
export type TextMode = 'lines' | 'whole';

export interface ReadContext {
  /** The file's name, as errors cite it. */
  file: string;
  /** The task the user chose for documents whose content names none; without it the import asks. */
  task?: TaskId;
  profile: FormatProfile;
  textMode?: TextMode;
  /** For `csv`: which column is which. Without it the reader asks for one. */
  mapping?: CsvMapping;
  /**
   * For `stockmark`: the text-level label to give every sentence (the file has none); null for none.
   * Left out, the reader asks.
   */
  category?: string | null;
  /** Told now and then how far a line-based reader has come (characters of the text), for a progress bar. */
  onProgress?: ReadProgress;
}

export type ReadOutcome =
  | { docs: ImportedDocument[]; errors: InputError[]; losses: Loss[] }
  | { needsMapping: { header: string[]; mapping: CsvMapping } }
  /** The content does not name the task of `count` documents: the import asks, offering `candidates`. */
  | { needsTask: { candidates: TaskId[]; count: number } }
  /** The file has no text-level labels (stockmark): the import asks for one to give its documents, or none. */
  | { needsCategory: { task: TaskId; categories: string[] } };

export interface WriteContext {
  profile: FormatProfile;
  /** One of the format's `variants` (the CSV tables), else its first. */
  variant?: string;
  /** CSV: start with a UTF-8 byte order mark (default), so Excel reads Japanese right. */
  bom?: boolean;
}

export interface OutputFile {
  name: string;
  type: string;
  content: string | Uint8Array<ArrayBuffer>;
}

export interface WriteOutcome {
  file: OutputFile;
  /** What the format could not hold, per document and item. */
  losses: Loss[];
}

export interface FileFormat {
  id: FormatId;
  /** English name, for the CLI; the app's words are in its catalogs under `corpus.formatNames`. */
  label: string;
  /** Name endings the format is read from, for the file input's accept list. */
  extensions: readonly string[];
  mimeTypes?: readonly string[];
  /** Files of this format, told apart from their first part (the first line whole, at least 20,000 characters). */
  sniff?(head: string, name: string, profile: FormatProfile): boolean;
  read?(content: string, ctx: ReadContext): Promise<ReadOutcome>;
  /** A format that comes as an archive (brat): its files by name. */
  readArchive?(files: ReadonlyMap<string, string>, ctx: ReadContext): Promise<ReadOutcome>;
  variants?: readonly string[];
  write?(docs: readonly CorpusDocument[], ctx: WriteContext): Promise<WriteOutcome>;
  /**
   * What of each item's provenance the writer keeps: all of it (Extraction JSON fields, brat notes), whether
   * a model suggested it (Label Studio), or nothing (absent). What it cannot keep is reported.
   */
  provenance?: 'all' | 'model-or-person';
  /** The writer keeps what a review left on a document (reviewer, time, flag, skip, comment); elsewhere its loss is reported. */
  keepsReview?: true;
}

/** The first line of a head (the line itself when it is one, as every line of a JSONL file is: no copy then). */
const firstLine = (head: string) => {
  const end = head.indexOf('\n');
  return end < 0 ? head : head.slice(0, end);
};
// Asked of every line of a JSONL file (a file mixing formats is refused): the first line cut once, `{` by its code.
const jsonObjectLine = (head: string, key: RegExp) => {
  const line = firstLine(head);
  return line.charCodeAt(0) === 0x7b && key.test(line);
};

/** A dataset record as a document. */
export const fromRecord = (r: DatasetRecord): ImportedDocument => ({
  line: r.line,
  recordId: r.id ?? null,
  ...(r.sourceId === undefined ? {} : { sourceId: r.sourceId }),
  text: r.text,
  task: r.task,
  output: r.output ?? null,
  ...(r.truncated ? { outputTruncated: true as const } : {}),
});

/**
 * Documents whose content named their task, and the rest given the user's choice; when there is no
 * choice yet and some need one, the question instead.
 */
function resolveTasks<T>(items: readonly T[], candidatesOf: (t: T) => TaskId[] | undefined, make: (t: T, task: TaskId | null) => ImportedDocument, ctx: ReadContext, errors: InputError[], losses: Loss[]): ReadOutcome {
  const open = items.filter((t) => candidatesOf(t));
  if (open.length && ctx.task === undefined) return { needsTask: { candidates: commonCandidates(open.map((t) => candidatesOf(t)!)), count: open.length } };
  return { docs: items.map((t) => make(t, candidatesOf(t) ? ctx.task! : null)), errors, losses };
}

const records = ({ records, errors }: ReadResult<DatasetRecord>, ctx: ReadContext, losses: Loss[] = []): ReadOutcome =>
  resolveTasks(records, (r) => r.candidates, (r, task) => ({ ...fromRecord(r), ...(task ? { task } : {}) }), ctx, errors, losses);

/**
 * Annotated documents as stored documents: the annotation kept with its offsets (the file's spans, not
 * re-found strings), the output its GIELLM string; a model's (Label Studio predictions) as the prediction.
 */
const annotated = ({ records, errors }: ReadResult<AnnotatedDocument>, ctx: ReadContext, losses: Loss[]): ReadOutcome =>
  resolveTasks(
    records,
    (d) => d.candidates,
    (d, chosen) => {
      const extraction = chosen ? { ...d.extraction, task: chosen } : d.extraction;
      const base = { line: d.line ?? null, recordId: d.id, text: d.text, task: extraction.task, ...reviewFields(d.review) };
      if (d.origin?.kind === 'model') return { ...base, output: null, prediction: { model: d.origin.model, raw: '', extraction, at: 0 } };
      return { ...base, output: null, annotation: extraction };
    },
    ctx,
    errors,
    losses,
  );

const jsonl = (name: string, lines: readonly string[]): OutputFile => ({ name, type: 'application/jsonl', content: lines.join('\n') + (lines.length ? '\n' : '') });
const isCsvName = (name: string) => /\.(csv|tsv)$/i.test(name);
const csvFile = (name: string, content: string, ctx: WriteContext): OutputFile => ({ name, type: 'text/csv', content: (ctx.bom === false ? '' : BOM) + content });
const docName = (d: CorpusDocument, i: number) => d.recordId ?? String(i + 1);

/**
 * The documents that are training data (a person gave them something: a correction, an imported output,
 * a review) with their checked outputs; the rest, and any output the parser could not read back, reported.
 */
function trainingDocs(docs: readonly CorpusDocument[], profile: FormatProfile, losses: Loss[]): { doc: AnnotatedDocument; output: string }[] {
  const out: { doc: AnnotatedDocument; output: string }[] = [];
  const annotatedDocs = asAnnotated(docs, profile);
  docs.forEach((d, i) => {
    if (!hasGold(d)) return void losses.push({ code: 'no-annotation', doc: docName(d, i) });
    const shown = annotatedDocs[i]!;
    // A model's suggestion nobody accepted is not training data.
    const a = { ...shown, extraction: withoutSuggestions(shown.extraction) };
    const left = suggestionsOf(shown.extraction).length;
    if (left) losses.push({ code: 'suggestions-not-gold', doc: docName(d, i), item: String(left) });
    const checked = serializeChecked(a.extraction, a.extraction.task, profile, (o) => parseOutput(o, a.extraction.task, profile));
    if ('unreadable' in checked) return void losses.push({ code: 'unreadable-output', doc: docName(d, i), item: checked.unreadable });
    out.push({ doc: a, output: checked.output });
  });
  return out;
}

/**
 * A record's output as it stands: an imported string exactly while nothing replaced it; an output written
 * from an annotation only when the parser reads it back (a `;` in a label, a `>` in a category would not),
 * else none, with the item named.
 */
function recordOutput(d: CorpusDocument, profile: FormatProfile, unreadable: (item: string) => void): string {
  if (!(d.annotation || (!d.output && d.prediction))) return currentOutput(d, profile);
  const x = currentExtraction(d, profile);
  const checked = serializeChecked(x, d.task, profile, (o) => parseOutput(o, d.task, profile));
  if ('output' in checked) return checked.output;
  unreadable(checked.unreadable);
  return '';
}

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
      if (ctx.category === undefined) return { needsCategory: { task: 'ner', categories: [...ctx.profile.categories.ner] } };
      const { convertStockmark } = await import('../data/stockmark.ts');
      return records(convertStockmark(content, ctx.file, ctx.profile, ctx.category), ctx);
    },
  },
  {
    id: 'extraction',
    label: 'Extraction JSONL (with offsets)',
    extensions: ['.jsonl'],
    sniff: (head) => jsonObjectLine(head, /"extraction"\s*:\s*\{/),
    // Offsets kept exactly as they were.
    read: async (content, ctx) => annotated((await import('./extractionJsonl.ts')).fromExtractionJsonl(content, ctx.file, ctx.onProgress), ctx, []),
    write: async (docs, ctx) => ({ file: jsonl('extractions.jsonl', (await import('./extractionJsonlWriter.ts')).toExtractionJsonl(asAnnotated(docs, ctx.profile))), losses: [] }),
    provenance: 'all',
    keepsReview: true,
  },
  {
    id: 'mmm',
    label: 'MMM / SCPOS JSONL ({id, input, output, label})',
    extensions: ['.jsonl', '.json'],
    sniff: (head) => looksLikeMmm(firstLine(head)),
    read: async (content, ctx) => records((await import('./mmm.ts')).fromMmm(content, ctx.file, ctx.profile, ctx.onProgress), ctx),
  },
  {
    id: 'training',
    label: 'GIELLM training JSONL',
    extensions: ['.jsonl'],
    sniff: (head) => jsonObjectLine(head, /"input"\s*:/) && !/"text"\s*:/.test(firstLine(head)),
    read: async (content, ctx) => records((await import('./training.ts')).fromTrainingJsonl(content, ctx.file, ctx.profile, ctx.onProgress), ctx),
    write: async (docs, ctx) => {
      const { trainingLine } = await import('./training.ts');
      const losses: Loss[] = [];
      const lines = trainingDocs(docs, ctx.profile, losses).map(({ doc, output }) => trainingLine(doc, output, ctx.profile));
      return { file: jsonl('giellm-train.jsonl', lines), losses };
    },
  },
  {
    id: 'label-studio',
    label: 'Label Studio JSON',
    extensions: ['.json'],
    mimeTypes: ['application/json'],
    sniff: (head) => /^[[{]/.test(head) && /"data"\s*:\s*\{/.test(head.slice(0, 20_000)),
    read: async (content, ctx) => {
      const losses: Loss[] = [];
      return annotated((await import('./labelStudio.ts')).fromLabelStudio(content, ctx.file, ctx.profile, losses), ctx, losses);
    },
    // The tasks and the labeling config they fit, together: Label Studio needs both (README, "Label Studio").
    write: async (docs, ctx) => {
      const { toLabelStudio, labelStudioConfig } = await import('./labelStudio.ts');
      const { zipSync, strToU8 } = await import('fflate');
      const losses: Loss[] = [];
      const a = asAnnotated(docs, ctx.profile);
      const zip = zipSync({ 'label-studio-tasks.json': strToU8(toLabelStudio(a, losses)), 'label-studio-config.xml': strToU8(labelStudioConfig(a, ctx.profile)) }, { mtime: new Date(2000, 0, 1) });
      return { file: { name: 'label-studio.zip', type: 'application/zip', content: zip as Uint8Array<ArrayBuffer> }, losses };
    },
    provenance: 'model-or-person',
  },
  {
    id: 'doccano',
    label: 'doccano JSONL',
    extensions: ['.jsonl'],
    sniff: (head) => jsonObjectLine(head, /"(label|entities|cats|relations)"\s*:/) && jsonObjectLine(head, /"text"\s*:/) && !/"(output|task|iw)"\s*:/.test(firstLine(head)),
    read: async (content, ctx) => {
      const losses: Loss[] = [];
      return annotated((await import('./doccano.ts')).fromDoccano(content, ctx.file, ctx.profile, losses, ctx.onProgress), ctx, losses);
    },
    write: async (docs, ctx) => {
      const losses: Loss[] = [];
      const { content } = (await import('./doccano.ts')).toDoccanoJsonl(asAnnotated(docs, ctx.profile), losses);
      return { file: { name: 'doccano.jsonl', type: 'application/jsonl', content }, losses };
    },
  },
  {
    id: 'conll',
    label: 'CoNLL BIO (character tokens)',
    extensions: ['.conll', '.iob', '.bio'],
    // By its name too: a first token that is a space is trimmed from the head sniffing sees.
    sniff: (head, name) => /\.(conll|iob|bio)$/i.test(name) || looksLikeConll(head),
    read: async (content, ctx) => annotated((await import('./conll.ts')).fromConll(content, ctx.file, ctx.profile), ctx, []),
    write: async (docs, ctx) => {
      const losses: Loss[] = [];
      const content = (await import('./conll.ts')).toConll(asAnnotated(docs, ctx.profile), losses);
      return { file: { name: 'ner.conll', type: 'text/plain', content }, losses };
    },
  },
  {
    id: 'tcree-csv',
    label: 'TCREE CSV ({text}{IW},,{topic},,{IW}:…:)',
    extensions: ['.csv'],
    mimeTypes: ['text/csv'],
    sniff: (head, name, profile) => isCsvName(name) && looksLikeTcreeCsv(head, profile),
    read: async (content, ctx) => records((await import('./tcreeCsv.ts')).fromTcreeCsv(content, ctx.file, ctx.profile), ctx),
    write: async (docs, ctx) => {
      const losses: Loss[] = [];
      const good = trainingDocs(docs, ctx.profile, losses).map((t) => t.doc);
      return { file: csvFile('tcree.csv', (await import('./tcreeCsv.ts')).toTcreeCsv(good, ctx.profile), { ...ctx, bom: false }), losses };
    },
  },
  {
    id: 'csv',
    label: 'CSV with a header (columns mapped)',
    extensions: ['.csv', '.tsv'],
    mimeTypes: ['text/csv'],
    sniff: (_head, name) => isCsvName(name),
    read: async (content, ctx) => {
      const { csvHeader, fromCsv, guessMapping } = await import('./csvImport.ts');
      if (!ctx.mapping) {
        const header = csvHeader(content);
        return { needsMapping: { header, mapping: guessMapping(header) } };
      }
      return records(fromCsv(content, ctx.file, ctx.mapping, null, ctx.profile), ctx);
    },
    variants: ['entities', 'triples', 'events'],
    write: async (docs, ctx) => {
      const csv = await import('./csv.ts');
      const a = asAnnotated(docs, ctx.profile);
      if (ctx.variant === 'triples') return { file: csvFile('triples.csv', csv.triplesCsv(a), ctx), losses: [] };
      if (ctx.variant === 'events') return { file: csvFile('quadruples.csv', csv.quadruplesCsv(a), ctx), losses: [] };
      return { file: csvFile('entities.csv', csv.entitiesCsv(a), ctx), losses: [] };
    },
  },
  {
    id: 'records',
    label: 'JSONL records ({"id"?, "text", "task" or "iw"?, "output"?})',
    extensions: ['.jsonl', '.json'],
    sniff: (_head, name) => /\.jsonl?$/i.test(name),
    read: async (content, ctx) => records(readRecords(content, ctx.file, ctx.profile, ctx.onProgress), ctx),
    // The output as it stands (recordOutput); what could not be written is said.
    write: async (docs, ctx) => {
      const losses: Loss[] = [];
      const lines = docs.map((d, i) => {
        const output = recordOutput(d, ctx.profile, (item) => losses.push({ code: 'unreadable-output-kept-text', doc: docName(d, i), item }));
        const cut = d.outputTruncated && !d.annotation;
        const source = d.sourceId === undefined ? {} : { source_id: d.sourceId };
        return JSON.stringify({ ...(d.recordId === null ? {} : { id: d.recordId }), ...source, text: d.text, task: d.task, ...(output === '' ? {} : { output }), ...(cut ? { finish_reason: 'length' } : {}) });
      });
      return { file: jsonl('records.jsonl', lines), losses };
    },
  },
  {
    id: 'brat',
    label: 'brat standoff (zip)',
    extensions: ['.zip'],
    mimeTypes: ['application/zip'],
    readArchive: async (files, ctx) => {
      const losses: Loss[] = [];
      return annotated((await import('./brat.ts')).fromBrat(files, ctx.file, ctx.profile, losses), ctx, losses);
    },
    write: async (docs, ctx) => {
      const losses: Loss[] = [];
      const { spanPalette } = await import('../format/labelPalette.ts');
      const files = (await import('./brat.ts')).toBrat(asAnnotated(docs, ctx.profile), losses, spanPalette(ctx.profile.wordLabels, ctx.profile.labelColours), ctx.profile.labelKeys);
      const { zipSync, strToU8 } = await import('fflate');
      const zip = zipSync(Object.fromEntries(files.map((f) => [`brat/${f.name}`, strToU8(f.content)])), { mtime: new Date(2000, 0, 1) });
      return { file: { name: 'brat.zip', type: 'application/zip', content: zip as Uint8Array<ArrayBuffer> }, losses };
    },
    provenance: 'all',
  },
  {
    id: 'text',
    label: 'plain text (one document a line, or the whole file)',
    extensions: ['.txt'],
    mimeTypes: ['text/plain'],
    sniff: () => true,
    read: async (content, ctx) => {
      const lines =
        ctx.textMode === 'whole'
          ? [{ line: 1, text: content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').trim() }].filter((l) => l.text !== '')
          : Array.from(eachLine(content, ctx.onProgress), ({ line, text }) => ({ line, text: text.trim() }));
      if (lines.length === 0) return { docs: [], errors: [problemAt(ctx.file, null, { code: 'empty-file', params: {} })], losses: [] };
      if (ctx.task === undefined) return { needsTask: { candidates: commonCandidates([]), count: lines.length } };
      return { docs: lines.map(({ line, text }) => ({ line: ctx.textMode === 'whole' ? null : line, recordId: null, text, task: ctx.task!, output: null })), errors: [], losses: [] };
    },
  },
];

export function formatById(id: string): FileFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** The first part of a file that sniffing looks at: its first line whole, and at least 20,000 characters. */
export function headOf(content: string): string {
  const trimmed = content.replace(/^\uFEFF/, '').trimStart();
  const lineEnd = trimmed.indexOf('\n');
  return trimmed.slice(0, Math.max(20_000, lineEnd === -1 ? trimmed.length : lineEnd + 1));
}

/** JSONL formats a line of which tells itself apart: a file may mix them (records after a doccano line). */
const LINE_FORMATS: readonly FormatId[] = ['extraction', 'mmm', 'training', 'doccano', 'records'];

/** The line format of one JSON object line; records when no more specific one fits. */
function lineFormatOf(line: string, name: string, profile: FormatProfile): FormatId {
  return FORMATS.find((f) => f.id !== 'records' && LINE_FORMATS.includes(f.id) && f.sniff!(line, name, profile))?.id ?? 'records';
}

/** Outcomes of parts of one file as one: documents and errors in line order; a question about any part asked for all. */
function mergeOutcomes(outcomes: readonly ReadOutcome[]): ReadOutcome {
  const asks = outcomes.flatMap((o) => ('needsTask' in o ? [o.needsTask] : []));
  if (asks.length) return { needsTask: { candidates: commonCandidates(asks.map((a) => a.candidates)), count: asks.reduce((n, a) => n + a.count, 0) } };
  const read = outcomes.filter((o): o is Extract<ReadOutcome, { docs: unknown }> => 'docs' in o);
  const byLine = (a: { line: number | null }, b: { line: number | null }) => (a.line ?? 0) - (b.line ?? 0);
  return { docs: read.flatMap((o) => o.docs).sort(byLine), errors: read.flatMap((o) => o.errors).sort(byLine), losses: read.flatMap((o) => o.losses) };
}

/**
 * Reads decoded text in the format given, else the one detected. A JSONL file whose lines are of several
 * line formats is read line by line, each line by its own format's reader (the other lines left blank, so
 * line numbers hold).
 */
export async function readText(content: string, ctx: ReadContext, format?: FileFormat): Promise<ReadOutcome & { format: FormatId }> {
  const f = format ?? detectFormat(content, ctx.file, ctx.profile);
  if (!f.read) throw new Error(`${f.id} has no reader`);
  if (format || !LINE_FORMATS.includes(f.id)) return { format: f.id, ...(await f.read(content, ctx)) };
  const kindOf = (text: string) => (text.trimStart().startsWith('{') ? lineFormatOf(text, ctx.file, ctx.profile) : f.id);
  // First only whether the lines differ (most files are of one format: nothing is copied for them).
  let first: FormatId | null = null;
  let mixed = false;
  for (const { text } of eachLine(content)) {
    const id = kindOf(text);
    first ??= id;
    if (id !== first) {
      mixed = true;
      break;
    }
  }
  if (!mixed) return { format: f.id, ...(await f.read(content, ctx)) };
  const parts = new Map<FormatId, string[]>();
  for (const { line, text } of eachLine(content)) {
    const id = kindOf(text);
    let part = parts.get(id);
    if (!part) parts.set(id, (part = []));
    part[line - 1] = text;
  }
  const outcomes = await Promise.all([...parts].map(([id, part]) => formatById(id)!.read!(Array.from(part, (l) => l ?? '').join('\n'), ctx)));
  return { format: f.id, ...mergeOutcomes(outcomes) };
}

/** The format a file is in, by what it holds and then its name; plain text when nothing else fits. */
export function detectFormat(content: string, name: string, profile: FormatProfile): FileFormat {
  const head = headOf(content);
  return FORMATS.find((f) => f.read && f.sniff?.(head, name, profile))!;
}

/** The file input's accept list: every readable format's name endings and types. */
export const ACCEPT = [...new Set(FORMATS.filter((f) => f.read || f.readArchive).flatMap((f) => [...f.extensions, ...(f.mimeTypes ?? [])]))].join(',');

/** What the export menu offers: each writer, and each variant of a writer with several (the CSV tables). */
export interface ExportTarget {
  /** `id`, or `id/variant`: the menu's value and the catalog key of its name. */
  value: string;
  format: FileFormat;
  variant?: string;
}

/** The export menu's order (detection order is another): training data first, as the app has always offered it. */
const EXPORT_ORDER: readonly FormatId[] = ['training', 'extraction', 'doccano', 'label-studio', 'brat', 'conll', 'tcree-csv', 'csv', 'records'];

export const EXPORT_TARGETS: readonly ExportTarget[] = EXPORT_ORDER.map((id) => formatById(id)!)
  .filter((f) => f.write)
  .flatMap((f): ExportTarget[] => (f.variants ? f.variants.map((v) => ({ value: `${f.id}/${v}`, format: f, variant: v })) : [{ value: f.id, format: f }]));

/** Writes documents as one export target, with what it could not hold. */
export async function exportDocuments(target: ExportTarget, docs: readonly CorpusDocument[], profile: FormatProfile, opts: Pick<WriteContext, 'bom'> = {}): Promise<WriteOutcome> {
  const out = await target.format.write!(docs, { profile, variant: target.variant, ...opts });
  return { ...out, losses: [...out.losses, ...provenanceLosses(target.format, docs, profile), ...reviewLosses(target.format, docs)] };
}

/** One loss a document whose review says more than "reviewed", where the format has no place for it. */
function reviewLosses(format: FileFormat, docs: readonly CorpusDocument[]): Loss[] {
  if (format.keepsReview) return [];
  return docs.flatMap((d, i) => (reviewSaysMore(d) ? [{ code: 'review-not-held' as const, doc: docName(d, i) }] : []));
}

/** One loss a document whose items say who made them, where the format cannot keep (all of) it. */
function provenanceLosses(format: FileFormat, docs: readonly CorpusDocument[], profile: FormatProfile): Loss[] {
  if (format.provenance === 'all') return [];
  const out: Loss[] = [];
  docs.forEach((d, i) => {
    // Only a correction or a prediction says who made its items (an output is a string): nothing else is parsed.
    if (!d.annotation && (d.output || !d.prediction)) return;
    const x = currentExtraction(d, profile);
    const all = [...x.entities, ...x.relations, ...x.events];
    // Label Studio keeps whether a model suggested an item: a loss only where there is more (a name, a time).
    const lost = format.provenance === 'model-or-person' ? all.some((it) => it.provenance && (it.provenance.name !== '' || it.provenance.at !== undefined) && !it.provenance.suggestion) : all.some((it) => it.provenance);
    if (lost) out.push({ code: format.provenance === 'model-or-person' ? 'provenance-partly-held' : 'provenance-not-held', doc: docName(d, i) });
  });
  return out;
}
