import type { PromptMode } from '../models/catalog.ts';
import { finishReasonOf, type Generate, type GenerateRequest, type Usage } from './backend.ts';

// An OpenAI-compatible inference server (llama.cpp's llama-server, vLLM, Ollama, LM Studio, MLC serve) as
// an engine: GIELLM mode sends `buildInput(…)` as is to /v1/completions; prompted mode sends the same
// instruction and examples as the browser to /v1/chat/completions. Greedy decoding is pinned in every
// server's own fields; constrained decoding goes in the field the detected server reads.

export type ServerKind = 'llama.cpp' | 'vllm' | 'ollama' | 'openai-compatible';

export interface ServerConfig {
  /** The server's base URL, e.g. http://127.0.0.1:8080 (a trailing /v1 is accepted). */
  url: string;
  /** The model name to request (llama.cpp serves one model and accepts any name). */
  model: string;
  mode: PromptMode;
  /** Sent as `Authorization: Bearer …`; never stored with exports. */
  apiKey?: string;
  /** Milliseconds before a request that has not finished is abandoned. */
  timeoutMs?: number;
  /** Attempts after the first on a refused connection, 429 or 5xx. */
  retries?: number;
  fetch?: typeof fetch;
}

export interface ServerInfo {
  kind: ServerKind;
  version: string | null;
  /** The models the server lists (its /v1/models), when it lists any. */
  models: string[];
  /** Where the grammar goes; null when the server has no grammar field (decoding is then unconstrained). */
  grammarField: 'grammar' | 'structured_outputs' | 'guided_grammar' | null;
}

export type ServerErrorCode = 'unreachable' | 'blocked' | 'http' | 'unknown-model' | 'no-completions' | 'timeout' | 'dropped' | 'bad-stream';

/** A server failure with a code, its parameters and a sentence a person can act on. */
export class ServerError extends Error {
  constructor(
    readonly code: ServerErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

const base = (url: string) => url.replace(/\/+$/, '').replace(/\/v1$/, '');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Major.minor.patch of a version string, for comparing; unknown parts count as 0. */
export function versionAtLeast(version: string | null, min: [number, number, number]): boolean {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(version ?? '');
  if (!m) return false;
  const v = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  for (let i = 0; i < 3; i++) if (v[i] !== min[i]) return v[i]! > min[i]!;
  return true;
}

/**
 * vLLM removed `guided_grammar` in 0.12 (docs.vllm.ai, features/structured_outputs: "deprecated API fields
 * which were removed in v0.12.0"), and a field it does not know is ignored with HTTP 200: the output comes
 * back unconstrained. `structured_outputs` is read from 0.11 on; older servers get `guided_grammar`.
 */
export const vllmGrammarField = (version: string | null) => (version === null || versionAtLeast(version, [0, 11, 0]) ? 'structured_outputs' : 'guided_grammar');

async function getJson(cfg: ServerConfig, path: string): Promise<unknown> {
  const f = cfg.fetch ?? fetch;
  try {
    const r = await f(`${base(cfg.url)}${path}`, { headers: headers(cfg), signal: AbortSignal.timeout(cfg.timeoutMs ?? 10_000) });
    if (!r.ok) return null;
    return await r.json().catch(() => null);
  } catch {
    return null;
  }
}

const headers = (cfg: ServerConfig): Record<string, string> => ({ 'content-type': 'application/json', ...(cfg.apiKey ? { authorization: `Bearer ${cfg.apiKey}` } : {}) });

/**
 * Tells the server apart by its own endpoints: llama.cpp answers /props (with `build_info`), vLLM /version,
 * Ollama /api/version; anything else that lists /v1/models is OpenAI-compatible. Throws when nothing answers.
 */
export async function detectServer(cfg: ServerConfig): Promise<ServerInfo> {
  const [props, vllm, ollama, models] = await Promise.all([getJson(cfg, '/props'), getJson(cfg, '/version'), getJson(cfg, '/api/version'), getJson(cfg, '/v1/models')]);
  const ids = ((models as { data?: { id?: unknown }[] } | null)?.data ?? []).map((m) => m.id).filter((x): x is string => typeof x === 'string');
  const version = (o: unknown) => (typeof (o as { version?: unknown })?.version === 'string' ? (o as { version: string }).version : null);
  if (props && typeof props === 'object' && ('build_info' in props || 'default_generation_settings' in props)) {
    const build = (props as { build_info?: unknown }).build_info;
    return { kind: 'llama.cpp', version: typeof build === 'string' ? build : null, models: ids, grammarField: 'grammar' };
  }
  if (version(ollama)) return { kind: 'ollama', version: version(ollama), models: ids, grammarField: null };
  if (version(vllm)) return { kind: 'vllm', version: version(vllm), models: ids, grammarField: vllmGrammarField(version(vllm)) };
  if (models) return { kind: 'openai-compatible', version: null, models: ids, grammarField: null };
  throw new ServerError('unreachable', `Could not reach a server at ${base(cfg.url)}: nothing answered /props, /version, /api/version or /v1/models. Check the URL and that the server is running (and, from the browser, that it allows this site with CORS).`, { url: base(cfg.url) });
}

/**
 * Whether the server knows a model name: llama-server serves its one model whatever the name asked
 * (`unchecked`); the others refuse a name their /v1/models does not list (`no`).
 */
export function modelKnown(info: ServerInfo, name: string): 'yes' | 'no' | 'unchecked' {
  if (info.models.length === 0 || info.models.includes(name)) return 'yes';
  return info.kind === 'llama.cpp' ? 'unchecked' : 'no';
}

/**
 * Greedy, in the fields each engine reads: nothing is left to a model's or server's defaults. WebLLM
 * (0.2.86) merges mlc-chat-config.json under the request, so a Qwen2.5 build's repetition_penalty 1.05 would
 * penalise repeated labels and separators unless the request says 1; it clamps temperature 0 to 1e-6 and
 * still samples, so a fixed seed makes its ties come out the same every run (its lib/index.js, sampling).
 */
export function greedy(kind: ServerKind | 'webllm'): Record<string, unknown> {
  const common = { temperature: 0, top_p: 1, presence_penalty: 0, frequency_penalty: 0, seed: 0 };
  // cache_prompt: llama.cpp keeps a slot's KV cache and prefills only what differs from its last prompt, so a
  // prompted batch pays for the instruction and examples once per slot, not once per sentence (its
  // tools/server/README.md: `cache_prompt`, default true; said here so no build's default decides it).
  if (kind === 'llama.cpp') return { ...common, top_k: 1, min_p: 0, repeat_penalty: 1, cache_prompt: true };
  if (kind === 'vllm') return { ...common, top_k: -1, repetition_penalty: 1 };
  if (kind === 'webllm') return { ...common, repetition_penalty: 1 };
  return common;
}

function grammarFields(info: ServerInfo, grammar: string | null): Record<string, unknown> {
  if (!grammar || !info.grammarField) return {};
  if (info.grammarField === 'structured_outputs') return { structured_outputs: { grammar } };
  return { [info.grammarField]: grammar };
}

/** Reads a server-sent-events body: each `data:` line's JSON, until `[DONE]` or the end. */
async function* sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<Record<string, unknown>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // A character split across chunks waits for its other bytes.
      buffer += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, nl).replace(/\r$/, '');
        buffer = buffer.slice(nl + 1);
        if (!line.startsWith('data:')) continue;
        const data = line.slice(5).trim();
        if (data === '[DONE]') return;
        try {
          yield JSON.parse(data) as Record<string, unknown>;
        } catch {
          throw new ServerError('bad-stream', `The server sent a stream event that is not JSON: ${data.slice(0, 200)}`);
        }
      }
    }
  } finally {
    // Ended at [DONE], by an error or by the reader: the response is let go at once, so a batch's next request
    // never overlaps one whose body is still open (the request slot is free when the answer is).
    await reader.cancel().catch(() => undefined);
  }
}

