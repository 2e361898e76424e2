import { WebWorkerMLCEngine, prebuiltAppConfig, type ChatCompletionChunk } from '@mlc-ai/web-llm';
import { appConfigFor } from './modelRecord.ts';
import { webLlmRequest } from './webLlmRequest.ts';
import type { AllowMessage } from './connectPolicy.ts';
import type { LlmBackend, Usage } from './llmBackend.ts';
import { finishReasonOf } from '../../../src/engine/backend.ts';
import { GRAMMAR_BUDGET } from '../../../src/engine/grammarBudget.ts';
import { appBase } from '../appBase.ts';
import { watchWorkerCrash } from './workerCrash.ts';

export function createWebLlmBackend(): LlmBackend {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'giellm-webllm' });
  const crash = watchWorkerCrash(worker, 'the engine worker stopped');
  const engine = new WebWorkerMLCEngine(worker);
  // web-llm clears its interrupt flag when a request starts (0.2.86, lib/index.js): a Stop pressed between
  // create() and the first chunk would be lost, so it is sent again with that chunk.
  let stopAsked = false;
  let thinkingOff = false;

  return {
    name: 'webllm',
    grammarBudget: GRAMMAR_BUDGET,
    async load(model, onProgress) {
      const config = appConfigFor([model], appBase(), prebuiltAppConfig.model_list);
      // Before web-llm's own messages: what the worker may fetch for this model (connectPolicy.ts).
      worker.postMessage({ kind: 'giellm:allow', prefixes: config.model_list.flatMap((r) => [r.model.endsWith('/') ? r.model : `${r.model}/`, r.model_lib]) } satisfies AllowMessage);
      engine.setAppConfig(config);
      engine.setInitProgressCallback(onProgress);
      thinkingOff = model.noThinking === true;
      await engine.reload(model.id);
    },
    async generate(req, onText) {
      stopAsked = false;
      let resent = false;
      const stream = await engine.chat.completions.create(webLlmRequest(req, { thinkingOff }));
      let text = '';
      let reason: string | null | undefined;
      let usage: Usage | null = null;
      for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
        if (stopAsked && !resent) {
          resent = true;
          engine.interruptGenerate();
        }
        const delta = chunk.choices[0]?.delta?.content ?? '';
        if (delta) {
          text += delta;
          onText(text);
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
      return { text, finishReason: finishReasonOf(reason), usage };
    },
    interrupt: () => {
      stopAsked = true;
      engine.interruptGenerate();
    },
    unload: () => engine.unload(),
    dispose: () => worker.terminate(),
    onCrash: crash.onCrash,
  };
}
