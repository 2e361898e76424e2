import type { TaskId } from '../domain/types.ts';
import type { FormatProfile } from '../format/profile.ts';
import { dropLabelSet, splitInput, tasksByIwLength } from '../format/splitInput.ts';
import { numberedLines, type DatasetRecord, type ReadResult, type InputError } from '../data/records.ts';

const SEPARATOR = ',,';

/** The task named by the IW an output echoes after its `<label>`, the input then being the text whole. */
function taskFromOutput(input: string, output: string, tasks: readonly TaskId[], profile: FormatProfile): { text: string; task: TaskId } | null {
  const echo = output.replace(/^[<＜][^>＜＞]*[>＞]/, '');
  const task = tasks.find((t) => echo.startsWith(profile.iw[t]));
  return task ? { text: dropLabelSet(input).trim(), task } : null;
}

/**
 * Whether content looks like the authors' TCREE CSV: most of its first lines hold one `,,` with a
 * `<label>` output after it.
 */
export function looksLikeTcreeCsv(content: string): boolean {
  const lines = numberedLines(content).slice(0, 20);
  return lines.length > 0 && lines.filter((l) => /,,\s*[<＜]/.test(l.text)).length * 2 > lines.length;
}

/**
 * Reads the TCREE CSV the authors trained from: one `input,,output` row a line, no quoting, where the input
 * is the source text followed directly (no separator, see giellm-format.md) by an optional label set and the
 * IW. The task comes from the IW at the end of the input, else from the IW the output echoes. The input's
 * exact layout is inferred, so anything that does not fit is reported, with its line, not guessed at.
 */
export function fromTcreeCsv(content: string, file: string, profile: FormatProfile): ReadResult<DatasetRecord> {
  const records: DatasetRecord[] = [];
  const errors: InputError[] = [];
  const tasks = tasksByIwLength(profile);
  for (const { line, text: raw } of numberedLines(content)) {
    const fail = (message: string) => errors.push({ file, line, message });
    const cut = raw.lastIndexOf(SEPARATOR);
    if (cut === -1) {
      // A header row, written by some exports, is not data.
      if (line === 1 && /^input/i.test(raw.trim())) continue;
      fail('no ",," between the input and the output');
      continue;
    }
    const input = raw.slice(0, cut).trim();
    const output = raw.slice(cut + SEPARATOR.length).trim();
    if (line === 1 && input.toLowerCase() === 'input') continue;
    // The IW ends the input; where it does not, the output's echo of it names the task.
    const split = splitInput(input, profile) ?? taskFromOutput(input, output, tasks, profile);
    if (!split) {
      fail(`neither the input nor the output names a known IW (${tasks.map((t) => profile.iw[t]).join(', ')})`);
      continue;
    }
    if (split.text === '') {
      fail('the input has no source text before the IW');
      continue;
    }
    const record: DatasetRecord = { text: split.text, task: split.task, line };
    if (output !== '') record.output = output;
    records.push(record);
  }
  return { records, errors };
}
