// The WebLLM worker: web-llm's engine (MLCEngine) runs here for the app's life and speaks the app's own typed
// protocol (webLlmProtocol.ts), so the page needs no web-llm code at all.
import { MLCEngine, prebuiltAppConfig, type ChatCompletionChunk } from '@mlc-ai/web-llm';
import { guardWorkerNetwork } from './connectPolicy.ts';
import { appConfigFor, overPrebuilt } from './modelRecord.ts';
import type { FromWebLlmWorker, ToWebLlmWorker } from './webLlmProtocol.ts';
import type { Usage } from './llmBackend.ts';
import { finishReasonOf } from '../../../src/engine/backend.ts';
import { latestEvery, WORKER_TEXT_EVERY_MS } from '../../../src/engine/latestEvery.ts';

// What this worker may fetch (connectPolicy.ts): set with each load.
let prefixes: string[] = [];
guardWorkerNetwork(self, () => prefixes);

const post = (m: FromWebLlmWorker) => self.postMessage(m);
const engine = new MLCEngine();
let loading = 0;
engine.setInitProgressCallback((report) => post({ type: 'progress', id: loading, report }));
// web-llm clears its interrupt flag when a request starts (0.2.86, lib/index.js): a Stop that comes between
// create() and the first chunk would be lost, so it is given again with that chunk.
let stopAsked = false;

async function load(m: Extract<ToWebLlmWorker, { type: 'load' }>) {
  prefixes = m.allow;
  loading = m.id;
  const record = overPrebuilt(m.record, prebuiltAppConfig.model_list);
  engine.setAppConfig(appConfigFor([record]));
  await engine.reload(record.model_id);
  post({ type: 'loaded', id: m.id });
}

async function generate(m: Extract<ToWebLlmWorker, { type: 'generate' }>) {
  stopAsked = false;
  let resent = false;
  const stream = await engine.chat.completions.create(m.request);
  let text = '';
  const pacer = latestEvery((t: string) => post({ type: 'text', id: m.id, text: t }), WORKER_TEXT_EVERY_MS);
  let reason: string | null | undefined;
  let usage: Usage | null = null;
  try {
    for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
      if (stopAsked && !resent) {
        resent = true;
        void engine.interruptGenerate();
      }
      const delta = chunk.choices[0]?.delta?.content ?? '';
      if (delta) {
        text += delta;
        pacer.push(text);
      }
      reason = chunk.choices[0]?.finish_reason ?? reason;
      if (chunk.usage) {
        const extra: Partial<typeof chunk.usage.extra> = chunk.usage.extra ?? {};
        usage = {
          promptTokens: chunk.usage.prompt_tokens,
          completionTokens: chunk.usage.completion_tokens,
          prefillTokensPerS: extra.prefill_tokens_per_s ?? null,
          decodeTokensPerS: extra.decode_tokens_per_s ?? null,
          timeToFirstTokenS: extra.time_to_first_token_s ?? null,
          e2eLatencyS: extra.e2e_latency_s ?? null,
        };
      }
    }
  } finally {
    pacer.drop(); // the result (or the error) carries the whole text: nothing held back is sent after it
  }
  post({ type: 'done', id: m.id, result: { text, finishReason: finishReasonOf(reason), usage } });
}

self.onmessage = (event: MessageEvent<ToWebLlmWorker>) => {
  const m = event.data;
  if (m.type === 'interrupt') {
    stopAsked = true;
    void engine.interruptGenerate();
    return;
  }
  const task = m.type === 'load' ? load(m) : m.type === 'generate' ? generate(m) : engine.unload().then(() => post({ type: 'unloaded', id: m.id }));
  // As web-llm's own worker handler sends an error (its handleTask: err.toString()).
  task.catch((e: unknown) => post({ type: 'error', id: m.id, error: String(e) }));
};
