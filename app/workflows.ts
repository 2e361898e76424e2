import { MAX_EDIT_CHARS } from './shared/corpus/editorSlice.ts';
import type { TaskId } from '../src/index.ts';
import { currentOutput } from '../src/corpus/document.ts';
import { useCorpusStore } from './shared/corpus/corpusStore.ts';
import type { RunOptions } from './shared/engine/engine.ts';
import { useProfileStore } from './shared/profile/profileStore.ts';
import { useInputStore } from './features/workspace/inputStore.ts';
import { useRunStore } from './features/workspace/runStore.ts';
import { runOptions } from './features/workspace/runActions.ts';
import { serializeOutput, shiftOffsets } from '../src/index.ts';
import { addSuggestions, asSuggestions } from '../src/annotate/provenance.ts';
import { engine } from './shared/engine/engine.ts';

// Steps that cross features, composed here so that features never import each other: each feature gets
// these as props or calls.

/** The run options of the workspace (format, constrained decoding, examples) for a task: batch and embed runs use them too. */
export const workspaceRunOptions = (task: TaskId): RunOptions => runOptions(task);

/** The task the workspace is on: imports whose file says none take it. */
export const workspaceTask = (): TaskId => useInputStore.getState().task;

/** Opens a corpus document: the editor steps through `queue`, and the workspace gets it as it now stands, ready to run. */
export function openDocument(id: number, queue: number[]) {
  const corpus = useCorpusStore.getState();
  const d = corpus.documents.find((x) => x.id === id);
  if (!d) return;
  // A document too long to edit is shown read-only in the editor only: the workspace's text box would freeze on it.
  if (d.text.length > MAX_EDIT_CHARS) return corpus.openEditor(d, queue);
  useRunStore.getState().setRuns([]);
  useInputStore.setState({ text: d.text, task: d.task, output: currentOutput(d, useProfileStore.getState().profile), credit: `${d.source}${d.line === null ? '' : `:${d.line}`}` });
  corpus.openEditor(d, queue);
}

/**
 * While a document is open in the editor, the workspace shows that document as it now stands: every
 * correction is written into its output box (one document, one state; the editor is where it is edited).
 * Returns the unsubscribe.
 */
export function keepWorkspaceOnOpenDocument(): () => void {
  // Written once edits pause (WORKSPACE_SYNC_MS): writing a long document's output into the text box is a
  // layout of the box, which each key of a quick run of edits would otherwise wait for.
  let timer: ReturnType<typeof setTimeout> | null = null;
  const sync = () => {
    timer = null;
    const { docId, current, editorTask } = useCorpusStore.getState();
    if (docId !== null && current) useInputStore.setState({ output: serializeOutput(current, editorTask, useProfileStore.getState().profile) });
  };
  const unsubscribe = useCorpusStore.subscribe((s, before) => {
    if (s.docId === null || s.current === null || s.current === before.current) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(sync, WORKSPACE_SYNC_MS);
  });
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}

/** How long after the last correction the workspace shows it. */
const WORKSPACE_SYNC_MS = 250;

/** Whether the workspace's run has results for the document open in the editor, to hand it as suggestions. */
export function runFitsOpenDocument(): boolean {
  const { docId, editorText } = useCorpusStore.getState();
  const runs = useRunStore.getState().runs;
  return docId !== null && runs.length > 0 && useInputStore.getState().text === editorText && runs.some((r) => r.extraction);
}

/**
 * The workspace's run over the open document, handed to the editor as the model's suggestions (one
 * undoable edit), to accept or reject there; items the document already has are not repeated.
 */
export function suggestFromRun() {
  if (!runFitsOpenDocument()) return;
  const model = engine.store.getState().model?.id ?? '';
  const parts = useRunStore.getState().runs.flatMap((r) => (r.extraction ? [shiftOffsets(r.extraction, r.sentence.start)] : []));
  const found = { entities: parts.flatMap((p) => p.entities), relations: parts.flatMap((p) => p.relations), events: parts.flatMap((p) => p.events) };
  useCorpusStore.getState().apply((x, _text, who) => addSuggestions(x, asSuggestions({ ...x, ...found }, model, who.at)));
}
