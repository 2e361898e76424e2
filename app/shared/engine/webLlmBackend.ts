import { toModelRecord, allowedFor } from './modelRecord.ts';
import type { GenerateResult, LlmBackend } from './llmBackend.ts';
import { GRAMMAR_BUDGET } from '../../../src/engine/grammarBudget.ts';
import { webLlmRequest } from './webLlmRequest.ts';
import { appBase } from '../appBase.ts';
import { workerCalls, workerLifecycle } from './workerCalls.ts';
import type { FromWebLlmWorker, ToWebLlmWorker } from './webLlmProtocol.ts';

/**
 * WebLLM behind the seam: web-llm runs in its module worker (worker.ts), reached over a typed protocol
 * (webLlmProtocol.ts). Nothing of web-llm is in the page: this module is a few kilobytes.
 */
export function createWebLlmBackend(): LlmBackend {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'giellm-webllm' });
  const calls = workerCalls<ToWebLlmWorker, FromWebLlmWorker>(worker, (m) => m.report);
  let thinkingOff = false;

  return {
    name: 'webllm',
    grammarBudget: GRAMMAR_BUDGET,
    async load(model, onProgress) {
      const record = toModelRecord(model, appBase());
      thinkingOff = model.noThinking === true;
      await calls.call<void>({ type: 'load', record, allow: allowedFor(record) }, { onProgress });
    },
    generate: (req, onText) => calls.call<GenerateResult>({ type: 'generate', request: webLlmRequest(req, { thinkingOff }) }, { onText }),
    ...workerLifecycle(worker, calls, { crashed: 'the engine worker stopped', stopped: 'BackendGone: the engine was stopped' }),
  };
}
