/**
 * The model catalog is data. `giellm` models are the fine-tuned GIELLM checkpoints and get the raw
 * `buildInput` prompt; `prompted` models are general instruction models that get instructions + examples.
 * Download sizes are approximate (the weights of a q4 build); VRAM needs are WebLLM's own figures.
 */
export type PromptMode = 'giellm' | 'prompted';

export interface ModelInfo {
  id: string;
  displayName: string;
  mode: PromptMode;
  /** Weights: a Hugging Face MLC repo, or a same-origin folder (`/models/<id>`) holding `resolve/main/`. */
  weightsUrl: string;
  /** The compiled model library (wasm). */
  libUrl: string;
  quantization: string;
  downloadMB: number;
  vramMB: number;
  needsShaderF16: boolean;
  contextWindow: number;
  license: string;
  languages: string[];
  lowResource: boolean;
  notes?: string;
  custom?: boolean;
  /** Chat-config overrides WebLLM merges over mlc-chat-config.json (e.g. a raw "LM" template). */
  chatOverrides?: Record<string, unknown>;
  /** WebLLM's `model_manifest`: a model packaged with mlc-model-manifest.json (relative to the weights URL). */
  modelManifest?: string;
  /** Run on an OpenAI-compatible inference server instead of WebLLM: nothing is downloaded into the browser. */
  server?: { url: string; model: string; /** Requests a batch sends at once (the server's parallel slots). */ concurrency?: number };
  /** Run by wllama (llama.cpp compiled to WebAssembly) on the CPU, from a GGUF file. */
  gguf?: GgufSource;
  /** A reasoning model (Qwen3, Qwen3.5) asked not to think first: its answer is the GIELLM output alone. */
  noThinking?: boolean;
  /** Its chat template has no system role (Gemma 2): the instruction goes into the first user turn. */
  noSystemRole?: boolean;
  /**
   * Its attention shape (config.json), which sizes the KV cache: with it, `vramMB` (web-llm's figure, for a
   * 4,096-token context) is resized to `contextWindow` (memoryBudget.ts). Without it, `vramMB` stands as it is.
   */
  attention?: AttentionShape;
}

import { CONTEXT_BY_MODE, type AttentionShape } from './memoryBudget.ts';
import { FieldErrors, type FieldProblem } from './fieldErrors.ts';

/** The three engines behind the seam (README: Models). */
export type EngineKind = 'webllm' | 'wllama' | 'server';

/**
 * Where a GGUF model's file comes from: URLs (one file, or every part of a split model:
 * `name-00001-of-00003.gguf`…, as llama.cpp's gguf-split names them), or a file the user picked, which is
 * read in place and never leaves the machine.
 */
export interface GgufSource {
  urls: string[];
  /** A picked file: `urls` is empty and the File travels with the load request (it cannot be stored). */
  local?: { names: string[] };
  /** Decode speed to expect on a 4-core laptop, tokens per second, and whether it was measured. */
  cpuTokensPerS?: { value: number; measured: boolean };
}

/** Which engine runs a model: the record says it, by the source it names. */
export function engineOf(m: Pick<ModelInfo, 'server' | 'gguf'>): EngineKind {
  if (m.server) return 'server';
  if (m.gguf) return 'wllama';
  return 'webllm';
}

/** Speed classes the model panel shows, from expected decode tokens per second. */
export type SpeedClass = 'fast' | 'usable' | 'slow';
export const speedClassOf = (tokensPerS: number): SpeedClass => (tokensPerS >= 20 ? 'fast' : tokensPerS >= 6 ? 'usable' : 'slow');

/** A split GGUF's parts from its first part's URL (llama.cpp gguf-split: `-00001-of-00003.gguf`). */
export function ggufParts(url: string): string[] {
  const m = /^(.*)-(\d{5})-of-(\d{5})\.gguf(\?.*)?$/.exec(url);
  if (!m) return [url];
  const total = Number(m[3]);
  return Array.from({ length: total }, (_, i) => `${m[1]}-${String(i + 1).padStart(5, '0')}-of-${m[3]}.gguf${m[4] ?? ''}`);
}

export type ServerModelResult = { ok: true; model: ModelInfo } | { ok: false; errors: string[]; problems: FieldProblem[] };

