import type { LocatedExtraction, TaskId } from './domain/types.ts';
import type { FormatProfile } from './format/profile.ts';
import { parseOutput } from './format/parseOutput.ts';
import { alignSpans } from './align/alignSpans.ts';

/** Output + source text → the located Extraction the app, the CLI and the embed API all hand out. */
export function extract(output: string, task: TaskId, profile: FormatProfile, text: string, partial = false): LocatedExtraction {
  return alignSpans(text, parseOutput(output, task, profile, { text, partial }));
}
