import type { Problem } from '../data/inputErrors.ts';
import type { FormatProfile } from '../format/profile.ts';
import { buildInput } from '../format/buildInput.ts';
import type { AnnotatedDocument } from './document.ts';
import { splitInput } from '../format/splitInput.ts';
import { TASK_IDS } from '../format/taskCatalog.ts';
import { readJsonLines, type DatasetRecord, type ReadResult, type ReadProgress } from '../data/records.ts';

/** A line of GIELLM training data: `input` exactly as buildInput, `output` as serializeOutput wrote it (checked by the caller). */
export function trainingLine(d: AnnotatedDocument, output: string, profile: FormatProfile): string {
  return JSON.stringify({ ...(d.id === null ? {} : { id: d.id }), input: buildInput(d.text, d.extraction.task, profile), output });
}

/**
 * Reads GIELLM training JSONL (`{"id"?, "input", "output"?}`) back into records: the input is split into
 * text and task by the profile (see splitInput). Each bad line is named; the good ones are kept.
 */
export function fromTrainingJsonl(content: string, file: string, profile: FormatProfile, progress?: ReadProgress): ReadResult<DatasetRecord> {
  return readJsonLines(content, file, (o, line): DatasetRecord | { problem: Problem } => {
    if (typeof o.input !== 'string') return { problem: { code: 'field-not-string', params: { field: 'input' } } };
    const split = splitInput(o.input, profile);
    if (!split) return { problem: { code: 'tcree-no-iw', params: { iws: TASK_IDS.map((t) => profile.iw[t]).join(', ') } } };
    if (o.output !== undefined && typeof o.output !== 'string') return { problem: { code: 'field-not-text', params: { field: 'output' } } };
    const record: DatasetRecord = { text: split.text, task: split.task, line };
    if (typeof o.id === 'string' || typeof o.id === 'number') record.id = String(o.id);
    if (typeof o.output === 'string') record.output = o.output;
    return record;
  }, undefined, progress);
}