/** A server model from the model panel's fields; every problem is named by its field. */
export function validateServerModel(input: { url?: string; model?: string; mode?: string; contextWindow?: string | number; concurrency?: string | number }, existingIds: readonly string[]): ServerModelResult {
  const errors = new FieldErrors();
  const url = (input.url ?? '').trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(url)) errors.add({ field: 'url', code: 'server-url', params: {} });
  const mode = input.mode === 'giellm' || input.mode === 'prompted' ? input.mode : null;
  if (!mode) errors.add({ field: 'mode', code: 'mode', params: {} });
  const name = (input.model ?? '').trim();
  const contextWindow = input.contextWindow === undefined || input.contextWindow === '' ? 4096 : Number(input.contextWindow);
  if (!Number.isInteger(contextWindow) || contextWindow <= 0) errors.add({ field: 'contextWindow', code: 'context-window', params: {} });
  const concurrency = input.concurrency === undefined || input.concurrency === '' ? 4 : Number(input.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) errors.add({ field: 'concurrency', code: 'concurrency', params: {} });
  if (errors.any) return errors.failed();
  let id = `server:${name || 'default'}@${url.replace(/^https?:\/\//, '')}`;
  for (let k = 2; existingIds.includes(id); k++) id = `server:${name || 'default'}@${url.replace(/^https?:\/\//, '')}#${k}`;
  return {
    ok: true,
    model: {
      id,
      displayName: `${name || 'server model'} @ ${url.replace(/^https?:\/\//, '')}`,
      mode: mode!,
      weightsUrl: url,
      libUrl: url,
      quantization: 'server',
      downloadMB: 0,
      vramMB: 0,
      needsShaderF16: false,
      contextWindow,
      license: 'as served',
      languages: ['ja'],
      lowResource: false,
      custom: true,
      server: { url, model: name, concurrency },
    },
  };
}

/**
 * mlc-llm's "LM" template: the raw prompt, no roles, as the GIELLM model card prompts the model, after a BOS
 * token where the model's tokenizer adds one (`bos` null: none). LLaMA-2's tokenizer adds BOS 1 and ends at
 * EOS 2; llm-jp's tokenizer has BOS = EOS = 7, and llm-jp's model card encodes with `add_special_tokens=False`,
 * so no BOS. Which the GIELLM-13B-jpllm fine-tune saw in training is not published: the catalog follows
 * llm-jp's card, and a custom model can say otherwise.
 */
export const lmTemplate = (bos: number | null, eos: number) => ({
  conv_template: {
    name: 'LM',
    system_template: '{system_message}',
    system_message: '',
    roles: { user: '', assistant: '' },
    seps: [''],
    role_content_sep: '',
    role_empty_sep: '',
    stop_str: [],
    system_prefix_token_ids: bos === null ? [] : [bos],
    stop_token_ids: [eos],
  },
});

/** WebLLM's prebuilt libraries for the version this app ships (see @mlc-ai/web-llm's modelVersion). */
export const WEBLLM_LIB_PREFIX = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/';
const HF = 'https://huggingface.co/mlc-ai/';

const prebuilt = (id: string, displayName: string, lib: string, downloadMB: number, vramMB: number, extra: Partial<ModelInfo> = {}): ModelInfo => {
  const quantization = /q\d+f\d+_\d/.exec(id)?.[0] ?? 'unknown';
  return {
    id,
    displayName,
    mode: 'prompted',
    weightsUrl: HF + id,
    libUrl: WEBLLM_LIB_PREFIX + lib,
    quantization,
    downloadMB,
    vramMB,
    needsShaderF16: quantizationNeedsF16(quantization),
    contextWindow: CONTEXT_BY_MODE.prompted,
    license: 'see the model card',
    languages: ['ja', 'en'],
    lowResource: vramMB < 3000,
    ...extra,
  };
};

/** Attention shapes from each model's config.json: layers, key/value heads, head size. */
const shape = (layers: number, kvHeads: number, headDim: number): AttentionShape => ({ layers, kvHeads, headDim });
const QWEN25_05B = shape(24, 2, 64);
const QWEN25_15B = shape(28, 2, 128);
const QWEN25_3B = shape(36, 2, 128);
const QWEN25_7B = shape(28, 4, 128);
const LLAMA31_8B = shape(32, 8, 128);
const GEMMA2_2B = shape(26, 4, 256);
const QWEN3_SMALL = shape(28, 8, 128); // 0.6B and 1.7B
const QWEN3_4B = shape(36, 8, 128);
/** LLaMA-2-13B and llm-jp-13b (GPT-2) alike: 40 layers, 40 heads of 128, no grouped KV heads. */
const LLAMA2_13B = shape(40, 40, 128);

