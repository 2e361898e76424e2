import { create } from 'zustand';
import { createBatchSlice } from './batchSlice.ts';
import { createDocumentsSlice } from './documentsSlice.ts';
import { createEditorSlice } from './editorSlice.ts';
import type { CorpusState } from './types.ts';

/**
 * The corpus context, one store of three slices (zustand's slices pattern): the documents, the editor on
 * one of them, and the batch over them. Steps that touch more than one ("delete all closes the editor and
 * cancels the batch", "an edit patches the list") happen inside it; only corpusRepository writes storage.
 */
export const useCorpusStore = create<CorpusState>()((...a) => ({ ...createDocumentsSlice(...a), ...createEditorSlice(...a), ...createBatchSlice(...a) }));

export type { CorpusState, PendingImport, FileSummary } from './types.ts';
export { importedCount } from './documentsSlice.ts';
export { labelChoices, neighbourOf } from './editorSlice.ts';
