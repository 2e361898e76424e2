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
  /** Run on an OpenAI-compatible inference server instead of WebLLM: nothing is downloaded into the browser. */
  server?: { url: string; model: string; /** Requests a batch sends at once (the server's parallel slots). */ concurrency?: number };
}

export type ServerModelResult = { ok: true; model: ModelInfo } | { ok: false; errors: string[] };

/** A server model from the model panel's fields; every problem is named by its field. */
export function validateServerModel(input: { url?: string; model?: string; mode?: string; contextWindow?: string | number; concurrency?: string | number }, existingIds: readonly string[]): ServerModelResult {
  const errors: string[] = [];
  const url = (input.url ?? '').trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(url)) errors.push('url: the server URL, e.g. http://127.0.0.1:8080');
  const mode = input.mode === 'giellm' || input.mode === 'prompted' ? input.mode : null;
  if (!mode) errors.push('mode: giellm (the fine-tuned model, raw prompt) or prompted (an instruction model)');
  const name = (input.model ?? '').trim();
  const contextWindow = input.contextWindow === undefined || input.contextWindow === '' ? 4096 : Number(input.contextWindow);
  if (!Number.isInteger(contextWindow) || contextWindow <= 0) errors.push('contextWindow: a positive whole number of tokens');
  const concurrency = input.concurrency === undefined || input.concurrency === '' ? 4 : Number(input.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) errors.push('concurrency: parallel requests, a whole number from 1 to 64');
  if (errors.length) return { ok: false, errors };
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
 * mlc-llm's "LM" template: BOS + the raw prompt, no roles, as the GIELLM model card prompts the model.
 * BOS/EOS ids are LLaMA's (1/2); the llm-jp GPT-2 variant uses 7 for both.
 */