/** f16 activations need the `shader-f16` WebGPU feature; many prebuilt records do not declare it. */
export function quantizationNeedsF16(quantization: string): boolean {
  return /^q\d+f16/.test(quantization);
}

export const DEFAULT_MODEL_ID = 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC';
/** The first pick where the default cannot run for want of WebGPU: the smallest CPU model. */
export const DEFAULT_CPU_MODEL_ID = 'Qwen2.5-0.5B-Instruct-Q4_K_M-GGUF';

const HF_FILE = (repo: string, file: string) => `https://huggingface.co/${repo}/resolve/main/${file}`;

/**
 * A GGUF model for wllama: CPU speed on a 4-core laptop is estimated from the weight bytes each token
 * reads (about 10 GB/s of memory bandwidth for WebAssembly SIMD on 4 threads, a single thread about a
 * third of that); the tiny test model's measured speed is in bench/results/cpu.json.
 */
/** The quantization a GGUF file's name states, as llama.cpp names them (Q4_K_M, Q8_0, F16…). */
const ggufQuantization = (fileName: string) => /Q\d_K_[MS]|Q\d_0|F16|F32/i.exec(fileName)?.[0]?.toUpperCase() ?? 'gguf';

type GgufFields = Pick<ModelInfo, 'id' | 'displayName' | 'mode' | 'weightsUrl' | 'downloadMB' | 'contextWindow' | 'license' | 'languages' | 'gguf'> & Partial<ModelInfo>;

/** A model wllama runs: nothing of it is for a GPU; its quantization is read from its file name. */
const ggufRecord = (fileName: string, fields: GgufFields): ModelInfo => ({ libUrl: '', quantization: ggufQuantization(fileName), vramMB: 0, needsShaderF16: false, lowResource: true, ...fields });

const ggufModel = (id: string, displayName: string, repo: string, file: string, downloadMB: number, license: string, cpuTokensPerS: number, extra: Partial<ModelInfo> = {}): ModelInfo =>
  ggufRecord(file, {
    id,
    displayName,
    mode: 'prompted',
    weightsUrl: HF_FILE(repo, file),
    downloadMB,
    contextWindow: 4096,
    license,
    languages: ['ja', 'en'],
    gguf: { urls: [HF_FILE(repo, file)], cpuTokensPerS: { value: cpuTokensPerS, measured: false } },
    ...extra,
  });

