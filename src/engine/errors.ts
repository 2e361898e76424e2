import { ServerError } from './server.ts';
import { STALE_CODE } from './staleChunk.ts';

/** A failure worded for a user: what happened and what to do next. Never a stack trace. */
export interface EngineFailure {
  kind:
    | 'no-webgpu'
    | 'no-adapter'
    | 'shader-f16'
    | 'device-lost'
    | 'quota'
    | 'network'
    | 'not-found'
    | 'bad-file'
    | 'library'
    | 'context-window'
    | 'worker-crashed'
    | 'server'
    | 'app-updated'
    | 'memory'
    | 'unknown';
  message: string;
  nextStep: string;
  /** Which message this is, for a UI to word it in its own language; the kind when absent. */
  code?: string;
  /** The message's variable parts (a URL, a status), by name. */
  params?: Record<string, string>;
}

/** Through a worker, WebLLM errors arrive as strings "Name: message"; in the page, as Error objects. */
export function errorText(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (raw instanceof Error) return `${raw.name}: ${raw.message}`;
  if (raw && typeof raw === 'object' && 'message' in raw) return String((raw as { message: unknown }).message);
  return String(raw);
}

type Failure = Omit<EngineFailure, 'message'> & { message: string };

const DEVICE_LOST: Failure = { kind: 'device-lost', message: 'The GPU device was lost, most often because the model did not fit in GPU memory.', nextStep: 'Pick a smaller model, close other GPU-heavy tabs, then load again (the engine restarts).' };
const NO_WEBGPU: Failure = { kind: 'no-webgpu', message: 'This browser has no WebGPU.', nextStep: 'Use a recent Chrome or Edge (113+) on desktop, or Safari 26+.' };
const SHADER_F16: Failure = { kind: 'shader-f16', message: 'This GPU does not support 16-bit shaders (shader-f16).', nextStep: 'Pick a q4f32 model.' };
const CONTEXT: Failure = { kind: 'context-window', message: 'The input is longer than the model’s context window.', nextStep: 'Shorten the text or split it into sentences.' };
const QUOTA: Failure = { kind: 'quota', message: 'The browser refused to store more data for this site (storage quota).', nextStep: 'Delete cached models in the Models panel, leave private browsing, or free disk space.' };

/**
 * By the error's name first: web-llm 0.2.86 names its errors (its lib/index.js: `this.name = "DeviceLostError"`…),
 * and through the worker an error arrives as "Name: message". The exact words each one carries are in
 * engine.test.ts.
 */
const BY_NAME: Record<string, Failure> = {
  DeviceLostError: DEVICE_LOST,
  ModelNotLoadedError: { kind: 'device-lost', code: 'model-not-loaded', message: 'The model is no longer loaded: most often the GPU dropped it after running out of memory.', nextStep: 'Load the model again; if it happens again, pick a smaller model.' },
  WorkerEngineModelNotLoadedError: { kind: 'device-lost', code: 'model-not-loaded', message: 'The model is no longer loaded: most often the GPU dropped it after running out of memory.', nextStep: 'Load the model again; if it happens again, pick a smaller model.' },
  WebGPUNotAvailableError: NO_WEBGPU,
  WebGPUNotFoundError: NO_WEBGPU,
  ShaderF16SupportError: SHADER_F16,
  ContextWindowSizeExceededError: CONTEXT,
  QuotaExceededError: QUOTA,
  GrammarMatcherInitError: { kind: 'unknown', code: 'grammar-init', message: 'The output grammar could not be prepared for this sentence.', nextStep: 'Run it without the grammar (untick the grammar box), and report the sentence.' },
  UnsupportedTokenizerFilesError: { kind: 'bad-file', code: 'tokenizer-files', message: 'The model’s tokenizer files are not ones WebLLM can read.', nextStep: 'Check the model folder: it needs tokenizer.json (or tokenizer.model), as mlc_llm gen_config writes it.' },
  IntegrityError: { kind: 'bad-file', code: 'integrity', message: 'A downloaded model file does not match its checksum (a broken or changed download).', nextStep: 'Delete the model from the cache and download it again.' },
};