export const lmTemplate = (bos: number, eos: number) => ({
  conv_template: {
    name: 'LM',
    system_template: '{system_message}',
    system_message: '',
    roles: { user: '', assistant: '' },
    seps: [''],
    role_content_sep: '',
    role_empty_sep: '',
    stop_str: [],
    system_prefix_token_ids: [bos],
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
    contextWindow: 4096,
    license: 'see the model card',
    languages: ['ja', 'en'],
    lowResource: vramMB < 3000,
    ...extra,
  };
};

/** f16 activations need the `shader-f16` WebGPU feature; many prebuilt records do not declare it. */
export function quantizationNeedsF16(quantization: string): boolean {
  return /^q\d+f16/.test(quantization);
}

export const DEFAULT_MODEL_ID = 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC';

export const MODEL_CATALOG: readonly ModelInfo[] = [
  {
    id: 'GIELLM-13B-q4f16_1-MLC',
    displayName: 'GIELLM-13B (LLaMA-2, q4f16_1)',
    mode: 'giellm',
    // No public MLC build exists yet: point this at your own conversion (see scripts/build-giellm-mlc.md).
    weightsUrl: '/models/GIELLM-13B-q4f16_1-MLC',
    libUrl: `${WEBLLM_LIB_PREFIX}Llama-2-13b-chat-hf-q4f16_1_cs1k-webgpu.wasm`,
    quantization: 'q4f16_1',
    downloadMB: 7000,
    vramMB: 11814,
    needsShaderF16: true,
    contextWindow: 4096,
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
    vramMB: 12000,
    needsShaderF16: true,
    contextWindow: 2048,
    license: 'MIT (ganchengguang/GIELLM-13B-jpllm)',
    languages: ['ja'],
    lowResource: false,
    notes: 'Needs its own compiled model library.',
    chatOverrides: lmTemplate(7, 7),
  },
  prebuilt('gemma-2-2b-jpn-it-q4f16_1-MLC', 'Gemma 2 2B JPN (q4f16_1)', 'gemma-2-2b-jpn-it-q4f16_1_cs1k-webgpu.wasm', 1500, 1895, { license: 'Gemma Terms of Use' }),
  prebuilt('gemma-2-2b-jpn-it-q4f32_1-MLC', 'Gemma 2 2B JPN (q4f32_1)', 'gemma-2-2b-jpn-it-q4f32_1_cs1k-webgpu.wasm', 1600, 2509, { license: 'Gemma Terms of Use' }),
  prebuilt('Qwen2.5-0.5B-Instruct-q4f32_1-MLC', 'Qwen2.5 0.5B Instruct (q4f32_1, weak GPUs)', 'Qwen2-0.5B-Instruct-q4f32_1_cs1k-webgpu.wasm', 300, 1060, { license: 'Apache-2.0' }),
  prebuilt('Qwen2.5-1.5B-Instruct-q4f16_1-MLC', 'Qwen2.5 1.5B Instruct (q4f16_1)', 'Qwen2-1.5B-Instruct-q4f16_1_cs1k-webgpu.wasm', 900, 1630, { license: 'Apache-2.0' }),
  prebuilt('Qwen2.5-1.5B-Instruct-q4f32_1-MLC', 'Qwen2.5 1.5B Instruct (q4f32_1)', 'Qwen2-1.5B-Instruct-q4f32_1_cs1k-webgpu.wasm', 1000, 1889, { license: 'Apache-2.0' }),
  prebuilt('Qwen2.5-3B-Instruct-q4f16_1-MLC', 'Qwen2.5 3B Instruct (q4f16_1)', 'Qwen2.5-3B-Instruct-q4f16_1_cs1k-webgpu.wasm', 1700, 2505, { license: 'Qwen Research License' }),
  prebuilt('Qwen2.5-7B-Instruct-q4f16_1-MLC', 'Qwen2.5 7B Instruct (q4f16_1)', 'Qwen2-7B-Instruct-q4f16_1_cs1k-webgpu.wasm', 4300, 5107, { license: 'Apache-2.0' }),
  prebuilt('Llama-3.1-8B-Instruct-q4f16_1-MLC', 'Llama 3.1 8B Instruct (q4f16_1)', 'Llama-3_1-8B-Instruct-q4f16_1_cs1k-webgpu.wasm', 4600, 5001, { license: 'Llama 3.1 Community License' }),
  prebuilt('Llama-3.1-8B-Instruct-q4f32_1-MLC', 'Llama 3.1 8B Instruct (q4f32_1)', 'Llama-3_1-8B-Instruct-q4f32_1_cs1k-webgpu.wasm', 5100, 6101, { license: 'Llama 3.1 Community License' }),
];

/** Weights URLs may be same-origin folders; WebLLM needs absolute URLs (a relative one throws "Invalid URL"). */
export function absoluteUrl(url: string, origin: string): string {
  return new URL(url, origin.endsWith('/') ? origin : `${origin}/`).href;
}

export type CustomModelResult = { ok: true; model: ModelInfo } | { ok: false; errors: string[] };

/** Validates a user-added model record; every problem is named by its field. */
export function validateCustomModel(input: Record<string, unknown>, existingIds: readonly string[]): CustomModelResult {
  const errors: string[] = [];
  const str = (k: string) => (typeof input[k] === 'string' ? (input[k] as string).trim() : '');
  const id = str('id');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(id)) errors.push('id: letters, digits, ".", "_" and "-" only (1–128)');
  else if (existingIds.includes(id)) errors.push(`id: ${id} is already in the catalog`);
  const url = (k: string, what: string) => {
    const v = str(k);
    if (v === '') errors.push(`${k}: the ${what} URL is required`);
    else if (!/^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|\/)/.test(v)) errors.push(`${k}: use https://…, a same-origin path (/models/…), or http://localhost`);
    return v;
  };
  const weightsUrl = url('weightsUrl', 'weights');
  const libUrl = url('libUrl', 'model library (.wasm)');
  if (libUrl && !/\.wasm(\?.*)?$/.test(libUrl)) errors.push('libUrl: the model library is a .wasm file');
  const mode = input.mode === 'giellm' || input.mode === 'prompted' ? input.mode : null;
  if (!mode) errors.push('mode: giellm (the fine-tuned model, raw prompt) or prompted (an instruction model)');
  const quantization = /q\d+f\d+_\d/.exec(`${id} ${str('quantization')}`)?.[0] ?? '';
  if (!quantization) errors.push('quantization: say it (e.g. q4f16_1), or put it in the id');
  const num = (k: string, fallback: number) => {
    if (input[k] === undefined || input[k] === '') return fallback;
    const v = Number(input[k]);
    if (!Number.isFinite(v) || v <= 0) errors.push(`${k}: a positive number`);
    return v;
  };
  const contextWindow = num('contextWindow', 4096);
  const downloadMB = num('downloadMB', 0);
  const vramMB = num('vramMB', 0);
  if (errors.length) return { ok: false, errors };
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
      ...(mode === 'giellm' ? { chatOverrides: lmTemplate(1, 2) } : {}),
    },
  };
}