export const MODEL_CATALOG: readonly ModelInfo[] = [
  {
    id: 'GIELLM-13B-q4f16_1-MLC',
    displayName: 'GIELLM-13B (LLaMA-2, q4f16_1)',
    mode: 'giellm',
    // No public MLC build exists yet: build one into public/models/ with `scripts/build-giellm-mlc.sh llama` (README).
    weightsUrl: '/models/GIELLM-13B-q4f16_1-MLC',
    libUrl: `${WEBLLM_LIB_PREFIX}Llama-2-13b-chat-hf-q4f16_1_cs1k-webgpu.wasm`,
    quantization: 'q4f16_1',
    downloadMB: 7000,
    // web-llm's figure for Llama-2-13b q4f16_1, for 4,096 tokens; its KV cache (~0.78 MB a token) is resized
    // to the 2,048 the app asks for (memoryBudget.ts): about 10.2 GB in all.
    vramMB: 11814,
    attention: LLAMA2_13B,
    needsShaderF16: true,
    contextWindow: CONTEXT_BY_MODE.giellm,
    license: 'MIT (ganchengguang/GIELLM-13b)',
    languages: ['ja'],
    lowResource: false,
    notes: 'The paper’s fine-tuned model; raw GIELLM prompt, greedy decoding.',
    chatOverrides: lmTemplate(1, 2),
  },
  {
    id: 'GIELLM-13B-jpllm-q4f16_1-MLC',
    displayName: 'GIELLM-13B-jpllm (GPT-2 / llm-jp, q4f16_1)',
    mode: 'giellm',
    weightsUrl: '/models/GIELLM-13B-jpllm-q4f16_1-MLC',
    // GPT-2 architecture: WebLLM has no prebuilt library; compile one and serve it beside the weights.
    libUrl: '/models/GIELLM-13B-jpllm-q4f16_1-MLC/GIELLM-13B-jpllm-q4f16_1-webgpu.wasm',
    quantization: 'q4f16_1',
    downloadMB: 7300,
    // Estimated as Llama-2-13b's figure plus its larger vocabulary (50,688 tokens), for 4,096 tokens; resized
    // to 2,048 like GIELLM-13B's.
    vramMB: 12000,
    attention: LLAMA2_13B,
    needsShaderF16: true,
    contextWindow: CONTEXT_BY_MODE.giellm,
    license: 'MIT (ganchengguang/GIELLM-13B-jpllm)',
    languages: ['ja'],
    lowResource: false,
    notes: 'Needs its own compiled model library (scripts/build-giellm-mlc.sh jpllm). No BOS, as llm-jp’s card encodes; EOS 7.',
    chatOverrides: lmTemplate(null, 7),
  },
  prebuilt('gemma-2-2b-jpn-it-q4f16_1-MLC', 'Gemma 2 2B JPN (q4f16_1)', 'gemma-2-2b-jpn-it-q4f16_1_cs1k-webgpu.wasm', 1500, 1895, { license: 'Gemma Terms of Use', noSystemRole: true, attention: GEMMA2_2B }),
  prebuilt('gemma-2-2b-jpn-it-q4f32_1-MLC', 'Gemma 2 2B JPN (q4f32_1)', 'gemma-2-2b-jpn-it-q4f32_1_cs1k-webgpu.wasm', 1600, 2509, { license: 'Gemma Terms of Use', noSystemRole: true, attention: GEMMA2_2B }),
  prebuilt('Qwen2.5-0.5B-Instruct-q4f32_1-MLC', 'Qwen2.5 0.5B Instruct (q4f32_1, weak GPUs)', 'Qwen2-0.5B-Instruct-q4f32_1_cs1k-webgpu.wasm', 300, 1060, { license: 'Apache-2.0', attention: QWEN25_05B }),
  prebuilt('Qwen2.5-1.5B-Instruct-q4f16_1-MLC', 'Qwen2.5 1.5B Instruct (q4f16_1)', 'Qwen2-1.5B-Instruct-q4f16_1_cs1k-webgpu.wasm', 900, 1630, { license: 'Apache-2.0', attention: QWEN25_15B }),
  prebuilt('Qwen2.5-1.5B-Instruct-q4f32_1-MLC', 'Qwen2.5 1.5B Instruct (q4f32_1)', 'Qwen2-1.5B-Instruct-q4f32_1_cs1k-webgpu.wasm', 1000, 1889, { license: 'Apache-2.0', attention: QWEN25_15B }),
  prebuilt('Qwen2.5-3B-Instruct-q4f16_1-MLC', 'Qwen2.5 3B Instruct (q4f16_1)', 'Qwen2.5-3B-Instruct-q4f16_1_cs1k-webgpu.wasm', 1700, 2505, { license: 'Qwen Research License', attention: QWEN25_3B }),
  prebuilt('Qwen2.5-7B-Instruct-q4f16_1-MLC', 'Qwen2.5 7B Instruct (q4f16_1)', 'Qwen2-7B-Instruct-q4f16_1_cs1k-webgpu.wasm', 4300, 5107, { license: 'Apache-2.0', attention: QWEN25_7B }),
  prebuilt('Llama-3.1-8B-Instruct-q4f16_1-MLC', 'Llama 3.1 8B Instruct (q4f16_1)', 'Llama-3_1-8B-Instruct-q4f16_1_cs1k-webgpu.wasm', 4600, 5001, { license: 'Llama 3.1 Community License', attention: LLAMA31_8B }),
  prebuilt('Llama-3.1-8B-Instruct-q4f32_1-MLC', 'Llama 3.1 8B Instruct (q4f32_1)', 'Llama-3_1-8B-Instruct-q4f32_1_cs1k-webgpu.wasm', 5100, 6101, { license: 'Llama 3.1 Community License', attention: LLAMA31_8B }),
  // Qwen3 and Qwen3.5 (web-llm 0.2.86's prebuilt records, VRAM as they state it): the newest small multilingual
  // models with Japanese, in q4f32 so that GPUs without shader-f16 run them; thinking off (enable_thinking: false),
  // since GIELLM's answer is the output alone and a thinking block would spend the token budget.
  prebuilt('Qwen3-0.6B-q4f32_1-MLC', 'Qwen3 0.6B (q4f32_1, thinking off)', 'Qwen3-0.6B-q4f32_1_cs1k-webgpu.wasm', 450, 1925, { license: 'Apache-2.0', noThinking: true, attention: QWEN3_SMALL }),
  prebuilt('Qwen3-1.7B-q4f32_1-MLC', 'Qwen3 1.7B (q4f32_1, thinking off)', 'Qwen3-1.7B-q4f32_1_cs1k-webgpu.wasm', 1100, 2635, { license: 'Apache-2.0', noThinking: true, attention: QWEN3_SMALL }),
  prebuilt('Qwen3-4B-q4f32_1-MLC', 'Qwen3 4B (q4f32_1, thinking off)', 'Qwen3-4B-q4f32_1_cs1k-webgpu.wasm', 2400, 4328, { license: 'Apache-2.0', noThinking: true, attention: QWEN3_4B }),
  // Qwen3.5 mixes linear-attention layers with full ones, so its KV cache is not sized from a plain shape here:
  // it keeps web-llm's own context (4,096) and figure.
  prebuilt('Qwen3.5-0.8B-q4f32_1-MLC', 'Qwen3.5 0.8B (q4f32_1, thinking off)', 'Qwen3.5-0.8B-q4f32_1_cs1k-webgpu.wasm', 600, 1894, { license: 'Apache-2.0', noThinking: true }),
  prebuilt('Qwen3.5-2B-q4f32_1-MLC', 'Qwen3.5 2B (q4f32_1, thinking off)', 'Qwen3.5-2B-q4f32_1_cs1k-webgpu.wasm', 1300, 2592, { license: 'Apache-2.0', noThinking: true }),
  // CPU models (wllama): no GPU needed. GIELLM-13B is not among them: its ~7.9 GB of Q4 weights exceed what a
  // browser gives WebAssembly (wllama reads files of at most 2 GB into a 16 GB-capped memory, and at ~1 token/s on
  // 4 cores a sentence would take minutes): run it on an inference server instead (README: Models).
  ggufModel('Qwen2.5-0.5B-Instruct-Q4_K_M-GGUF', 'Qwen2.5 0.5B Instruct (CPU, Q4_K_M)', 'Qwen/Qwen2.5-0.5B-Instruct-GGUF', 'qwen2.5-0.5b-instruct-q4_k_m.gguf', 491, 'Apache-2.0', 25),
  ggufModel('Qwen2.5-1.5B-Instruct-Q4_K_M-GGUF', 'Qwen2.5 1.5B Instruct (CPU, Q4_K_M)', 'Qwen/Qwen2.5-1.5B-Instruct-GGUF', 'qwen2.5-1.5b-instruct-q4_k_m.gguf', 1120, 'Apache-2.0', 9),
  ggufModel('gemma-2-2b-jpn-it-Q4_K_M-GGUF', 'Gemma 2 2B JPN (CPU, Q4_K_M)', 'bartowski/gemma-2-2b-jpn-it-GGUF', 'gemma-2-2b-jpn-it-Q4_K_M.gguf', 1710, 'Gemma Terms of Use', 6, { noSystemRole: true }),
];

