// The framework-free extraction core: runs in Node, in a worker and in the page.
// Only what this file exports loads with the page. Everything else is imported by its own path:
// src/corpus/* (the corpus rules), src/interchange/formats.ts (the format registry, whose readers and
// writers load on first use, with papaparse, fflate and zod), src/embed/protocol.ts (zod),
// src/metrics/report.ts (papaparse; loads with the evaluation panel).
export * from './domain/types.ts';
export { TASKS, TASK_IDS, isTaskId } from './format/taskCatalog.ts';
export { BUILTIN_PROFILES, CSV_PROFILE, DEFAULT_PROFILE, validateProfile, type FormatProfile } from './format/profile.ts';
export { buildInput, labelSetString } from './format/buildInput.ts';
export { serializeOutput } from './format/serializeOutput.ts';
export { parseOutput, type ParseOptions } from './format/parseOutput.ts';
export { alignSpans } from './align/alignSpans.ts';
export { extract } from './extract.ts';
export { splitSentences, type Sentence } from './text/splitSentences.ts';
export { TextIndex, codePointLength } from './text/textIndex.ts';
export { aggregate, itemKeys, scoreSequence, DEFAULT_MATCH, type MatchOptions, type Scores, type SequenceScore } from './metrics/score.ts';
export { readRecords, formatInputError, numberedLines, type DatasetRecord, type InputError } from './data/records.ts';
export { convertStockmark } from './data/stockmark.ts';
export { MODEL_CATALOG, DEFAULT_MODEL_ID, DEFAULT_CPU_MODEL_ID, WEBLLM_LIB_PREFIX, absoluteUrl, engineOf, ggufParts, localGgufModel, quantizationNeedsF16, speedClassOf, validateCustomModel, validateGgufModel, lmTemplate, type EngineKind, type GgufSource, type ModelInfo, type PromptMode, type SpeedClass } from './models/catalog.ts';
export { assessModel, cpuThreads, type Assessment, type Capabilities, type CapabilityIssue } from './models/capability.ts';
export { mapEngineError, mapLoadError, mapWllamaError, errorText, type EngineFailure } from './engine/errors.ts';
export { readProgress, type InitProgress, type LoadPhase, type LoadStatus } from './engine/progress.ts';
export { buildGrammar, substringRules, DEFAULT_GRAMMAR_OPTIONS, type GrammarOptions } from './grammar/buildGrammar.ts';
export { buildPromptedMessages, instructionFor, promptLength, MAX_EXAMPLES, type ChatMessage } from './prompting/buildPrompted.ts';
export { EXAMPLES, type WorkedExample } from './prompting/examples.ts';
export { checkConfig, checkGguf, checkLibrary, type FileProbe } from './engine/preflight.ts';
export { mergeSentences, shiftOffsets } from './align/shiftOffsets.ts';