/** Then by word-bounded patterns, for errors the browser or the GPU throws without one of those names. */
const RULES: [RegExp, Failure][] = [
  [STALE_CODE, { kind: 'app-updated', message: 'Part of the app could not be loaded: a new version of GIELLM Web is probably live.', nextStep: 'Reload the page (if you are offline, reconnect first).' }],
  [/^BackendGone\b/, { kind: 'worker-crashed', message: 'The engine stopped (it crashed, stalled or did not answer Stop) and was restarted.', nextStep: 'Load the model again.' }],
  [/requires feature shader-f16|\bshader-f16\b/i, SHADER_F16],
  [/requires feature (\S+), which is not yet supported/, { kind: 'no-adapter', code: 'gpu-feature', message: 'This GPU lacks a WebGPU feature the model needs.', nextStep: 'Pick another model (a q4f32 one needs the fewest features).' }],
  [/\bmaxBufferSize\b|\bmaxStorageBufferBindingSize\b|exceeds limit/, { kind: 'no-adapter', code: 'gpu-limits', message: 'This GPU’s limits (its largest buffer) are too small for WebLLM.', nextStep: 'Update the browser and the GPU driver, or use the CPU engine (a model marked CPU) or an inference server.' }],
  [/WebGPU is not (available|supported)|Cannot find WebGPU|navigator\.gpu is (undefined|not)/i, NO_WEBGPU],
  [/compatible GPU|\bno (GPU )?adapter\b|requestAdapter\(\) returned null/i, { kind: 'no-adapter', message: 'No usable GPU adapter was found.', nextStep: 'Update the GPU driver or enable hardware acceleration, then reload.' }],
  // Chrome's words ("Device is lost", "The device was lost", "GPU device lost"), and OOM as a word, never inside "bloomz" or "room".
  [/\bdevice (was |is |has been )?lost\b|\bDevice lost\b|\bOOM\b|\bout of memory\b/i, DEVICE_LOST],
  [/\bQuota|storage.*(full|quota)/i, QUOTA],
  [/context window/i, CONTEXT],
  [/\bInvalid URL\b/, { kind: 'bad-file', code: 'bad-url', message: 'A model URL is not a valid address.', nextStep: 'Check the model’s weights and library URLs: use https://…, or a same-origin path starting with /.' }],
  [/\b404\b|\bNot Found\b/i, { kind: 'not-found', message: 'A model file was not found on the server (404).', nextStep: 'Check the weights and library URLs of this model.' }],
  [/Unexpected token '<'|is not valid JSON|JSON\.parse|<!doctype/i, { kind: 'bad-file', message: 'The server answered a model file with a web page instead of the file (an SPA fallback or a login page).', nextStep: 'Check the model URLs and that the server does not answer missing files with index.html.' }],
  [/magic word|CompileError|WebAssembly|Cannot find global function|\bwasm\b/i, { kind: 'library', message: 'The model library (.wasm) could not be loaded, or does not match these weights or this WebLLM version.', nextStep: 'Check the library URL; after an upgrade, delete the model from the cache and load it again.' }],
  [/Failed to fetch|NetworkError|\bnetwork\b|\bERR_[A-Z_]+|Load failed|Request failed|\bfetch\b/i, { kind: 'network', message: 'The network failed during the download.', nextStep: 'Check the connection and retry: files already downloaded are kept and not fetched again.' }],
];

const nameOf = (text: string) => /^([A-Z][A-Za-z0-9]*Error)\b/.exec(text)?.[1] ?? null;

/** Maps whatever WebLLM, the worker, a server or the browser threw to a clear message and a next step. */
export function mapEngineError(raw: unknown): EngineFailure {
  // A server's failure is worded where it happened (with the server's own answer): it keeps its words.
  if (raw instanceof ServerError) return { kind: 'server', code: `server-${raw.code}`, message: raw.message, nextStep: '', params: { detail: raw.message } };
  const text = errorText(raw);
  const named = nameOf(text);
  if (named && BY_NAME[named]) return { ...BY_NAME[named] };
  for (const [re, failure] of RULES) {
    const m = re.exec(text);
    if (m) return failure.code === 'gpu-feature' ? { ...failure, params: { feature: m[1]! } } : { ...failure };
  }
  const detail = text.slice(0, 200);
  return { kind: 'unknown', message: 'The model could not be run.', nextStep: `Reload the engine and try again. (${detail})`, params: { detail } };
}

