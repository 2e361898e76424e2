import type { StateCreator } from 'zustand';
import type { TaskId } from '../../../src/index.ts';
import { problemAt } from '../../../src/data/records.ts';
import { withPatches, type CorpusDocument } from '../../../src/corpus/document.ts';
import { duplicateKeys } from '../../../src/corpus/duplicates.ts';
import type { CsvMapping } from '../../../src/interchange/csvImport.ts';
import type { DocumentsRead } from './readDocuments.ts';
import { ReadStopped, readOffThread, WorkerFailed } from './readOffThread.ts';
import type { TextEncodingName } from '../../../src/text/decode.ts';
import { useProfileStore } from '../profile/profileStore.ts';
import { ConflictError, corpusRepository, storageError } from '../storage/corpusRepository.ts';
import type { CorpusState, DocumentsSlice, DuplicateChoice, FileSummary, PendingImport } from './types.ts';

const profile = () => useProfileStore.getState().profile;

type ReadOptions = FileSummary['options'];
/** The questions about a file still to be read (the duplicates one is about documents already read). */
type FileQuestion = Exclude<PendingImport, { kind: 'duplicates' }>;


/** Documents the last import stored, over its files; null before any file of it is done. */
export const importedCount = (summary: readonly FileSummary[]): number | null => (summary.length ? summary.reduce((n, r) => n + r.stored, 0) : null);

/** The summary row of a file that could not be read at all. */
const failedRow = (file: string, e: unknown): FileSummary => ({
  file,
  format: 'text',
  encoding: null,
  read: 0,
  stored: 0,
  items: 0,
  losses: [],
  // A worker script that does not load is an old tab after a deployment, as a lazy chunk that does not.
  errors: [problemAt(file, null, e instanceof WorkerFailed ? { code: 'app-updated', params: {} } : { code: 'unreadable', params: { detail: (e as Error)?.message ?? String(e) } })],
  ids: [],
  bytes: null,
  options: {},
});

/** The summary row of a file whose read the user stopped: nothing of it was kept. */
const stoppedRow = (file: string): FileSummary => ({ ...failedRow(file, null), errors: [], stopped: true });

/** The items a stored document shows, as its summary keeps them (counted then, from its output too). */
const itemsOf = (d: CorpusDocument) => d.items ?? 0;

