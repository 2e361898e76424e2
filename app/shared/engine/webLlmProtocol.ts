// The typed messages between the page (webLlmBackend.ts) and the WebLLM worker (worker.ts). The page holds
// no web-llm code: web-llm's own RPC client would bring the whole 6 MB library into the page a second time.
import type { ChatCompletionRequestStreaming, InitProgressReport, ModelRecord } from '@mlc-ai/web-llm';
import type { GenerateResult } from './llmBackend.ts';

export type ToWebLlmWorker =
  /** `record` is the app's; the worker lays it over web-llm's own prebuilt record of the same model. */
  | { type: 'load'; id: number; record: ModelRecord; allow: string[] }
  | { type: 'generate'; id: number; request: ChatCompletionRequestStreaming }
  | { type: 'interrupt' }
  | { type: 'unload'; id: number };

export type FromWebLlmWorker =
  | { type: 'progress'; id: number; report: InitProgressReport }
  | { type: 'loaded'; id: number }
  | { type: 'text'; id: number; text: string }
  | { type: 'done'; id: number; result: GenerateResult }
  | { type: 'unloaded'; id: number }
  /** web-llm's error as its own worker handler sends it: `String(err)`, "Name: message" (errors.ts reads that). */
  | { type: 'error'; id: number; error: string };
