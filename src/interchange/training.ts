import type { FormatProfile } from '../format/profile.ts';
import { buildInput } from '../format/buildInput.ts';
import { serializeOutput } from '../format/serializeOutput.ts';
import type { AnnotatedDocument } from './document.ts';

/** GIELLM training data: `input` exactly as buildInput, `output` exactly as serializeOutput, one JSON per line. */
export function toTrainingJsonl(docs: readonly AnnotatedDocument[], profile: FormatProfile): string {
  return docs
    .map((d) => JSON.stringify({ ...(d.id === null ? {} : { id: d.id }), input: buildInput(d.text, d.extraction.task, profile), output: serializeOutput(d.extraction, d.extraction.task, profile) }))
    .join('\n');
}
