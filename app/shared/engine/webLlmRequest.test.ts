import { describe, expect, it } from 'vitest';
import { postInitAndCheckFieldsChatCompletion } from '@mlc-ai/web-llm';
import { webLlmRequest } from './webLlmRequest.ts';
import { DEFAULT_PROFILE, buildGrammar } from '../../../src/index.ts';

const req = { messages: [{ role: 'user' as const, content: '東京に行く。\n<社会><文芸><学問><技術><自然>\n固有表現抽出' }], prompt: null, grammar: buildGrammar('ner', DEFAULT_PROFILE, '東京に行く。'), maxTokens: 256, stop: DEFAULT_PROFILE.stopStrings };

describe('the request web-llm gets', () => {
  it('passes web-llm 0.2.86’s own request check, with greedy pinned, the stop strings and the grammar', () => {
    const r = webLlmRequest(req, { thinkingOff: true });
    // web-llm's own validation of a chat completion (it throws on a field it does not take).
    expect(() => postInitAndCheckFieldsChatCompletion(structuredClone(r), 'Qwen3-0.6B-q4f32_1-MLC', 'LLM' as never)).not.toThrow();
    // The check is real: a field web-llm refuses fails it.
    expect(() => postInitAndCheckFieldsChatCompletion({ ...structuredClone(r), seed: 0.5 }, 'Qwen3-0.6B-q4f32_1-MLC', 'LLM' as never)).toThrow();
    expect(r).toMatchObject({ stream: true, temperature: 0, top_p: 1, seed: 0, repetition_penalty: 1, max_tokens: 256, stop: ['</s>', '<|endoftext|>', '<eos>'], extra_body: { enable_thinking: false }, response_format: { type: 'grammar', grammar: req.grammar } });
  });

  it('sends no stop, grammar or thinking switch when there are none', () => {
    const r = webLlmRequest({ ...req, grammar: null, stop: [] }, { thinkingOff: false });
    expect(() => postInitAndCheckFieldsChatCompletion(structuredClone(r), 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC', 'LLM' as never)).not.toThrow();
    expect(Object.keys(r)).not.toEqual(expect.arrayContaining(['stop']));
    expect(r).not.toHaveProperty('response_format');
    expect(r).not.toHaveProperty('extra_body');
  });
});
