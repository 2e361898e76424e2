import { MAX_EDIT_CHARS } from './shared/corpus/editorSlice.ts';
import type { TaskId } from '../src/index.ts';
import { currentOutput } from '../src/corpus/document.ts';
import { useCorpusStore } from './shared/corpus/corpusStore.ts';
import type { RunOptions } from './shared/engine/engine.ts';
import { useProfileStore } from './shared/profile/profileStore.ts';
import { useInputStore } from './features/workspace/inputStore.ts';
import { useRunStore } from './features/workspace/runStore.ts';
import { runOptions } from './features/workspace/runActions.ts';

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