export const createDocumentsSlice: StateCreator<CorpusState, [], [], DocumentsSlice> = (set, get) => {
  /** Imports this tab has added to the list itself, so a list read that overlapped one is read again. */
  let imports = 0;
  /** The import running now, which the next one waits for. */
  let importing: Promise<void> = Promise.resolve();
  /** Stores what a file gave (after its duplicates were dealt with) and adds its row to the summary. */
  const store = async (docs: CorpusDocument[], summary: FileSummary, replace: number[] = []) => {
    let ids: number[] = [];
    let problem = null;
    let stopped = false;
    const stop = new AbortController();
    const progress = (stored: number) => set({ importProgress: { phase: 'storing', file: summary.file, done: stored, total: docs.length, stop: () => stop.abort() } });
    progress(0);
    try {
      if (replace.length) await corpusRepository.removeMany(replace);
      ids = await corpusRepository.add(docs, { signal: stop.signal, onProgress: progress });
    } catch (e) {
      // The write failed or was stopped as a whole: the corpus is as it was, and the user is told why.
      if (stop.signal.aborted) stopped = true;
      else problem = storageError(e).problem;
      docs = [];
    } finally {
      set({ importProgress: null });
    }
    if (ids.length === docs.length && docs.length > 0) {
      // Stored whole: the list takes the documents it already holds, with their new ids, instead of reading
      // back the whole corpus (which, after a 187,028-document import, was most of the import's time).
      // A list read while the chunks went in may hold some of them already: they are taken once.
      const gone = new Set([...replace, ...ids]);
      const added = docs.map((d, i) => ({ ...d, id: ids[i]! }));
      imports++;
      set((s) => ({ documents: [...s.documents.filter((d) => !gone.has(d.id!)), ...added], storageProblem: null }));
    } else await get().loadDocuments();
    if (problem) set({ storageProblem: problem });
    let items = 0;
    for (const d of docs) items += itemsOf(d);
    const row: FileSummary = { ...summary, stored: docs.length, items, ids, ...(stopped ? { stopped: true } : {}) };
    set((s) => ({ importSummary: [...s.importSummary.filter((r) => r.file !== row.file), row] }));
  };

  /** A file read: what it still needs from the user, else its documents, checked for duplicates, stored. */
  const settle = async (name: string, bytes: Uint8Array, r: DocumentsRead, options: ReadOptions) => {
    if ('needsMapping' in r) return push({ kind: 'csv', name, bytes, ...r.needsMapping });
    if ('needsTask' in r) return push({ kind: 'task', name, bytes, ...r.needsTask, ...(options.mapping ? { mapping: options.mapping } : {}) });
    if ('needsCategory' in r) return push({ kind: 'category', name, bytes, ...r.needsCategory });
    const docs = r.docs;
    const summary: FileSummary = {
      file: name,
      format: r.format,
      encoding: r.encoding,
      ...(r.encodingBy ? { encodingBy: r.encodingBy } : {}),
      read: docs.length,
      stored: 0,
      items: 0,
      ...(options.task ? { chosenTask: options.task } : {}),
      ...(options.category !== undefined ? { chosenCategory: options.category } : {}),
      losses: r.losses,
      errors: r.errors,
      ...(r.errorCount ? { errorCount: r.errorCount } : {}),
      ids: [],
      bytes,
      options,
    };
    const dup = duplicateKeys(get().documents);
    const duplicates = docs.filter((d) => dup.has(d)).length;
    if (duplicates) return push({ kind: 'duplicates', name, docs, duplicates, summary });
    await store(docs, summary);
  };
  const push = (p: PendingImport) => set((s) => ({ pending: [...s.pending, p] }));
  const next = () => set((s) => ({ pending: s.pending.slice(1) }));
  /** Reads a file's bytes with the options known so far (off the page's thread, with progress and Stop), and settles it. */
  const readAndSettle = async (name: string, bytes: Uint8Array, options: ReadOptions) => {
    const stop = new AbortController();
    const progress = (done: number, total: number) => set({ importProgress: { phase: 'reading', file: name, done, total, stop: () => stop.abort() } });
    progress(0, bytes.length);
    let read: DocumentsRead;
    try {
      read = await readOffThread({ name, bytes, options: { ...options, textMode: get().textMode }, profile: profile(), importedAt: Date.now() }, progress, stop.signal);
    } catch (e) {
      if (!(e instanceof ReadStopped)) throw e;
      set((s) => ({ importSummary: [...s.importSummary.filter((r) => r.file !== name), stoppedRow(name)] }));
      return;
    } finally {
      set({ importProgress: null });
    }
    await settle(name, bytes, read, options);
  };
  /** The answer to the question about the file asked now (when it is of that kind): read it again with it. */
  const answer = async <K extends FileQuestion['kind']>(kind: K, options: (p: Extract<FileQuestion, { kind: K }>) => ReadOptions) => {
    const p = get().pending[0];
    if (p?.kind !== kind) return;
    next();
    const q = p as Extract<FileQuestion, { kind: K }>;
    await readAndSettle(q.name, q.bytes, options(q));
  };

  return {
    documents: [],
    importSummary: [],
    importProgress: null,
    storageProblem: null,
    pending: [],
    deleted: [],
    textMode: 'lines',
    setTextMode: (textMode) => set({ textMode }),
    loadDocuments: async () => {
      try {
        // A list read before an import of this tab finished would set the corpus back to before it (the
        // panel loads the list as it opens, as a first import starts): such a read is done again.
        let docs: CorpusDocument[];
        for (let tries = 0; ; tries++) {
          const seen = imports;
          docs = await corpusRepository.list();
          if (seen === imports || tries >= 3) break;
        }
        set({ documents: docs, storageProblem: null });
      } catch (e) {
        set({ storageProblem: storageError(e).problem });
      }
    },
    importFiles: (files) => {
      // Files picked while an import runs wait for it: run side by side, each would check its duplicates
      // against a corpus the other had not finished adding to.
      const run = async () => {
        set({ importSummary: [], pending: [] });
        for (const file of files) {
          try {
            await readAndSettle(file.name, new Uint8Array(await file.arrayBuffer()), {});
          } catch (e) {
            // One file that cannot be read (the browser lost it, or a bug) is named; the others are still imported.
            set((s) => ({ importSummary: [...s.importSummary, failedRow(file.name, e)] }));
          }
        }
      };
      importing = importing.then(run, run);
      return importing;
    },
    confirmCsv: (mapping: CsvMapping) => answer('csv', () => ({ mapping })),
    // A CSV's mapping is kept through the task question that may follow it.
    confirmTask: (task: TaskId) => answer('task', (p) => ({ task, ...(p.mapping ? { mapping: p.mapping } : {}) })),
    confirmCategory: (category: string | null) => answer('category', () => ({ category })),
    confirmDuplicates: async (choice: DuplicateChoice) => {
      const p = get().pending[0];
      if (p?.kind !== 'duplicates') return;
      next();
      const dup = duplicateKeys(get().documents);
      const summary = { ...p.summary, duplicates: { count: p.duplicates, choice } };
      if (choice === 'keep') return store(p.docs, summary);
      if (choice === 'skip') return store(p.docs.filter((d) => !dup.has(d)), summary);
      await store(p.docs, summary, p.docs.flatMap((d) => dup.ids(d)));
    },
    cancelPending: () => next(),
    rereadFile: async (file: string, encoding: TextEncodingName) => {
      const row = get().importSummary.find((r) => r.file === file);
      if (!row?.bytes) return;
      try {
        await corpusRepository.removeMany(row.ids);
      } catch (e) {
        return set({ storageProblem: storageError(e).problem });
      }
      set((s) => ({ importSummary: s.importSummary.filter((r) => r.file !== file) }));
      await get().loadDocuments();
      await readAndSettle(file, row.bytes, { ...row.options, encoding });
    },
    update: async (id, patch, baseRev) => {
      const doc = get().documents.find((d) => d.id === id) ?? (get().conflict?.id === id ? get().conflict!.local : undefined);
      if (!doc) return false;
      let written: Partial<CorpusDocument>;
      try {
        written = await corpusRepository.patch(baseRev === undefined ? doc : { ...doc, rev: baseRev }, patch, profile());
      } catch (e) {
        // The edit stays on screen (and in undo history); the user is told it is not saved yet.
        if (e instanceof ConflictError) set({ conflict: { id, mine: patch, theirs: e.theirs, local: doc } });
        set({ storageProblem: storageError(e).problem });
        return false;
      }
      set((s) => ({ documents: withPatches(s.documents, new Map([[id, written]])), storageProblem: null, conflict: null }));
      return true;
    },
    conflict: null,
    resolveConflict: async (keep) => {
      const c = get().conflict;
      if (!c) return;
      if (keep === 'theirs') {
        set({ conflict: null, storageProblem: null });
        await get().loadDocuments();
        const theirs = get().documents.find((d) => d.id === c.id);
        if (theirs && get().docId === c.id) get().openEditor(theirs);
        else if (!theirs && get().docId === c.id) get().closeEditor();
        return;
      }
      // Over what is stored now; a document deleted there is put back as this tab had it.
      const base = c.theirs ?? c.local;
      try {
        const written = await corpusRepository.patch(base, c.mine, profile(), true);
        set({ conflict: null, storageProblem: null, editorRev: written.rev ?? 0 });
      } catch (e) {
        return set({ storageProblem: storageError(e).problem });
      }
      await get().loadDocuments();
    },
    // Deleting changes nothing else in the corpus: the list drops what was deleted instead of reading it all again.
    remove: async (id) => {
      // The editor never edits a document that is gone.
      if (get().docId === id) get().closeEditor();
      const doc = get().documents.find((d) => d.id === id);
      try {
        await corpusRepository.remove(id);
      } catch (e) {
        return set({ storageProblem: storageError(e).problem });
      }
      set((s) => ({ documents: s.documents.filter((d) => d.id !== id), deleted: doc ? [...s.deleted, [doc]] : s.deleted }));
    },
    clear: async () => {
      // Nothing may go on working on documents that are gone: the editor closes and a batch stops.
      get().closeEditor();
      await get().cancelBatch();
      const all = get().documents;
      try {
        await corpusRepository.clear();
      } catch (e) {
        return set({ storageProblem: storageError(e).problem });
      }
      set((s) => ({ documents: [], deleted: all.length ? [...s.deleted, all] : s.deleted, importSummary: [] }));
    },
    undoDelete: async () => {
      const docs = get().deleted.at(-1);
      if (!docs) return;
      try {
        await corpusRepository.restore(docs);
      } catch (e) {
        return set({ storageProblem: storageError(e).problem });
      }
      set((s) => ({ deleted: s.deleted.slice(0, -1) }));
      await get().loadDocuments();
    },
  };
};
