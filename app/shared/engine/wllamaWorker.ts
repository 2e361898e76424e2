// The CPU engine's module worker: wllama (llama.cpp compiled to WebAssembly) for the app's life. wllama runs
// llama.cpp in workers of its own, made from blob: URLs; this worker's CSP (the header its script is served
// with, README: Security) allows those and nothing else. Messages: wllamaProtocol.ts.
import { Wllama, WllamaAbortError, type ChatCompletionChunk, type RawCompletionChunk } from '@wllama/wllama';
import wasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import { llamaCppBody } from '../../../src/engine/server.ts';
import { guardWorkerNetwork } from './connectPolicy.ts';
import type { FromWllamaWorker, ToWllamaWorker, WllamaGenerateRequest, WllamaLoadRequest } from './wllamaProtocol.ts';
import type { Usage } from './llmBackend.ts';
import { finishReasonOf } from '../../../src/engine/backend.ts';
import { latestEvery, WORKER_TEXT_EVERY_MS } from '../../../src/engine/latestEvery.ts';

let prefixes: string[] = [];
guardWorkerNetwork(self, () => prefixes);

const post = (m: FromWllamaWorker) => self.postMessage(m);
const wasm = new URL(wasmUrl, self.location.href).href;
let wllama: Wllama | null = null;
let current: AbortController | null = null;

const errorString = (e: unknown) => {
  if (e instanceof Error) return `${e.name}${'type' in e ? `(${String((e as { type: unknown }).type)})` : ''}: ${e.message}`;
  return String(e);
};

async function load(req: WllamaLoadRequest) {
  prefixes = req.allow;
  await wllama?.exit().catch(() => undefined);
  // Offline: a model in the cache loads without asking the network (its ModelManager.getModelOrDownload).
  const w = new Wllama({ default: wasm }, { suppressNativeLog: true, allowOffline: true, parallelDownloads: 3 });
  wllama = w;
  const params = { n_ctx: req.contextWindow, n_threads: req.threads, n_gpu_layers: 0, n_parallel: 1, seed: 0 };
  const cached = req.files.length === 0 && (await w.modelManager.getModels()).some((m) => m.url === req.urls[0]);
  const source = req.files.length ? 'file' : cached ? 'cache' : 'download';
  if (req.files.length) {
    post({ type: 'progress', id: req.id, phase: 'load', loaded: 0, total: 1 });
    await w.loadModel(req.files, params);
  } else {
    const phase = cached ? 'cache' : 'fetch';
    // A split model is named by its first part: wllama finds the others (its ModelManager.parseModelUrl).
    await w.loadModelFromUrl(req.urls[0]!, {
      ...params,
      progressCallback: ({ loaded, total }) => post({ type: 'progress', id: req.id, phase, loaded, total }),
    });
  }
  post({ type: 'loaded', id: req.id, info: { threads: w.getNumThreads(), multiThread: w.isMultithread(), chatTemplate: w.getChatTemplate() !== null, source } });
}

async function generate(req: WllamaGenerateRequest) {
  if (!wllama) throw new Error('ModelNotLoadedError: no model is loaded');
  const controller = new AbortController();
  current = controller;
  const mode = req.prompt !== null ? 'giellm' : 'prompted';
  // The same request llama-server gets (greedy pinned, the grammar as GBNF): one prompt for both engines.
  const body = llamaCppBody(mode, { messages: req.messages, prompt: req.prompt, grammar: req.grammar, maxTokens: req.maxTokens, stop: req.stop });
  let text = '';
  const pacer = latestEvery((t: string) => post({ type: 'text', id: req.id, text: t }), WORKER_TEXT_EVERY_MS);
  let reason: string | null = null;
  let usage: Usage | null = null;
  const onChunk = (chunk: RawCompletionChunk | ChatCompletionChunk) => {
    const choice = chunk.choices[0] as { text?: string; delta?: { content?: string | null }; finish_reason?: string | null } | undefined;
    const delta = choice?.text ?? choice?.delta?.content ?? '';
    if (delta) {
      text += delta;
      pacer.push(text);
    }
    if (choice?.finish_reason) reason = choice.finish_reason;
    const t = chunk.timings;
    if (t || chunk.usage) {
      usage = {
        promptTokens: chunk.usage?.prompt_tokens ?? t?.prompt_n ?? 0,
        completionTokens: chunk.usage?.completion_tokens ?? t?.predicted_n ?? 0,
        prefillTokensPerS: t?.prompt_per_second ?? null,
        decodeTokensPerS: t?.predicted_per_second ?? null,
        timeToFirstTokenS: t ? t.prompt_ms / 1000 : null,
        e2eLatencyS: t ? (t.prompt_ms + t.predicted_ms) / 1000 : null,
      };
    }
  };
  try {
    if (mode === 'giellm') await wllama.createCompletion({ ...(body as { prompt: string }), stream: true, abortSignal: controller.signal, onData: onChunk });
    else await wllama.createChatCompletion({ ...(body as { messages: WllamaGenerateRequest['messages'] }), stream: true, abortSignal: controller.signal, onData: onChunk });
  } catch (e) {
    if (!(e instanceof WllamaAbortError) && !controller.signal.aborted) throw e;
    return post({ type: 'done', id: req.id, result: { text, finishReason: 'abort', usage } });
  } finally {
    pacer.drop(); // the result (or the error) carries the whole text: nothing held back is sent after it
    if (current === controller) current = null;
  }
  post({ type: 'done', id: req.id, result: { text, finishReason: controller.signal.aborted ? 'abort' : finishReasonOf(reason), usage } });
}

self.onmessage = (event: MessageEvent<ToWllamaWorker>) => {
  const msg = event.data;
  if (msg.type === 'interrupt') return current?.abort();
  const task = msg.type === 'load' ? load(msg) : msg.type === 'generate' ? generate(msg) : (current?.abort(), (wllama?.exit() ?? Promise.resolve()).then(() => ((wllama = null), post({ type: 'unloaded', id: msg.id }))));
  task.catch((e: unknown) => post({ type: 'error', id: msg.id, error: errorString(e) }));
};
