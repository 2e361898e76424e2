import { create } from 'zustand';
import { binaryLine, formatInputError, numberedLines, readRecords, serializeOutput, type DatasetRecord, type FormatProfile, type TaskId } from '../../../src/index.ts';
import type { ReadResult } from '../../../src/data/records.ts';
import { csvHeader, fromCsv, guessMapping, type CsvMapping } from '../../../src/interchange/csvImport.ts';
import { fromTcreeCsv, looksLikeTcreeCsv } from '../../../src/interchange/tcreeCsv.ts';
import { corpusDb, freshFields, storageError, type StoredDocument } from '../../shared/storage/corpusDb.ts';
import { useProfileStore } from '../profile/profileStore.ts';
import { useInputStore } from '../workspace/inputStore.ts';
import { useRunStore } from '../workspace/runStore.ts';
import { documentsFromAnnotations, fromRecord, type ImportedDocument } from './corpusFormats.ts';
import { currentExtraction } from './documents.ts';

type NewDocument = Omit<StoredDocument, 'id'>;

/** A CSV waiting for the user to say which column is which. */
export interface PendingCsv {
  name: string;
  content: string;
  header: string[];
  mapping: CsvMapping;
  task: TaskId;
}

/** How a plain-text file becomes documents: one a line, or the whole file as one (an article). */
export type TextMode = 'lines' | 'whole';

interface CorpusState {
  documents: StoredDocument[];
  textMode: TextMode;
  setTextMode(mode: TextMode): void;
  /** Problems with the last import, as "file:line: message". */
  importErrors: string[];
  importedCount: number | null;
  storageProblem: string | null;
  pendingCsv: PendingCsv | null;
  load(): Promise<void>;
  importFile(file: File, task: TaskId): Promise<void>;
  /** Imports several files as one import: one count, every file's errors. */
  importFiles(files: readonly File[], task: TaskId): Promise<void>;
  confirmCsv(mapping: CsvMapping): Promise<void>;
  cancelCsv(): void;
  open(id: number): void;
  update(id: number, patch: Partial<StoredDocument>): Promise<boolean>;
  /** Brings the list in line with a change already written to the database. */
  patchInMemory(id: number, patch: Partial<StoredDocument>): void;
  remove(id: number): Promise<void>;
  clear(): Promise<void>;
}

/** What every imported document gets beside what its format read: its file, the time, and fresh review fields. */
const stored = (source: string, profile: FormatProfile) => {
  const importedAt = Date.now();
  return (d: ImportedDocument): NewDocument => ({ ...freshFields(d.text, d.task, d.output, profile, d.outputTruncated), ...d, source, importedAt });
};

/**
 * Reads one file into documents: stockmark / doccano / Label Studio, the TCREE `,,` CSV, a CSV through a
 * column mapping, JSONL dataset records, else plain text with one document per line. Bad lines are
 * reported with their numbers and the good ones kept; a binary file is refused whole. A CSV whose columns
 * are not known yet comes back as `csv` for the user to map.
 */
export async function documentsFromFile(
  name: string,
  content: string,
  task: TaskId,
  profile: FormatProfile = useProfileStore.getState().profile,
  mapping?: CsvMapping,
  textMode: TextMode = 'lines',
): Promise<{ docs: NewDocument[]; errors: string[] } | { csv: PendingCsv }> {
  const binary = binaryLine(content);
  if (binary !== null) return { docs: [], errors: [`${name}:${binary}: this file does not look like text (binary data); nothing was imported from it`] };
  const done = (docs: ImportedDocument[], errors: string[]) => ({ docs: docs.map(stored(name, profile)), errors });
  const records = ({ records, errors }: ReadResult<DatasetRecord>) => done(records.map(fromRecord), errors.map(formatInputError));
  const annotations = await documentsFromAnnotations(name, content, task, profile);
  if (annotations) return done(annotations.docs, annotations.errors);
  if (/\.(csv|tsv)$/i.test(name) || mapping) {
    if (looksLikeTcreeCsv(content)) return records(fromTcreeCsv(content, name, profile));
    if (!mapping) {
      const header = csvHeader(content);
      return { csv: { name, content, header, task, mapping: guessMapping(header) } };
    }
    return records(fromCsv(content, name, mapping, task, profile));
  }
  if (/\.jsonl?$/i.test(name)) return records(readRecords(content, name, profile));
  if (textMode === 'whole') {
    const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').trim();
    if (text === '') return { docs: [], errors: [`${name}: the file is empty`] };
    return done([{ line: null, recordId: null, text, task, output: null }], []);
  }
  return done(
    numberedLines(content).map(({ line, text }) => ({ line, recordId: null, text: text.trim(), task, output: null })),
    [],
  );
}

