import type { LocatedExtraction, TaskId } from '../../../src/index.ts';
import type { BatchJob, CorpusDocument } from '../../../src/corpus/document.ts';
import type { TextMode } from '../../../src/interchange/formats.ts';
import type { CsvMapping } from '../../../src/interchange/csvImport.ts';
import type { RunOptions } from '../engine/engine.ts';
import type { StorageProblem } from '../storage/corpusRepository.ts';

/** A CSV waiting for the user to say which column is which. */
export interface PendingCsv {
  name: string;
  content: string;
  header: string[];
  mapping: CsvMapping;
  task: TaskId;
}

/** The documents, as stored, and their import. */
export interface DocumentsSlice {
  documents: CorpusDocument[];
  textMode: TextMode;
  setTextMode(mode: TextMode): void;
  /** Problems with the last import, as "file:line: message". */
  importErrors: string[];
  importedCount: number | null;
  /** The last storage failure (cleared by the next write that works). */
  storageProblem: StorageProblem | null;
  pendingCsv: PendingCsv | null;
  loadDocuments(): Promise<void>;
  /** Imports several files as one import: one count, every file's errors. */
  importFiles(files: readonly File[], task: TaskId): Promise<void>;
  confirmCsv(mapping: CsvMapping): Promise<void>;
  cancelCsv(): void;
  /** Saves a change to one document (its summary follows) and shows it in the list; false when it could not be saved. */
  update(id: number, patch: Partial<CorpusDocument>): Promise<boolean>;
  /** Deletes one document; the editor closes if it was open. */
  remove(id: number): Promise<void>;
  /** Deletes every document: the editor closes and a batch stops first. */
  clear(): Promise<void>;
}

/** The document open in the editor, its correction history and selection. */
export interface EditorSlice {
  docId: number | null;
  editorText: string;
  editorTask: TaskId;
  current: LocatedExtraction | null;
  past: LocatedExtraction[];
  future: LocatedExtraction[];
  /** The entity the keyboard acts on. */
  selected: number | null;
  /** The text the user has selected, in code points, for a new span or a tuple argument. */
  selection: readonly [number, number] | null;
  /** The ids the editor steps through (the list as filtered when the document was opened). */
  queue: number[];
  openEditor(doc: CorpusDocument, queue?: number[]): void;
  closeEditor(): void;
  /** Applies a correction: it is saved at once, and undo can take it back. Returns the extraction now shown. */
  apply(edit: (x: LocatedExtraction, text: string) => LocatedExtraction): LocatedExtraction | null;
  undo(): void;
  redo(): void;
  select(i: number | null): void;
  setSelection(range: readonly [number, number] | null): void;
  /** Marks the document reviewed (its current extraction becomes its annotation) and opens the next one. */
  reviewAndNext(): Promise<void>;
  step(by: 1 | -1): void;
}

/** A batch pre-annotation run over documents. */
export interface BatchSlice {
  /** The stored job: present from start to finish, and across reloads. */
  job: BatchJob | null;
  /** Whether this tab is running it now. */
  batchActive: boolean;
  /** Documents finished since this tab started (or resumed) the job, and when that was: for the rate and ETA. */
  doneHere: number;
  since: number;
  batchProblem: { code: 'notLoaded' } | StorageProblem | null;
  batchFinished: { done: number; failed: number } | null;
  loadBatch(): Promise<void>;
  /** Runs the model on `ids`, each with the run options for its task. */
  startBatch(ids: number[], optionsFor: (task: TaskId) => RunOptions): Promise<void>;
  pauseBatch(): void;
  resumeBatch(optionsFor: (task: TaskId) => RunOptions): Promise<void>;
  cancelBatch(): Promise<void>;
}

export type CorpusState = DocumentsSlice & EditorSlice & BatchSlice;
