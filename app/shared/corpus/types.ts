import type { LocatedExtraction, TaskId } from '../../../src/index.ts';
import type { ArcRef } from '../../../src/annotate/arcs.ts';
import type { BatchJob, CorpusDocument } from '../../../src/corpus/document.ts';
import type { FormatId, TextMode } from '../../../src/interchange/formats.ts';
import type { CsvMapping } from '../../../src/interchange/csvImport.ts';
import type { Loss } from '../../../src/interchange/losses.ts';
import type { TextEncodingName } from '../../../src/text/decode.ts';
import type { InputError } from '../../../src/data/records.ts';
import type { RunOptions } from '../engine/engine.ts';
import type { StorageProblem } from '../storage/corpusRepository.ts';

/** What to do with imported documents that are already in the corpus (same text and task, or same id). */
export type DuplicateChoice = 'skip' | 'replace' | 'keep';

/** A file of an import that waits for the user: its CSV columns, its task, or what to do with its duplicates. */
export type PendingImport =
  | { kind: 'csv'; name: string; bytes: Uint8Array; header: string[]; mapping: CsvMapping }
  | { kind: 'task'; name: string; bytes: Uint8Array; candidates: TaskId[]; count: number; mapping?: CsvMapping }
  | { kind: 'category'; name: string; bytes: Uint8Array; task: TaskId; categories: string[] }
  | { kind: 'duplicates'; name: string; docs: CorpusDocument[]; duplicates: number; summary: FileSummary };

/** What one file of an import gave: the import summary's row. */
export interface FileSummary {
  file: string;
  format: FormatId;
  /** The encoding it was read in, and whether that was found or chosen; null for an archive or a refused file. */
  encoding: TextEncodingName | null;
  encodingBy?: 'bom' | 'valid' | 'likelier' | 'chosen';
  /** Documents read, and stored (fewer when duplicates were skipped). */
  read: number;
  stored: number;
  /** Items (entities, relations, events) in what was stored. */
  items: number;
  /** The task the user chose for documents whose content named none, and the category for a file without any. */
  chosenTask?: TaskId;
  chosenCategory?: string | null;
  duplicates?: { count: number; choice: DuplicateChoice };
  losses: Loss[];
  /** Lines refused, as "file:line: message": the first ones and a line counting the rest, when there are many. */
  errors: InputError[];
  /** How many lines were refused in all, when `errors` lists only the first. */
  errorCount?: number;
  /** The stored documents' ids and the file's bytes, so that reading it in another encoding replaces them. */
  ids: number[];
  bytes: Uint8Array | null;
  options: { mapping?: CsvMapping; task?: TaskId; category?: string | null; encoding?: TextEncodingName };
  /** The user stopped storing it: nothing of it was kept. */
  stopped?: true;
}

/**
 * A file being read (`done` of `total` characters) or its documents stored, chunk by chunk (`done` of `total`
 * documents), and the way to stop it (nothing of the file is then kept).
 */
export interface ImportProgress {
  phase: 'reading' | 'storing';
  file: string;
  done: number;
  total: number;
  stop(): void;
}

/** The documents, as stored, and their import. */
export interface DocumentsSlice {
  documents: CorpusDocument[];
  textMode: TextMode;
  setTextMode(mode: TextMode): void;
  /** The last import, file by file (its count of stored documents: importedCount). */
  importSummary: FileSummary[];
  importProgress: ImportProgress | null;
  /** The last storage failure (cleared by the next write that works). */
  storageProblem: StorageProblem | null;
  /** Files waiting for an answer, the first one asked now. */
  pending: PendingImport[];
  loadDocuments(): Promise<void>;
  /** Imports several files as one import: each file's task from its content, one summary row per file. */
  importFiles(files: readonly File[]): Promise<void>;
  confirmCsv(mapping: CsvMapping): Promise<void>;
  confirmTask(task: TaskId): Promise<void>;
  /** The category for every document of a file that has none (null: none). */
  confirmCategory(category: string | null): Promise<void>;
  confirmDuplicates(choice: DuplicateChoice): Promise<void>;
  /** Leaves the file asked about now out of the import. */
  cancelPending(): void;
  /** Reads a file of the last import again in another encoding, replacing what it gave. */
  rereadFile(file: string, encoding: TextEncodingName): Promise<void>;
  /** Saves a change to one document (its summary follows) and shows it in the list; false when it could not be saved. */
  update(id: number, patch: Partial<CorpusDocument>, baseRev?: number): Promise<boolean>;
  /** A correction another tab's change got in the way of: this tab's patch, and what is stored now (null: deleted). */
  conflict: { id: number; mine: Partial<CorpusDocument>; theirs: CorpusDocument | null; local: CorpusDocument } | null;
  /** Keeps this tab's correction (written over the other tab's, or the document put back) or the other tab's version. */
  resolveConflict(keep: 'mine' | 'theirs'): Promise<void>;

