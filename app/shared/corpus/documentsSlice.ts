import type { StateCreator } from 'zustand';
import { formatInputError, type TaskId } from '../../../src/index.ts';
import { newDocument, withPatches, type CorpusDocument } from '../../../src/corpus/document.ts';
import { formatById, readDocuments, type ReadContext } from '../../../src/interchange/formats.ts';
import { useProfileStore } from '../profile/profileStore.ts';
import { corpusRepository, storageError } from '../storage/corpusRepository.ts';
import type { CorpusState, DocumentsSlice, PendingCsv } from './types.ts';

const profile = () => useProfileStore.getState().profile;

/**
 * Reads one file into stored documents through the format registry (src/interchange/formats.ts). A CSV
 * whose columns are not known yet comes back as `csv`, for the user to map.
 */
export async function documentsFromFile(name: string, content: string, task: TaskId, ctx: Partial<ReadContext> = {}): Promise<{ docs: CorpusDocument[]; errors: string[] } | { csv: PendingCsv }> {
  const p = ctx.profile ?? profile();
  const r = await readDocuments(content, { file: name, task, profile: p, ...ctx }, ctx.mapping ? formatById('csv') : undefined);
  if ('needsMapping' in r) return { csv: { name, content, task, ...r.needsMapping } };
  const importedAt = Date.now();
  return { docs: r.docs.map((d) => newDocument(d, name, importedAt, p)), errors: r.errors.map(formatInputError) };
}

export const createDocumentsSlice: StateCreator<CorpusState, [], [], DocumentsSlice> = (set, get) => {
  const store = async (docs: CorpusDocument[], errors: string[]) => {
    let problem = null;
    try {
      await corpusRepository.add(docs);
    } catch (e) {
      // The write failed as a whole: the corpus is as it was, and the user is told why.
      problem = storageError(e).problem;
    }
    await get().loadDocuments();
    set({ importErrors: errors, importedCount: problem ? 0 : docs.length, storageProblem: problem ?? get().storageProblem });
  };
  return {
    documents: [],
    importErrors: [],
    importedCount: null,
    storageProblem: null,
    pendingCsv: null,
    textMode: 'lines',
    setTextMode: (textMode) => set({ textMode }),
    loadDocuments: async () => {
      try {
        set({ documents: await corpusRepository.list(), storageProblem: null });
      } catch (e) {
        set({ storageProblem: storageError(e).problem });
      }
    },
    importFiles: async (files, task) => {
      const docs: CorpusDocument[] = [];
      const errors: string[] = [];
      let pendingCsv: PendingCsv | null = null;
      for (const file of files) {
        const r = await documentsFromFile(file.name, await file.text(), task, { textMode: get().textMode });
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
      const r = await documentsFromFile(p.name, p.content, p.task, { mapping });
      if (!('csv' in r)) await store(r.docs, r.errors);
    },
    cancelCsv: () => set({ pendingCsv: null }),
    update: async (id, patch) => {
      const doc = get().documents.find((d) => d.id === id);
      if (!doc) return false;
      let written: Partial<CorpusDocument>;
      try {
        written = await corpusRepository.patch(doc, patch, profile());
      } catch (e) {
        // The edit stays on screen (and in undo history); the user is told it is not saved yet.
        set({ storageProblem: storageError(e).problem });
        return false;
      }
      set((s) => ({ documents: withPatches(s.documents, new Map([[id, written]])), storageProblem: null }));
      return true;
    },
    // Deleting changes nothing else in the corpus: the list drops what was deleted instead of reading it all again.
    remove: async (id) => {
      // The editor never edits a document that is gone.
      if (get().docId === id) get().closeEditor();
      try {
        await corpusRepository.remove(id);
      } catch (e) {
        return set({ storageProblem: storageError(e).problem });
      }
      set((s) => ({ documents: s.documents.filter((d) => d.id !== id) }));
    },
    clear: async () => {
      // Nothing may go on working on documents that are gone: the editor closes and a batch stops.
      get().closeEditor();
      await get().cancelBatch();
      try {
        await corpusRepository.clear();
      } catch (e) {
        return set({ storageProblem: storageError(e).problem });
      }
      set({ documents: [], importErrors: [], importedCount: null });
    },
  };
};
