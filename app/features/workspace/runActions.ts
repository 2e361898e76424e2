import { extract, shiftOffsets, type LocatedExtraction, type TaskId } from '../../../src/index.ts';
import { engine, type RunOptions } from '../../shared/engine/engine.ts';
import { useProfileStore } from '../../shared/profile/profileStore.ts';
import { useInputStore } from './inputStore.ts';
import { useRunStore } from './runStore.ts';
import { perFrame } from '../../shared/perFrame.ts';

/** The engine options for a run of `task` with the user's current format and run settings. */
export function runOptions(task: TaskId): RunOptions {
  const { grammar, constrainArgs, examples } = useRunStore.getState();
  return { task, profile: useProfileStore.getState().profile, examples, grammar: grammar ? { spans: 'substring', tupleArgs: constrainArgs ? 'substring' : 'free' } : null, maxTokens: 256 };
}

/** Runs the loaded model over the current text with the current task, format and options. */
export async function startRun() {
  const { text, task } = useInputStore.getState();
  const { setRuns } = useRunStore.getState();
  setRuns([]);
  // The engine reports streamed text ten times a second (STREAM_EVERY_MS; a sentence's first after 250 ms);
  // each report renders on a frame.
  const updates = perFrame(setRuns);
  try {
    await engine.run(text, runOptions(task), updates.push);
  } finally {
    updates.flush();
  }
}

/** The pasted output read against the text, or null when nothing is pasted. */
export function pastedExtraction(): LocatedExtraction | null {
  const { output, task, text } = useInputStore.getState();
  return output.trim() === '' ? null : extract(output, task, useProfileStore.getState().profile, text);
}

/** The results as the public Extraction JSON, with offsets into the whole text. */
export function resultsJson(): string {
  const { text, task } = useInputStore.getState();
  const runs = useRunStore.getState().runs;
  if (runs.length > 0) {
    const sentences = runs.map((r) => ({ start: r.sentence.start, end: r.sentence.end, text: r.sentence.text, raw: r.raw, extraction: r.extraction && shiftOffsets(r.extraction, r.sentence.start) }));
    return JSON.stringify({ text, task, sentences }, null, 2);
  }
  return JSON.stringify(pastedExtraction(), null, 2);
}

export const copyResults = () => void navigator.clipboard?.writeText(resultsJson());