/**
 * Weights URLs may be same-origin folders; WebLLM needs absolute URLs (a relative one throws "Invalid URL").
 * A same-origin path is read under the app's base (`base`, where the build copies public/): /models/x of an
 * app served at /giellm/ is /giellm/models/x, never the site's /models/x.
 */
export function absoluteUrl(url: string, base: string): string {
  const dir = base.endsWith('/') ? base : `${base}/`;
  return new URL(url.startsWith('/') && !url.startsWith('//') ? url.slice(1) : url, dir).href;
}

export type CustomModelResult = { ok: true; model: ModelInfo } | { ok: false; errors: string[]; problems: FieldProblem[] };

/** Validates a user-added model record; every problem is named by its field. */
export function validateCustomModel(input: Record<string, unknown>, existingIds: readonly string[]): CustomModelResult {
  const errors = new FieldErrors();
  const str = (k: string) => (typeof input[k] === 'string' ? (input[k] as string).trim() : '');
  const id = str('id');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(id)) errors.add({ field: 'id', code: 'id-form', params: {} });
  else if (existingIds.includes(id)) errors.add({ field: 'id', code: 'id-taken', params: { id } });
  const url = (k: string, what: 'weights' | 'library') => {
    const v = str(k);
    if (v === '') errors.add({ field: k, code: 'url-required', params: { what } });
    else if (!/^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|\/)/.test(v)) errors.add({ field: k, code: 'url-form', params: {} });
    return v;
  };
  const weightsUrl = url('weightsUrl', 'weights');
  const libUrl = url('libUrl', 'library');
  if (libUrl && !/\.wasm(\?.*)?$/.test(libUrl)) errors.add({ field: 'libUrl', code: 'not-wasm', params: {} });
  const mode = input.mode === 'giellm' || input.mode === 'prompted' ? input.mode : null;
  if (!mode) errors.add({ field: 'mode', code: 'mode', params: {} });
  const quantization = /q\d+f\d+_\d/.exec(`${id} ${str('quantization')}`)?.[0] ?? '';
  if (!quantization) errors.add({ field: 'quantization', code: 'quantization', params: {} });
  const num = (k: string, fallback: number) => {
    if (input[k] === undefined || input[k] === '') return fallback;
    const v = Number(input[k]);
    if (!Number.isFinite(v) || v <= 0) errors.add({ field: k, code: 'positive-number', params: {} });
    return v;
  };
  const contextWindow = num('contextWindow', 4096);
  const downloadMB = num('downloadMB', 0);
  const vramMB = num('vramMB', 0);
  const template = mode === 'giellm' ? giellmTemplate(input, errors) : null;
  const overrides = recordOverrides(input.overrides, errors);
  const modelManifest = str('modelManifest');
  if (modelManifest && (!/^[\w./-]+\.json$/.test(modelManifest) || modelManifest.includes('..'))) errors.add({ field: 'modelManifest', code: 'manifest-path', params: {} });
  if (errors.any) return errors.failed();
  return {
    ok: true,
    model: {
      id,
      displayName: str('displayName') || id,
      mode: mode!,
      weightsUrl,
      libUrl,
      quantization,
      downloadMB,
      vramMB,
      needsShaderF16: quantizationNeedsF16(quantization),
      contextWindow,
      license: str('license') || 'unknown',
      languages: ['ja'],
      lowResource: vramMB > 0 && vramMB < 3000,
      custom: true,
      ...(template || overrides ? { chatOverrides: { ...overrides, ...template } } : {}),
      ...(modelManifest ? { modelManifest } : {}),
    },
  };
}