/**
 * A load failure, read with the phase it happened in. Before any weights arrive WebLLM fetches the config
 * and the library and instantiates the library; an error it does not name there comes from the library.
 */
export function mapLoadError(raw: unknown, phase: string, libUrl: string): EngineFailure {
  const f = mapEngineError(raw);
  if (f.kind !== 'unknown' || phase !== 'config') return f;
  const detail = errorText(raw).slice(0, 160);
  return {
    kind: 'library',
    code: 'library-at',
    params: { url: libUrl, detail },
    message: `The model library at ${libUrl} could not be loaded: it is not a WebLLM model library, or not one for this WebLLM version.`,
    nextStep: `Check the library URL for this model. (${detail})`,
  };
}

/** A model file's URL answered with an HTTP error: the words the preflight and the CPU engine both use. */
export function httpFileFailure(url: string, status: number | string, gguf: boolean): EngineFailure | null {
  const s = String(status);
  if (gguf && (s === '404' || s === '410')) return { kind: 'not-found', code: 'gguf-not-found', params: { url, status: s }, message: `The GGUF file is not at ${url} (HTTP ${s}).`, nextStep: 'Check the model URL: for a split model, give the first part (…-00001-of-0000N.gguf).' };
  if (s === '404' || s === '410') return null;
  return { kind: 'network', code: 'http-status', params: { url, status: s }, message: `The server answered ${url} with HTTP ${s}.`, nextStep: 'Retry later, or check the server hosting the model.' };
}

/** What to do with a file that is no GGUF model, for the preflight's and the engine's messages alike. */
export const GGUF_INVALID_NEXT_STEP = 'Pick a .gguf file made by llama.cpp (convert_hf_to_gguf.py); a web page, a partial download or a newer architecture fails here.';

/**
 * wllama's failures as the CPU engine's worker sends them: `WllamaError(<type>): message` with wllama's own
 * error types (its wllama.ts: download_error, load_error, kv_cache_full, version_mismatch…), or the
 * WebAssembly runtime's own words. What is not named here goes to the common rules.
 */
const WLLAMA_RULES: [RegExp, (m: RegExpExecArray) => EngineFailure][] = [
  [/kv_cache_full|context (size|length) (exceeded|too small)|exceeds the available context size/i, () => ({ ...CONTEXT })],
  [/Failed to fetch (\S+): HTTP (\d+)/, (m) => httpFileFailure(m[1]!, m[2]!, true)!],
  [/invalid magic|not a (valid )?GGUF|gguf_init|failed to (load|read) (the )?model|unknown model architecture|error loading model/i, (m) => ({ kind: 'bad-file', code: 'gguf-invalid', params: { detail: m.input.slice(0, 160) }, message: 'The file is not a GGUF model this engine can read.', nextStep: GGUF_INVALID_NEXT_STEP })],
  [/Aborted\(OOM\)|Cannot enlarge memory|out of memory|Array buffer allocation failed|Maximum call stack|memory access out of bounds/i, (m) => ({ kind: 'memory', code: 'cpu-memory', params: { detail: m.input.slice(0, 160) }, message: 'The model did not fit in the memory this browser gives WebAssembly.', nextStep: 'Pick a smaller model (under 2 GB), close other tabs, or run the model on an inference server.' })],
  [/version_mismatch/, () => ({ kind: 'library', code: 'wllama-version', message: 'The CPU engine’s WebAssembly file does not match its code (a half-updated app).', nextStep: 'Reload the page.' })],
];

/** A CPU engine (wllama) failure, worded like the others. */
export function mapWllamaError(raw: unknown): EngineFailure {
  const text = errorText(raw);
  for (const [re, make] of WLLAMA_RULES) {
    const m = re.exec(text);
    if (m) return make(m);
  }
  return mapEngineError(raw);
}
