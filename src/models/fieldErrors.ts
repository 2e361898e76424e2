/**
 * What is wrong with a field of a model form, by code: the English (`field: text`, as the CLI and tests read
 * it) is made here, and a UI words the code in its language beside the field's own label.
 */
import { wordIn, type Coded } from '../text/codedMessages.ts';
export const FIELD_ERROR_TEXT = {
  'server-url': () => 'the server URL, e.g. http://127.0.0.1:8080',
  mode: () => 'giellm (the fine-tuned model, raw prompt) or prompted (an instruction model)',
  'context-window': () => 'a positive whole number of tokens',
  concurrency: () => 'parallel requests, a whole number from 1 to 64',
  'id-form': () => 'letters, digits, ".", "_" and "-" only (1–128)',
  'id-taken': (p: { id: string }) => `${p.id} is already in the catalog`,
  'url-required': (p: { what: 'weights' | 'library' }) => `the ${p.what === 'weights' ? 'weights' : 'model library (.wasm)'} URL is required`,
  'url-form': () => 'use https://…, a same-origin path (/models/…), or http://localhost',
  'not-wasm': () => 'the model library is a .wasm file',
  quantization: () => 'say it (e.g. q4f16_1), or put it in the id',
  'positive-number': () => 'a positive number',
  'manifest-path': () => 'a .json path relative to the weights URL, e.g. mlc-model-manifest.json',
  template: () => 'lm (the raw prompt after BOS) or own (the model’s mlc-chat-config.json template)',
  'token-id': (p: { none: boolean }) => `a token id (a whole number)${p.none ? ', or none' : ''}`,
  'overrides-not-json': () => 'not JSON; e.g. {"max_history_size": 1}',
  'overrides-not-object': () => 'a JSON object, e.g. {"sliding_window_size": -1}',
  'override-unknown': (p: { key: string; allowed: string }) => `${p.key} is not one of ${p.allowed}`,
  'override-not-whole': (p: { key: string }) => `${p.key} is a whole number (-1 for none)`,
  'gguf-url-form': () => 'use https://…, a same-origin path (/models/….gguf), or http://localhost',
  'not-gguf-url': () => 'a GGUF file ends in .gguf',
  'not-gguf-file': (p: { files: string }) => `${p.files} is not a .gguf file`,
  'split-part': (p: { file: string; missing: string }) => `${p.file} is one part of a split model; also pick ${p.missing}`,
} as const;

export type FieldErrorCode = keyof typeof FIELD_ERROR_TEXT;

/** A problem with one field of a model form, as data. */
export type FieldProblem = Coded<typeof FIELD_ERROR_TEXT, { field: string }>;

export const fieldProblemText = (p: FieldProblem) => wordIn(FIELD_ERROR_TEXT, p);

/** The problems of one form, collected as data and as their English lines (`field: text`). */
export class FieldErrors {
  readonly errors: string[] = [];
  readonly problems: FieldProblem[] = [];
  add(p: FieldProblem): void {
    this.problems.push(p);
    this.errors.push(`${p.field}: ${fieldProblemText(p)}`);
  }
  get any(): boolean {
    return this.problems.length > 0;
  }
  /** The failed result of a form: both forms of the problems. */
  failed(): { ok: false; errors: string[]; problems: FieldProblem[] } {
    return { ok: false, errors: this.errors, problems: this.problems };
  }
}
