// The framework-free extraction core: runs in Node, in a worker and in the page.
export * from './domain/types.ts';
export { TASKS, TASK_IDS, getTask, isTaskId } from './format/taskCatalog.ts';
export { BUILTIN_PROFILES, CSV_PROFILE, DEFAULT_PROFILE, validateProfile, type FormatProfile } from './format/profile.ts';
export { buildInput, labelSetString } from './format/buildInput.ts';
export { serializeOutput } from './format/serializeOutput.ts';
export { parseOutput, type ParseOptions } from './format/parseOutput.ts';
export { alignSpans } from './align/alignSpans.ts';
export { extract } from './extract.ts';
export { splitSentences, type Sentence } from './text/splitSentences.ts';
export { TextIndex, codePointLength } from './text/textIndex.ts';
export { aggregate, itemKeys, scoreSequence, DEFAULT_MATCH, type MatchOptions, type Scores, type SequenceScore } from './metrics/score.ts';
export { readRecords, formatInputError, type DatasetRecord, type InputError } from './data/records.ts';
export { convertStockmark } from './data/stockmark.ts';
