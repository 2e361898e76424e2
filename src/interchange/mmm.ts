import type { FormatProfile } from '../format/profile.ts';
import { splitInput } from '../format/splitInput.ts';
import { TASK_IDS } from '../format/taskCatalog.ts';
import { readJsonLines, type DatasetRecord, type ReadResult, type ReadProgress } from '../data/records.ts';

// The authors' MMM / SCPOS JSONL: {"id", "input", "output", "label"} a line, the input being the text
// followed by the IW (giellm-format.md), which names the task; `label` is the text-level label, which the
// output carries in `<>` as well. Where the output has no `<…>` tag, the label is put there.

export function looksLikeMmm(firstLine: string): boolean {
  return /^\{/.test(firstLine) && /"input"\s*:/.test(firstLine) && /"label"\s*:/.test(firstLine) && /"output"\s*:/.test(firstLine);
}

export function fromMmm(content: string, file: string, profile: FormatProfile, progress?: ReadProgress): ReadResult<DatasetRecord> {
  return readJsonLines(content, file, (o, line) => {
    if (typeof o.input !== 'string') return '"input" is missing or not a string';
    if (typeof o.output !== 'string') return '"output" is missing or not a string';
    const split = splitInput(o.input, profile);
    if (!split) return `the input does not end with an IW of the format profile (${TASK_IDS.map((t) => profile.iw[t]).join(', ')})`;
    if (split.text === '') return 'the input has no source text before the IW';
    const label = typeof o.label === 'string' ? o.label.trim() : '';
    const output = /^[<＜]/.test(o.output.trim()) || label === '' ? o.output.trim() : `<${label}>${o.output.trim()}`;
    const record: DatasetRecord = { text: split.text, task: split.task, output, line };
    if (typeof o.id === 'string' || typeof o.id === 'number') record.id = String(o.id);
    return record;
  }, undefined, progress);
}