  /** Deletes one document; the editor closes if it was open. It can be undone. */
  remove(id: number): Promise<void>;
  /** Deletes every document: the editor closes and a batch stops first. It can be undone. */
  clear(): Promise<void>;
  /** What each delete of this page removed, the latest last: each can be undone until the page closes. */
  deleted: CorpusDocument[][];
  /** Puts back what the latest delete not yet undone removed. */
  undoDelete(): Promise<void>;
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
  /** Where the selected span was picked (a code point), or null: then its start. */
  caret: number | null;
  /** The argument of a relation or event the keyboard is on (code points): where a new arc starts. */
  mention: readonly [number, number] | null;
  /** An arc being drawn: from a range, to a range once one is chosen (a number key then says what it is). */
  linking: { from: readonly [number, number]; to: readonly [number, number] | null } | null;
  /** The arc the keyboard acts on (relabel, delete). */
  arc: ArcRef | null;
  /** What the last "label every occurrence" added, to be reviewed (null once another edit is made). */
  propagated: { label: string; text: string; ranges: [number, number][] } | null;
  /** The ids the editor steps through (the list as filtered when the document was opened). */
  queue: number[];
  /** The revision of the open document the editor's corrections are written over. */
  editorRev: number;
  /** The open document is too long to edit (MAX_EDIT_CHARS): it is shown, and edits do nothing. */
  editorReadOnly: boolean;
  /** Undo dropped this document's oldest steps to stay within HISTORY_ITEMS. */
  historyTrimmed: boolean;
  /** The open document was brought up to what another tab saved (cleared by the next edit here). */
  updatedElsewhere: boolean;
  /** Shows what another tab saved of the open document, when it is newer and nothing of this tab's is on its way. */
  followStored(): void;
  openEditor(doc: CorpusDocument, queue?: number[]): void;
  closeEditor(): void;
  /**
   * Applies a correction: it is saved at once, and undo can take it back. What it adds or changes is stamped
   * with the annotator's name and the time (`who`, which an accept uses too). Returns the extraction now shown.
   */
  apply(edit: (x: LocatedExtraction, text: string, who: { name: string; at: number }) => LocatedExtraction): LocatedExtraction | null;
  undo(): void;
  redo(): void;
  /** Selects span `i`; `caret` is the code point it was picked at (Tab cycles through the spans under it). */
  select(i: number | null, caret?: number): void;
  setSelection(range: readonly [number, number] | null): void;
  setPropagated(p: EditorSlice['propagated']): void;
  selectMention(r: readonly [number, number] | null): void;
  setLinking(l: EditorSlice['linking']): void;
  selectArc(a: ArcRef | null): void;
  /** Marks the document reviewed (its current extraction becomes its annotation) and opens the next one. */
  reviewAndNext(): Promise<void>;
  /**
   * A review mark on the open document, saved at once: take the review back, flag it (or not), a comment,
   * or skip it (marked, and the next one opened). False when it could not be saved (said as for any edit).
   */
  markDocument(mark: { kind: 'unreview' } | { kind: 'flag'; on: boolean } | { kind: 'comment'; text: string } | { kind: 'skip' }): Promise<boolean>;
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
  /** notLoaded: no model to run it; elsewhere: another tab of the app is running it. */
  batchProblem: { code: 'notLoaded' } | { code: 'elsewhere' } | StorageProblem | null;
  batchFinished: { done: number; failed: number } | null;
  loadBatch(): Promise<void>;
  /** Runs the model on `ids`, each with the run options for its task. */
  startBatch(ids: number[], optionsFor: (task: TaskId) => RunOptions): Promise<void>;
  pauseBatch(): void;
  resumeBatch(optionsFor: (task: TaskId) => RunOptions): Promise<void>;
  cancelBatch(): Promise<void>;
}

export type CorpusState = DocumentsSlice & EditorSlice & BatchSlice;