const describeHttp = (status: number, body: string, path: string, model: string): ServerError => {
  const text = body.slice(0, 500);
  if ((status === 404 || status === 400) && /model/i.test(text) && /(not found|does not exist|unknown|no such)/i.test(text)) {
    return new ServerError('unknown-model', `The server has no model named "${model}" (HTTP ${status}: ${text}). Use a name from its /v1/models.`, { status, model });
  }
  if (status === 404) return new ServerError('no-completions', `The server has no ${path} (HTTP 404: ${text}). Use an OpenAI-compatible server (vLLM, llama-server, Ollama), or the other mode.`, { status, path });
  return new ServerError('http', `The server answered HTTP ${status}: ${text || '(no body)'}`, { status });
};

/** The request body for one generation, exactly as it is sent (the benchmark sends the same). */
export function requestBody(cfg: ServerConfig, info: ServerInfo, req: GenerateRequest): Record<string, unknown> {
  return {
    model: cfg.model,
    ...(cfg.mode === 'giellm' ? { prompt: req.prompt ?? req.messages[0]!.content } : { messages: req.messages }),
    max_tokens: req.maxTokens,
    ...(req.stop.length ? { stop: [...req.stop] } : {}),
    stream: true,
    ...(info.kind === 'vllm' ? { stream_options: { include_usage: true } } : {}),
    ...greedy(info.kind),
    ...grammarFields(info, req.grammar),
  };
}

/**
 * The request llama.cpp's server context reads, without the HTTP parts: llama-server gets it over HTTP, wllama
 * (the same server context compiled to WebAssembly, its wllama.ts createCompletion) as the options of a call.
 */
export function llamaCppBody(mode: PromptMode, req: GenerateRequest): Record<string, unknown> {
  const body = requestBody({ url: '', model: '', mode }, LLAMA_CPP, req);
  delete body.model;
  delete body.stream;
  return body;
}

