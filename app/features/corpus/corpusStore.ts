import { create } from 'zustand';
import { binaryLine, formatInputError, numberedLines, readRecords, type TaskId } from '../../../src/index.ts';
import { corpusDb, storageError, type StoredDocument } from '../../shared/storage/corpusDb.ts';
import { useProfileStore } from '../profile/profileStore.ts';
import { useInputStore } from '../workspace/inputStore.ts';
import { useRunStore } from '../workspace/runStore.ts';
import { documentsFromAnnotations } from './corpusFormats.ts';

interface CorpusState {
  documents: StoredDocument[];
  /** Problems with the last import, as "file:line: message". */
  importErrors: string[];
  importedCount: number | null;
  storageProblem: string | null;
  load(): Promise<void>;
  importFile(file: File, task: TaskId): Promise<void>;
  open(id: number): void;
  remove(id: number): Promise<void>;
  clear(): Promise<void>;
}

/**
 * Reads one file into documents: JSONL dataset records (.jsonl/.json), else plain text with one document per
 * line. Bad lines are reported with their numbers and the good ones kept; a binary file is refused whole.
 */
export function documentsFromFile(name: string, content: string, task: TaskId): { docs: StoredDocument[]; errors: string[] } {
  const binary = binaryLine(content);
  if (binary !== null) return { docs: [], errors: [`${name}:${binary}: this file does not look like text (binary data); nothing was imported from it`] };
  const importedAt = Date.now();
  const annotations = documentsFromAnnotations(name, content, task, useProfileStore.getState().profile);
  if (annotations) return { docs: annotations.docs.map((d) => ({ ...d, importedAt })), errors: annotations.errors };
  if (/\.jsonl?$/i.test(name)) {
    const { records, errors } = readRecords(content, name, useProfileStore.getState().profile);
    return {
      docs: records.map((r) => ({ source: name, line: r.line, recordId: r.id ?? null, text: r.text, task: r.task, output: r.output ?? null, importedAt })),
      errors: errors.map(formatInputError),
    };
  }
  return { docs: numberedLines(content).map(({ line, text }) => ({ source: name, line, recordId: null, text: text.trim(), task, output: null, importedAt })), errors: [] };
}

export const useCorpusStore = create<CorpusState>((set, get) => ({
  documents: [],
  importErrors: [],
  importedCount: null,
  storageProblem: null,
  load: async () => {
    try {
      set({ documents: await corpusDb.documents.orderBy('importedAt').toArray(), storageProblem: null });
    } catch (e) {
      set({ storageProblem: storageError(e).message });
    }
  },
  importFile: async (file, task) => {
    const { docs, errors } = documentsFromFile(file.name, await file.text(), task);
    try {
      if (docs.length) await corpusDb.documents.bulkAdd(docs);
      set({ importErrors: errors, importedCount: docs.length, storageProblem: null });
    } catch (e) {
      // The write failed as a whole: the corpus is as it was, and the user is told why.
      set({ importErrors: errors, importedCount: 0, storageProblem: storageError(e).message });
    }
    await get().load();
  },
  open: (id) => {
    const d = get().documents.find((x) => x.id === id);
    if (!d) return;
    useRunStore.getState().setRuns([]);
    useInputStore.setState({ text: d.text, task: d.task, output: d.output ?? '', credit: `${d.source}${d.line === null ? '' : `:${d.line}`}` });
  },
  remove: async (id) => {
    await corpusDb.documents.delete(id);
    await get().load();
  },
  clear: async () => {
    await corpusDb.documents.clear();
    set({ importErrors: [], importedCount: null });
    await get().load();
  },
}));
