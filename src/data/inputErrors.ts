/**
 * Problems with a place in an input file, by code: the English (which the CLI prints) is made here from the
 * code and its parameters, and a UI words the same code in its language. Readers not yet moved to codes
 * give English text only; the UI shows that as it is.
 */
import { wordIn, type Coded } from '../text/codedMessages.ts';
const q = (s: unknown) => JSON.stringify(s);

/** V8/JSC wording of a JSON.parse failure, reduced to where it failed (the rest is the engine's English). */
export const jsonColumn = (message: string): number | null => {
  const m = /column (\d+)/.exec(message) ?? /position (\d+)/.exec(message);
  return m ? Number(m[1]) + (m[0].startsWith('position') ? 1 : 0) : null;
};

export const INPUT_ERROR_TEXT = {
  'field-missing': (p: { field: string }) => `"${p.field}" is missing`,
  'field-not-list': (p: { field: string }) => `"${p.field}" is not a list`,
  'doccano-span': (p: { value: string }) => `${p.value} is not a span [start, end, "label"] inside the text (offsets in UTF-16 code units)`,
  'entity-no-id': (p: { value: string }) => `entity ${p.value} has no id`,
  'doccano-label-entry': (p: { value: string }) => `label entry ${p.value} is neither a category, a [start, end, "label"] span nor an entity`,
  'cats-not-string': (p: { value: string }) => `cats entry ${p.value} is not a string`,
  'relation-no-entity': (p: { value: string }) => `relation ${p.value} refers to no entity of this line`,
  'not-json': (p: { detail: string }) => `not valid JSON (${p.detail})`,
  'not-object': () => 'expected a JSON object, one per line',
  'not-record': (p: { example: string }) => `expected a JSON object like ${p.example}`,
  'field-not-string': (p: { field: string }) => `"${p.field}" is missing or not a string`,
  'field-not-text': (p: { field: string }) => `"${p.field}" is not a string`,
  'field-not-id': (p: { field: string }) => `"${p.field}" is not a string or number`,
  'field-not-boolean': (p: { field: string }) => `"${p.field}" is not true or false`,
  'unknown-task': (p: { value: string; tasks: string }) => `unknown task ${p.value} (expected one of ${p.tasks})`,
  'unknown-iw': (p: { value: string; tasks: string; iws: string }) => `unknown IW ${p.value} (expected a task id, ${p.tasks}, or an IW: ${p.iws})`,
  'nul-line': () => 'this line holds a NUL byte, which no text has (binary data?); the line was left out',
  'not-text': () => 'this file is not text in UTF-8, UTF-16, Shift_JIS or EUC-JP (binary data?); nothing was imported from it',
  'nul-file': () => 'this file is full of NUL bytes, which no text file has (binary data?); nothing was imported from it',
  'empty-file': () => 'the file is empty; nothing was imported from it',
  'zip-only': (p: { format: string }) => `${p.format} is read from a .zip archive`,
  'more-errors': (p: { count: number; listed: number }) => `and ${p.count} more refused lines or entries (the first ${p.listed} are listed)`,
  unreadable: (p: { detail: string }) => `could not be read (${p.detail}); nothing was imported from it`,
  'app-updated': () => 'part of the app could not be loaded (a new version is probably live): reload the page and import again; nothing was imported from it',
  'bad-zip': (p: { detail: string }) => `not a readable zip archive (${p.detail})`,
  // brat standoff (.ann lines), with the annotation's id.
  'brat-span-line': (p: { id: string }) => `${p.id}: expected "TYPE START END" before the text`,
  'brat-span-outside': (p: { id: string }) => `${p.id}: offsets outside the text`,
  'brat-span-text': (p: { id: string; found: string; expected: string }) => `${p.id}: its text ${p.found} is not the document's ${p.expected} at those offsets`,
  'brat-relation-line': (p: { id: string }) => `${p.id}: expected "TYPE Arg1:T… Arg2:T…"`,
  'brat-event-line': (p: { id: string }) => `${p.id}: expected "TYPE:T… ROLE:T…"`,
  'brat-no-documents': () => 'no .txt documents in this brat collection',
  // CoNLL
  'conll-line': () => 'expected "TOKEN<tab>TAG"; this document was not imported',
  'conll-tag': (p: { tag: string }) => `tag ${p.tag} is not O or B-/I-/E-/S-TYPE; this document was not imported`,
  // CSV through a column mapping; `field` is the mapping's (text, output, id, task), `reason` papaparse's code.
  'csv-column-missing': (p: { field: string; column: string; header: string }) => `the ${p.field} column ${p.column} is not in the header (${p.header})`,
  'csv-invalid': (p: { detail: string; reason: string }) => `not valid CSV (${p.detail})`,
  'csv-text-empty': (p: { column: string }) => `the text column ${p.column} is empty`,
  // The authors' TCREE CSV
  'tcree-columns': (p: { count: number }) => `expected five columns "{text}{IW},,{topic},,{IW}:…:" (got ${p.count})`,
  'tcree-output-iw': (p: { iws: string }) => `the output (the fifth column) does not start with a known IW (${p.iws})`,
  'tcree-no-iw': (p: { iws: string }) => `the input does not end with a known IW (${p.iws})`,
  'tcree-no-text': () => 'the input has no source text before the IW',
  // Label Studio JSON, by task (its id, else its place) and region
  'ls-not-list': () => 'expected a JSON list of Label Studio tasks',
  'ls-no-text': (p: { task: string }) => `task ${p.task}: data has no text`,
  'ls-not-completions': (p: { task: string; field: string }) => `task ${p.task}: "${p.field}" is not a list of completions`,
  'ls-result-not-list': (p: { task: string }) => `task ${p.task}: "result" is not a list of regions`,
  'ls-region-not-object': (p: { task: string; region: string; value: string }) => `task ${p.task}, region ${p.region}: is ${p.value}, not a region object; it was left out`,
  'ls-region-outside': (p: { task: string; region: string; offsets: string }) => `task ${p.task}, region ${p.region}: start/end ${p.offsets} are not a span inside the text (Label Studio counts code points)`,
  'ls-region-text': (p: { task: string; region: string; text: string; start: number; end: number; found: string }) =>
    `task ${p.task}, region ${p.region}: its text ${p.text} is not the text at ${p.start}–${p.end} (${p.found}); the region was left out`,
  // The app's Extraction JSONL: a field out of shape (zod's English `detail`), an item not at its offsets.
  'extraction-field': (p: { field: string; detail: string }) => `${p.field || 'the line'}: ${p.detail}`,
  'extraction-offsets': (p: { kind: 'entity' | 'relation' | 'event'; n: number; field: string; text: string; start: number; end: number; more: number }) =>
    `${p.kind === 'entity' ? `entity ${p.n}` : `${p.kind} ${p.n}'s ${p.field}`} ${p.text} is not at ${p.start}–${p.end} in the text${p.more ? ` (and ${p.more} more)` : ''}`,
  // stockmark's NER JSON, by entry (its place in the array)
  'stockmark-not-array': () => 'expected a JSON array of {curid, text, entities}',
  'stockmark-entry': (p: { entry: number }) => `entry ${p.entry}: expected {curid, text, entities: [...]}`,
  'stockmark-entity': (p: { entry: number; curid: string; k: number }) => `entry ${p.entry}: curid ${p.curid}: entity ${p.k} needs name, type and a [start, end) span inside the text`,
  'stockmark-entity-text': (p: { entry: number; curid: string; name: string; start: number; end: number }) =>
    `entry ${p.entry}: curid ${p.curid}: entity ${p.name} does not match the text at [${p.start}, ${p.end})`,
} as const;

export type InputErrorCode = keyof typeof INPUT_ERROR_TEXT;

/** A problem as data: its code and its parameters (the English is `problemText`). */
export type Problem = Coded<typeof INPUT_ERROR_TEXT>;

export function problemText(p: Problem): string {
  return wordIn(INPUT_ERROR_TEXT, p);
}

/** How a value is quoted in a message (as JSON; `undefined` as the word). */
export const quoted = (v: unknown): string => String(q(v));
