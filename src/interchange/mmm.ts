import type { Problem } from '../data/inputErrors.ts';
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
  return readJsonLines(content, file, (o, line): DatasetRecord | { problem: Problem } => {
    if (typeof o.input !== 'string') return { problem: { code: 'field-not-string', params: { field: 'input' } } };
    if (typeof o.output !== 'string') return { problem: { code: 'field-not-string', params: { field: 'output' } } };
    const split = splitInput(o.input, profile);
    if (!split) return { problem: { code: 'tcree-no-iw', params: { iws: TASK_IDS.map((t) => profile.iw[t]).join(', ') } } };
    if (split.text === '') return { problem: { code: 'tcree-no-text', params: {} } };
    const label = typeof o.label === 'string' ? o.label.trim() : '';
    const output = /^[<＜]/.test(o.output.trim()) || label === '' ? o.output.trim() : `<${label}>${o.output.trim()}`;
    const record: DatasetRecord = { text: split.text, task: split.task, output, line };
    if (typeof o.id === 'string' || typeof o.id === 'number') record.id = String(o.id);
    return record;
  }, undefined, progress);
}