export const useCorpusStore = create<CorpusState>((set, get) => {
  const store = async (docs: NewDocument[], errors: string[]) => {
    let problem: string | null = null;
    try {
      if (docs.length) await corpusDb.documents.bulkAdd(docs as StoredDocument[]);
    } catch (e) {
      // The write failed as a whole: the corpus is as it was, and the user is told why.
      problem = storageError(e).message;
    }
    await get().load();
    set({ importErrors: errors, importedCount: problem ? 0 : docs.length, storageProblem: problem ?? get().storageProblem });
  };
  return {
    documents: [],
    importErrors: [],
    importedCount: null,
    storageProblem: null,
    pendingCsv: null,
    load: async () => {
      try {
        set({ documents: await corpusDb.documents.toArray(), storageProblem: null });
      } catch (e) {
        set({ storageProblem: storageError(e).message });
      }
    },
    textMode: 'lines',
    setTextMode: (textMode) => set({ textMode }),
    importFile: (file, task) => get().importFiles([file], task),
    importFiles: async (files, task) => {
      const docs: NewDocument[] = [];
      const errors: string[] = [];
      let pendingCsv: PendingCsv | null = null;
      for (const file of files) {
        const r = await documentsFromFile(file.name, await file.text(), task, undefined, undefined, get().textMode);
        // A CSV whose columns are unknown waits for its mapping; the other files are imported now.
        if ('csv' in r) pendingCsv ??= r.csv;
        else {
          docs.push(...r.docs);
          errors.push(...r.errors);
        }
      }
      set({ pendingCsv });
      if (docs.length || errors.length || !pendingCsv) await store(docs, errors);
      else set({ importErrors: [], importedCount: null });
    },
    confirmCsv: async (mapping) => {
      const p = get().pendingCsv;
      if (!p) return;
      set({ pendingCsv: null });
      const r = await documentsFromFile(p.name, p.content, p.task, undefined, mapping);
      if (!('csv' in r)) await store(r.docs, r.errors);
    },
    cancelCsv: () => set({ pendingCsv: null }),
    open: (id) => {
      const d = get().documents.find((x) => x.id === id);
      if (!d) return;
      useRunStore.getState().setRuns([]);
      // The workspace gets the document as it now stands (corrections included), ready to run the model on.
      const profile = useProfileStore.getState().profile;
      const output = d.annotation || (!d.output && d.prediction) ? serializeOutput(currentExtraction(d, profile), d.task, profile) : (d.output ?? '');
      useInputStore.setState({ text: d.text, task: d.task, output, credit: `${d.source}${d.line === null ? '' : `:${d.line}`}` });
    },
    update: async (id, patch) => {
      try {
        await corpusDb.documents.update(id, patch);
      } catch (e) {
        // The edit stays on screen (and in undo history); the user is told it is not saved yet.
        set({ storageProblem: storageError(e).message });
        return false;
      }
      get().patchInMemory(id, patch);
      set({ storageProblem: null });
      return true;
    },
    patchInMemory: (id, patch) => set((s) => ({ documents: s.documents.map((d) => (d.id === id ? { ...d, ...patch } : d)) })),
    // Deleting changes nothing else in the corpus: the list drops what was deleted instead of reading it all again.
    remove: async (id) => {
      try {
        await corpusDb.documents.delete(id);
      } catch (e) {
        return set({ storageProblem: storageError(e).message });
      }
      set((s) => ({ documents: s.documents.filter((d) => d.id !== id) }));
    },
    clear: async () => {
      try {
        await corpusDb.transaction('rw', corpusDb.documents, corpusDb.batches, async () => {
          await corpusDb.documents.clear();
          await corpusDb.batches.clear();
        });
      } catch (e) {
        return set({ storageProblem: storageError(e).message });
      }
      set({ documents: [], importErrors: [], importedCount: null });
    },
  };
});
