import { create } from 'zustand';
import { createBatchSlice } from './batchSlice.ts';
import { createDocumentsSlice } from './documentsSlice.ts';
import { createEditorSlice } from './editorSlice.ts';
import type { CorpusState } from './types.ts';
import { onCorpusChangeElsewhere } from '../storage/corpusChannel.ts';
import { corpusRepository } from '../storage/corpusRepository.ts';

/**
 * The corpus context, one store of three slices (zustand's slices pattern): the documents, the editor on
 * one of them, and the batch over them. Steps that touch more than one ("delete all closes the editor and
 * cancels the batch", "an edit patches the list") happen inside it; only corpusRepository writes storage.
 */
export const useCorpusStore = create<CorpusState>()((...a) => ({ ...createDocumentsSlice(...a), ...createEditorSlice(...a), ...createBatchSlice(...a) }));

// Another tab changed the corpus: read it again. A document open here that is gone stays open and asks
// whether to put it back (with this tab's corrections) or leave it deleted; a correction in progress
// stays until its save meets the other tab's revision (a conflict to resolve).
onCorpusChangeElsewhere(() => {
  // The open document as this tab has it, before the corpus is read again: if it is gone, this copy is shown and can be put back.
  const { docId: openId, documents: before } = useCorpusStore.getState();
  const local = openId === null ? undefined : before.find((d) => d.id === openId);
  void useCorpusStore
    .getState()
    .loadDocuments()
    .then(async () => {
      const { docId, documents, conflict } = useCorpusStore.getState();
      if (local && docId === local.id && !conflict && !documents.some((d) => d.id === docId)) useCorpusStore.setState({ conflict: { id: docId, mine: {}, theirs: null, local } });
      else useCorpusStore.getState().followStored();
      if (!useCorpusStore.getState().batchActive) await useCorpusStore.getState().loadBatch();
    });
});

corpusRepository.db.outdated = () => useCorpusStore.setState({ storageProblem: { code: 'outdated' } });

export type { CorpusState, PendingImport, FileSummary } from './types.ts';
export { importedCount } from './documentsSlice.ts';
export { labelChoices, neighbourOf } from './editorSlice.ts';
