// Types only from web-llm: this module is tested in Node against web-llm's own request check.
import type { ChatCompletionRequestStreaming } from '@mlc-ai/web-llm';
import { greedy } from '../../../src/engine/server.ts';
import type { GenerateRequest } from './llmBackend.ts';

/** The chat completion web-llm 0.2.86 gets for one generation: greedy pinned, the profile's stop strings, the grammar. */
export function webLlmRequest(req: GenerateRequest, opts: { thinkingOff: boolean }): ChatCompletionRequestStreaming {
  return {
    messages: req.messages,
    stream: true,
    stream_options: { include_usage: true },
    ...greedy('webllm'),
    max_tokens: req.maxTokens,
    ...(req.stop.length ? { stop: [...req.stop] } : {}),
    // Qwen3's template then opens the answer with an empty <think></think> (web-llm 0.2.86, lib/index.js).
    ...(opts.thinkingOff ? { extra_body: { enable_thinking: false } } : {}),
    ...(req.grammar ? { response_format: { type: 'grammar', grammar: req.grammar } } : {}),
  };
}
