import type { FormatProfile } from '../format/profile.ts';
import { buildInput } from '../format/buildInput.ts';
import { serializeOutput } from '../format/serializeOutput.ts';
import type { AnnotatedDocument } from './document.ts';
import { splitInput } from '../format/splitInput.ts';
import { TASK_IDS } from '../format/taskCatalog.ts';
import { jsonLines, type DatasetRecord, type InputError, type ReadResult } from '../data/records.ts';

/** GIELLM training data: `input` exactly as buildInput, `output` exactly as serializeOutput, one JSON per line. */
export function toTrainingJsonl(docs: readonly AnnotatedDocument[], profile: FormatProfile): string {
  return docs
    .map((d) => JSON.stringify({ ...(d.id === null ? {} : { id: d.id }), input: buildInput(d.text, d.extraction.task, profile), output: serializeOutput(d.extraction, d.extraction.task, profile) }))
    .join('\n');
}

/**
 * Reads GIELLM training JSONL (`{"id"?, "input", "output"?}`) back into records: the input is split into
 * text and task by the profile (see splitInput). Each bad line is named; the good ones are kept.
 */
export function fromTrainingJsonl(content: string, file: string, profile: FormatProfile): ReadResult<DatasetRecord> {
  const records: DatasetRecord[] = [];
  const errors: InputError[] = [];
  for (const { line, value, error } of jsonLines(content)) {
    const fail = (message: string) => errors.push({ file, line, message });
    if (error) {
      fail(error);
      continue;
    }
    const o = value as Record<string, unknown>;
    if (typeof o.input !== 'string') {
      fail('"input" is missing or not a string');
      continue;
    }
    const split = splitInput(o.input, profile);
    if (!split) {
      fail(`the input does not end with an IW of the format profile (${TASK_IDS.map((t) => profile.iw[t]).join(', ')})`);
      continue;
    }
    if (o.output !== undefined && typeof o.output !== 'string') {
      fail('"output" is not a string');
      continue;
    }
    const record: DatasetRecord = { text: split.text, task: split.task, line };
    if (typeof o.id === 'string' || typeof o.id === 'number') record.id = String(o.id);
    if (typeof o.output === 'string') record.output = o.output;
    records.push(record);
  }
  return { records, errors };
}