const LLAMA_CPP: ServerInfo = { kind: 'llama.cpp', version: null, models: [], grammarField: 'grammar' };

/** The endpoint a mode posts to. */
export const endpointOf = (mode: PromptMode) => (mode === 'giellm' ? '/v1/completions' : '/v1/chat/completions');

/**
 * The server as a `Generate`: one streamed request per call, retried with backoff on a refused connection,
 * 429 or 5xx before any text came; Stop (the signal) ends it with what was generated so far.
 */
export function serverGenerate(cfg: ServerConfig, info: ServerInfo, signal?: () => AbortSignal | undefined): Generate {
  const f = cfg.fetch ?? fetch;
  const path = endpointOf(cfg.mode);
  const timeoutMs = cfg.timeoutMs ?? 120_000;
  const retries = cfg.retries ?? 3;
  return async (req, onText) => {
    const body = requestBody(cfg, info, req);
    const stop = signal?.();
    let attempt = 0;
    /** Waits before the next attempt (0.5, 1, 2 s…), or says there is none left. */
    const retry = async () => {
      if (attempt++ >= retries) return false;
      await sleep(250 * 2 ** attempt);
      return true;
    };
    for (;;) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signals = stop ? AbortSignal.any([stop, timeout]) : timeout;
      let res: Response;
      try {
        res = await f(`${base(cfg.url)}${path}`, { method: 'POST', headers: headers(cfg), body: JSON.stringify(body), signal: signals });
      } catch (e) {
        if (stop?.aborted) return { text: '', finishReason: 'abort', usage: null };
        if (timeout.aborted) throw new ServerError('timeout', `The server did not answer within ${timeoutMs / 1000} s.`);
        if (await retry()) continue;
        throw new ServerError('unreachable', `Could not connect to ${base(cfg.url)} (${(e as Error).cause ? String(((e as Error).cause as Error).message ?? (e as Error).cause) : (e as Error).message}). Check that the server is running and the URL; from the browser, also that the server allows this site (CORS).`, { url: base(cfg.url) });
      }
      if (!res.ok) {
        const text = await res.text().catch(() => '');
        if ((res.status === 429 || res.status >= 500) && (await retry())) continue;
        throw describeHttp(res.status, text, path, cfg.model);
      }
      let text = '';
      let reason: unknown = null;
      let usage = null as Usage | null;
      try {
        for await (const event of sseEvents(res.body!)) {
          const choice = (event.choices as { text?: string; delta?: { content?: string }; finish_reason?: unknown }[] | undefined)?.[0];
          const delta = choice?.text ?? choice?.delta?.content ?? '';
          if (delta) {
            text += delta;
            onText(text);
          }
          if (choice?.finish_reason) reason = choice.finish_reason;
          const u = event.usage as { prompt_tokens?: number; completion_tokens?: number } | undefined;
          const t = event.timings as { predicted_per_second?: number; prompt_per_second?: number; prompt_ms?: number } | undefined;
          if (u || t) {
            usage = {
              promptTokens: u?.prompt_tokens ?? usage?.promptTokens ?? 0,
              completionTokens: u?.completion_tokens ?? usage?.completionTokens ?? 0,
              prefillTokensPerS: t?.prompt_per_second ?? usage?.prefillTokensPerS ?? null,
              decodeTokensPerS: t?.predicted_per_second ?? usage?.decodeTokensPerS ?? null,
              timeToFirstTokenS: t?.prompt_ms !== undefined ? t.prompt_ms / 1000 : (usage?.timeToFirstTokenS ?? null),
              e2eLatencyS: usage?.e2eLatencyS ?? null,
            };
          }
        }
      } catch (e) {
        if (stop?.aborted) return { text, finishReason: 'abort', usage };
        if (e instanceof ServerError) throw e;
        if (timeout.aborted) throw new ServerError('timeout', `The server stopped answering within ${timeoutMs / 1000} s.`);
        throw new ServerError('dropped', `The connection to the server dropped mid-answer (${(e as Error).message}); ${text.length} characters had come.`);
      }
      if (reason === null && !stop?.aborted) throw new ServerError('dropped', `The server's answer ended without saying it was finished; ${text.length} characters had come.`);
      return { text, finishReason: stop?.aborted ? 'abort' : finishReasonOf(reason), usage };
    }
  };
}

/** How decoding is constrained on this server, in words for the run details. */
export function grammarNote(info: ServerInfo): string {
  if (info.grammarField === 'grammar') return 'grammar: llama.cpp `grammar` (GBNF)';
  if (info.grammarField === 'structured_outputs') return `grammar: vLLM \`structured_outputs.grammar\`${info.version ? ` (vLLM ${info.version})` : ''}`;
  if (info.grammarField === 'guided_grammar') return `grammar: vLLM \`guided_grammar\` (vLLM ${info.version}, before 0.11)`;
  return `no grammar field on ${info.kind === 'ollama' ? 'Ollama' : 'this server'}: decoding is unconstrained; outputs are parsed as they come`;
}
