import type { LocatedExtraction, TaskId } from './domain/types.ts';
import type { FormatProfile } from './format/profile.ts';
import { parseOutput, type ParseOptions } from './format/parseOutput.ts';
import { alignSpans } from './align/alignSpans.ts';
import { noticesOf, warningText, type Notice } from './format/warnings.ts';

/**
 * Output + source text → the located Extraction the app, the CLI and the embed API all hand out. Never
 * throws: a text that is not a string (a caller's bug, or a host's message) is read as no text, and said.
 */
export function extract(output: string, task: TaskId, profile: FormatProfile, text: string, partial = false, more: Pick<ParseOptions, 'truncated'> = {}): LocatedExtraction {
  if (typeof text !== 'string') {
    const x = alignSpans('', parseOutput(output, task, profile, { partial, ...more }));
    const first: Notice = { code: 'text-not-text', params: {} };
    const notices = noticesOf(x);
    return { ...x, warnings: [warningText(first), ...x.warnings], ...(notices ? { notices: [first, ...notices] } : {}) };
  }
  return alignSpans(text, parseOutput(output, task, profile, { text, partial, ...more }));
}
