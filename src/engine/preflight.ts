import { GGUF_INVALID_NEXT_STEP, httpFileFailure, type EngineFailure } from './errors.ts';

/** What a fetch of a model file showed: enough to tell a missing file, a web page or a wrong format. */
export interface FileProbe {
  url: string;
  status: number;
  contentType: string;
  /** The first bytes of the body (a config is read whole; a library only its head). */
  head: Uint8Array;
}

const REQUIRED_CONFIG = ['tokenizer_files', 'conv_template', 'context_window_size', 'vocab_size'];

function httpFailure(which: 'config' | 'library' | 'gguf', p: FileProbe): EngineFailure | null {
  const file = which === 'config' ? 'mlc-chat-config.json' : which === 'library' ? 'the model library (.wasm)' : 'the GGUF file';
  const status = String(p.status);
  if (p.status < 200 || p.status >= 300) {
    return httpFileFailure(p.url, p.status, which === 'gguf') ?? { kind: 'not-found', code: `${which}-not-found`, params: { url: p.url, status }, message: `${file} was not found at ${p.url} (HTTP ${p.status}).`, nextStep: 'Check the model’s URLs: the weights folder must hold resolve/main/mlc-chat-config.json.' };
  }
  const start = new TextDecoder().decode(p.head.subarray(0, 64)).trimStart().toLowerCase();
  if (p.contentType.includes('text/html') || start.startsWith('<!doctype') || start.startsWith('<html')) {
    return {
      kind: 'bad-file',
      code: `${which}-web-page`,
      params: { url: p.url },
      message: `${p.url} answered with a web page instead of ${file} (an SPA fallback or a login page).`,
      nextStep: 'Check the URL; a static server must answer missing files with 404, not index.html.',
    };
  }
  return null;
}

/** Checks mlc-chat-config.json before WebLLM caches it: a bad answer would poison the cache. */
export function checkConfig(p: FileProbe): EngineFailure | null {
  const http = httpFailure('config', p);
  if (http) return http;
  let config: unknown;
  try {
    config = JSON.parse(new TextDecoder().decode(p.head));
  } catch (e) {
    return { kind: 'bad-file', code: 'config-json', params: { url: p.url, error: (e as Error).message }, message: `mlc-chat-config.json at ${p.url} is not valid JSON (${(e as Error).message}).`, nextStep: 'Regenerate it with mlc_llm gen_config.' };
  }
  const missing = REQUIRED_CONFIG.filter((k) => typeof config !== 'object' || config === null || !(k in config));
  if (missing.length) {
    return { kind: 'bad-file', code: 'config-missing', params: { url: p.url, missing: missing.join(', ') }, message: `mlc-chat-config.json at ${p.url} lacks ${missing.join(', ')}.`, nextStep: 'Regenerate it with mlc_llm gen_config.' };
  }
  return null;
}

/** Checks the head of the model library: it must be WebAssembly. */
export function checkLibrary(p: FileProbe): EngineFailure | null {
  const http = httpFailure('library', p);
  if (http) return http;
  const magic = [0x00, 0x61, 0x73, 0x6d];
  if (p.head.length < 4 || magic.some((b, i) => p.head[i] !== b)) {
    return { kind: 'library', code: 'not-wasm', params: { url: p.url }, message: `The model library at ${p.url} is not a WebAssembly file.`, nextStep: 'Check the library URL: it must point at the compiled .wasm for this model.' };
  }
  return null;
}

/** Checks the head of a GGUF file before wllama downloads and caches it: it must start with the magic "GGUF". */
export function checkGguf(p: FileProbe): EngineFailure | null {
  const http = httpFailure('gguf', p);
  if (http) return http;
  if (new TextDecoder().decode(p.head.subarray(0, 4)) !== 'GGUF') {
    return { kind: 'bad-file', code: 'gguf-invalid', params: { url: p.url, detail: p.url }, message: `${p.url} is not a GGUF model file (it does not start with "GGUF").`, nextStep: GGUF_INVALID_NEXT_STEP };
  }
  return null;
}
