import { describe, expect, it } from 'vitest';
import { detectServer, grammarNote, greedy, modelKnown, serverGenerate, versionAtLeast, vllmGrammarField, type ServerConfig } from './server.ts';

// vLLM and Ollama cannot run on these machines: their answers stand in at `fetch`, shaped as their docs
// give them (vLLM /version, Ollama /api/version); llama-server itself runs in src/cli/annotate.test.ts.
const sse = (events: unknown[]) => new Response(events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join('') + 'data: [DONE]\n\n', { headers: { 'content-type': 'text/event-stream' } });
function fakeServer(routes: Record<string, unknown>, bodies: unknown[]): typeof fetch {
  return (async (url: string | URL, init?: RequestInit) => {
    const path = new URL(String(url)).pathname;
    if (init?.method === 'POST') {
      bodies.push(JSON.parse(String(init.body)));
      return sse([{ choices: [{ text: '<社会>固有表現抽出' }] }, { choices: [{ text: ':地名;東京', finish_reason: 'stop' }] }]);
    }
    return path in routes ? Response.json(routes[path]) : new Response('not found', { status: 404 });
  }) as typeof fetch;
}
const cfg = (f: typeof fetch): ServerConfig => ({ url: 'http://gpu:8000/v1', model: 'm', mode: 'giellm', fetch: f, retries: 0 });
const request = { messages: [{ role: 'user' as const, content: '東京\n<社会>\n固有表現抽出' }], prompt: '東京\n<社会>\n固有表現抽出', grammar: 'root ::= "x"', maxTokens: 32, stop: ['</s>', '<|endoftext|>'] };

describe('OpenAI-compatible servers', () => {
  it('tells vLLM by its version and puts the grammar where that version reads it', async () => {
    expect(vllmGrammarField('0.10.1')).toBe('guided_grammar');
    expect(vllmGrammarField('0.11.0')).toBe('structured_outputs');
    expect(versionAtLeast('0.12.0rc1', [0, 11, 0])).toBe(true);
    const bodies: unknown[] = [];
    const f = fakeServer({ '/version': { version: '0.12.1' }, '/v1/models': { data: [{ id: 'ganchengguang/GIELLM-13b' }] } }, bodies);
    const info = await detectServer(cfg(f));
    expect(info).toEqual({ kind: 'vllm', version: '0.12.1', models: ['ganchengguang/GIELLM-13b'], grammarField: 'structured_outputs' });
    const r = await serverGenerate(cfg(f), info)(request, () => undefined);
    expect(r).toMatchObject({ text: '<社会>固有表現抽出:地名;東京', finishReason: 'stop' });
    // The prompt exactly as built, greedy pinned, the grammar in structured_outputs, never guided_grammar.
    expect(bodies[0]).toMatchObject({ model: 'm', prompt: request.prompt, temperature: 0, top_p: 1, repetition_penalty: 1, structured_outputs: { grammar: request.grammar }, stop: ['</s>', '<|endoftext|>'] });
    expect(bodies[0]).not.toHaveProperty('guided_grammar');
    expect(grammarNote(info)).toBe('grammar: vLLM `structured_outputs.grammar` (vLLM 0.12.1)');
  });

  it('sends Ollama no grammar field, and says decoding is unconstrained', async () => {
    const bodies: unknown[] = [];
    const f = fakeServer({ '/api/version': { version: '0.6.2' }, '/v1/models': { data: [] } }, bodies);
    const info = await detectServer(cfg(f));
    expect(info.kind).toBe('ollama');
    await serverGenerate(cfg(f), info)(request, () => undefined);
    expect(Object.keys(bodies[0] as object)).not.toEqual(expect.arrayContaining(['grammar']));
    expect(grammarNote(info)).toMatch(/no grammar field on Ollama: decoding is unconstrained/);
  });

  it('checks a model name against the list, except on llama-server, which serves its one model whatever the name', () => {
    const vllm = { kind: 'vllm' as const, version: '0.12.0', models: ['giellm'], grammarField: 'structured_outputs' as const };
    expect(modelKnown(vllm, 'giellm')).toBe('yes');
    expect(modelKnown(vllm, 'other')).toBe('no');
    expect(modelKnown({ ...vllm, models: [] }, 'other')).toBe('yes');
    expect(modelKnown({ ...vllm, kind: 'llama.cpp', grammarField: 'grammar' }, 'other')).toBe('unchecked');
  });

  it('names a server without completions and a wrong model name, showing the body', async () => {
    const f = (async (_u: string | URL, init?: RequestInit) =>
      init?.method === 'POST' ? new Response('{"error":{"message":"The model `x` does not exist."}}', { status: 404 }) : Response.json({ version: '0.12.0' })) as typeof fetch;
    const info = await detectServer(cfg(f));
    await expect(serverGenerate(cfg(f), info)(request, () => undefined)).rejects.toMatchObject({ code: 'unknown-model', message: expect.stringContaining('The model `x` does not exist.') });
    const g = (async (_u: string | URL, init?: RequestInit) => (init?.method === 'POST' ? new Response('Not Found', { status: 404 }) : Response.json({ version: '0.12.0' }))) as typeof fetch;
    await expect(serverGenerate(cfg(g), info)(request, () => undefined)).rejects.toMatchObject({ code: 'no-completions', message: expect.stringContaining('/v1/completions') });
  });
});

describe('greedy', () => {
  it('pins every sampling field each engine reads', () => {
    expect(greedy('webllm')).toEqual({ temperature: 0, top_p: 1, presence_penalty: 0, frequency_penalty: 0, seed: 0, repetition_penalty: 1 });
    expect(greedy('llama.cpp')).toMatchObject({ temperature: 0, top_k: 1, min_p: 0, repeat_penalty: 1, seed: 0 });
    expect(greedy('vllm')).toMatchObject({ top_k: -1, repetition_penalty: 1 });
  });
});