/**
 * A custom GIELLM model's template: the raw "LM" template with the BOS and EOS its tokenizer uses (default
 * LLaMA's 1/2; `bos` "none" for a tokenizer that adds none), or `template: own` for the conv_template in the
 * model's own mlc-chat-config.json, which is then left as it is.
 */
function giellmTemplate(input: Record<string, unknown>, errors: FieldErrors): Record<string, unknown> | null {
  if (input.template === 'own') return null;
  if (input.template !== undefined && input.template !== '' && input.template !== 'lm') {
    errors.add({ field: 'template', code: 'template', params: {} });
    return null;
  }
  const id = (k: 'bos' | 'eos', fallback: number | null): number | null => {
    const v = typeof input[k] === 'string' ? (input[k] as string).trim() : input[k];
    if (v === undefined || v === '') return fallback;
    if (k === 'bos' && v === 'none') return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) errors.add({ field: k, code: 'token-id', params: { none: k === 'bos' } });
    return n;
  };
  const bos = id('bos', 1);
  const eos = id('eos', 2);
  return lmTemplate(bos, eos ?? 2);
}

/** mlc-chat-config fields a record may override, as web-llm's own records do (Qwen3.5: max_history_size 1). */
const OVERRIDABLE = ['sliding_window_size', 'attention_sink_size', 'max_history_size', 'prefill_chunk_size'] as const;

