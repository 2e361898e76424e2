import type { PromptMode } from './catalog.ts';

/** A model folder as the check sees it: file sizes and text. The CLI backs it with the file system. */
export interface ModelFolder {
  files(): Promise<Map<string, number>>;
  readText(name: string): Promise<string>;
}

export interface CheckReport {
  errors: string[];
  warnings: string[];
  /** What was found, for the summary line. */
  summary: string[];
}

const REQUIRED = ['model_type', 'quantization', 'vocab_size', 'context_window_size', 'prefill_chunk_size', 'tokenizer_files', 'conv_template'] as const;

interface TensorCache {
  records?: { dataPath?: unknown; nbytes?: unknown }[];
}

/** An LM-style template renders BOS + the raw prompt: no roles, no separators, no system text. */
function isRawTemplate(t: Record<string, unknown>): boolean {
  const roles = (t.roles ?? {}) as Record<string, unknown>;
  const empty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.every((x) => x === ''));
  return empty(roles.user) && empty(roles.assistant) && empty(t.system_message) && (t.system_template === undefined || t.system_template === '{system_message}') && empty(t.seps);
}

/**
 * Checks a local MLC model folder before it is served or uploaded: mlc-chat-config.json fields, the tensor
 * cache against the shard files and their sizes, the tokenizer, and a conversation template fit for the
 * prompting mode (`giellm` needs a raw LM-style template).
 */
export async function checkModelFolder(folder: ModelFolder, mode: PromptMode): Promise<CheckReport> {
  const report: CheckReport = { errors: [], warnings: [], summary: [] };
  const files = await folder.files();
  const json = async <T>(name: string): Promise<T | null> => {
    if (!files.has(name)) return null;
    try {
      return JSON.parse(await folder.readText(name)) as T;
    } catch (e) {
      report.errors.push(`${name}: not valid JSON (${(e as Error).message})`);
      return null;
    }
  };

  const config = await json<Record<string, unknown>>('mlc-chat-config.json');
  if (!files.has('mlc-chat-config.json')) report.errors.push('mlc-chat-config.json is missing: run mlc_llm gen_config');
  if (config) {
    for (const k of REQUIRED) if (!(k in config)) report.errors.push(`mlc-chat-config.json: "${k}" is missing`);
    report.summary.push(`${String(config.model_type ?? '?')} ${String(config.quantization ?? '?')}, context ${String(config.context_window_size ?? '?')}, prefill chunk ${String(config.prefill_chunk_size ?? '?')}`);
    const tokenizers = Array.isArray(config.tokenizer_files) ? (config.tokenizer_files as unknown[]).filter((f): f is string => typeof f === 'string') : [];
    if (tokenizers.length === 0 && 'tokenizer_files' in config) report.errors.push('mlc-chat-config.json: "tokenizer_files" lists no file');
    for (const t of tokenizers) if (!files.has(t)) report.errors.push(`${t} is listed in tokenizer_files but missing`);
    if (!tokenizers.some((t) => t === 'tokenizer.json' || t === 'tokenizer.model')) report.warnings.push('WebLLM loads tokenizer.json or tokenizer.model; neither is listed in tokenizer_files');
    const template = config.conv_template;
    if (template && typeof template === 'object') {
      const raw = isRawTemplate(template as Record<string, unknown>);
      const name = String((template as Record<string, unknown>).name ?? '?');
      if (mode === 'giellm' && !raw) report.errors.push(`conv_template "${name}" adds roles or separators: a GIELLM model needs the raw LM-style template (gen_config --conv-template LM)`);
      if (mode === 'prompted' && raw) report.warnings.push(`conv_template "${name}" is raw: a prompted (instruction) model usually needs its chat template`);
    } else if (typeof template === 'string') {
      report.warnings.push(`conv_template is the name "${template}": WebLLM needs the expanded template object that gen_config writes`);
    }
  }

  if (files.has('ndarray-cache.json') && !files.has('tensor-cache.json')) {
    report.errors.push('ndarray-cache.json found but tensor-cache.json is missing: this WebLLM reads tensor-cache.json only (rename the file)');
  } else if (!files.has('tensor-cache.json')) {
    report.errors.push('tensor-cache.json is missing: run mlc_llm convert_weight');
  }
  const cache = await json<TensorCache>('tensor-cache.json');
  if (cache) {
    const records = Array.isArray(cache.records) ? cache.records : [];
    if (records.length === 0) report.errors.push('tensor-cache.json lists no shard');
    let bytes = 0;
    for (const [i, r] of records.entries()) {
      if (typeof r.dataPath !== 'string' || typeof r.nbytes !== 'number') {
        report.errors.push(`tensor-cache.json: record ${i + 1} needs dataPath and nbytes`);
        continue;
      }
      const size = files.get(r.dataPath);
      if (size === undefined) report.errors.push(`${r.dataPath} is listed in tensor-cache.json but missing`);
      else if (size !== r.nbytes) report.errors.push(`${r.dataPath} has ${size} bytes, tensor-cache.json says ${r.nbytes}`);
      bytes += r.nbytes;
    }
    const listed = new Set(records.map((r) => r.dataPath));
    for (const name of files.keys()) if (/^params_shard_\d+\.bin$/.test(name) && !listed.has(name)) report.warnings.push(`${name} is not listed in tensor-cache.json`);
    report.summary.push(`${records.length} shards, ${(bytes / 2 ** 30).toFixed(2)} GiB`);
  }
  return report;
}