/** The record's overrides from a JSON object of OVERRIDABLE fields (whole numbers; -1 turns a window off). */
function recordOverrides(raw: unknown, errors: FieldErrors): Record<string, number> | null {
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return null;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      errors.add({ field: 'overrides', code: 'overrides-not-json', params: {} });
      return null;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.add({ field: 'overrides', code: 'overrides-not-object', params: {} });
    return null;
  }
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!(OVERRIDABLE as readonly string[]).includes(k)) errors.add({ field: 'overrides', code: 'override-unknown', params: { key: k, allowed: OVERRIDABLE.join(', ') } });
    else if (!Number.isInteger(v) || (v as number) < -1) errors.add({ field: 'overrides', code: 'override-not-whole', params: { key: k } });
    else out[k] = v as number;
  }
  return out;
}

export type GgufModelResult = { ok: true; model: ModelInfo } | { ok: false; errors: string[]; problems: FieldProblem[] };

/** A GGUF model the user added: its licence is the model card's. */
const customGguf = (id: string, fileName: string, mode: PromptMode, gguf: GgufSource, contextWindow: number, weightsUrl: string, extra: Partial<ModelInfo> = {}): ModelInfo =>
  ggufRecord(fileName, { id, displayName: fileName, mode, weightsUrl, downloadMB: 0, contextWindow, license: 'see the model card', languages: ['ja'], custom: true, gguf, ...extra });

/** A GGUF model from a URL (its first part, for a split model); every problem is named by its field. */
export function validateGgufModel(input: { url?: string; mode?: string; contextWindow?: string | number }, existingIds: readonly string[]): GgufModelResult {
  const errors = new FieldErrors();
  const url = (input.url ?? '').trim();
  if (!/^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|\/)/.test(url)) errors.add({ field: 'url', code: 'gguf-url-form', params: {} });
  else if (!/\.gguf(\?.*)?$/i.test(url)) errors.add({ field: 'url', code: 'not-gguf-url', params: {} });
  const mode = input.mode === 'giellm' || input.mode === 'prompted' ? input.mode : null;
  if (!mode) errors.add({ field: 'mode', code: 'mode', params: {} });
  const contextWindow = input.contextWindow === undefined || input.contextWindow === '' ? 2048 : Number(input.contextWindow);
  if (!Number.isInteger(contextWindow) || contextWindow <= 0) errors.add({ field: 'contextWindow', code: 'context-window', params: {} });
  if (errors.any) return errors.failed();
  const file = decodeURIComponent(url.replace(/[?#].*$/, '').split('/').pop() ?? 'model.gguf');
  let id = `gguf:${file}`;
  for (let k = 2; existingIds.includes(id); k++) id = `gguf:${file}#${k}`;
  return { ok: true, model: customGguf(id, file, mode!, { urls: ggufParts(url) }, contextWindow, url) };
}

/** A GGUF model from files the user picked or dropped: read in place, never uploaded, kept until reload. */
export function localGgufModel(files: readonly { name: string; size: number }[], mode: PromptMode, existingIds: readonly string[]): GgufModelResult {
  const ggufs = [...files].filter((f) => /\.gguf$/i.test(f.name)).sort((a, b) => a.name.localeCompare(b.name));
  const errors = new FieldErrors();
  if (ggufs.length === 0) {
    errors.add({ field: 'file', code: 'not-gguf-file', params: { files: files.map((f) => f.name).join(', ') || '—' } });
    return errors.failed();
  }
  const first = ggufs[0]!;
  const parts = ggufParts(first.name);
  const missing = parts.length > 1 ? parts.filter((p) => !ggufs.some((f) => f.name === p)) : [];
  if (missing.length) {
    errors.add({ field: 'file', code: 'split-part', params: { file: first.name, missing: missing.join(', ') } });
    return errors.failed();
  }
  const names = parts.length > 1 ? parts : [first.name];
  let id = `local:${first.name}`;
  for (let k = 2; existingIds.includes(id); k++) id = `local:${first.name}#${k}`;
  const mb = ggufs.filter((f) => names.includes(f.name)).reduce((n, f) => n + f.size, 0) / (1024 * 1024);
  return { ok: true, model: customGguf(id, first.name, mode, { urls: [], local: { names } }, 2048, '', { notes: `${Math.round(mb)} MB, read from this computer` }) };
}
