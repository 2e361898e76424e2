import { describe, expect, it } from 'vitest';
import { Engine, STREAM_EVERY_MS, type RunOptions } from './engine.ts';
import type { GenerateRequest, LlmBackend } from './backend.ts';
import { DEFAULT_PROFILE, MODEL_CATALOG, type ModelInfo } from '../../../src/index.ts';

const giellm = MODEL_CATALOG.find((m) => m.mode === 'giellm')!;
const prompted = MODEL_CATALOG.find((m) => m.id === 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC')!;
const noPreflight = async () => null;
const OPTS: RunOptions = { task: 'ner', profile: DEFAULT_PROFILE, examples: 2, grammar: { spans: 'substring', tupleArgs: 'free' }, maxTokens: 128 };

/** A backend that answers each request from a script, one character at a time. */
function scripted(answers: (req: GenerateRequest) => string, opts: { failLoad?: string; failOn?: RegExp } = {}) {
  const requests: GenerateRequest[] = [];
  let crash: (r: string) => void = () => undefined;
  let interrupted = false;
  const backend: LlmBackend = {
    name: 'scripted',
    async load(_m: ModelInfo, onProgress) {
      onProgress({ progress: 0.5, timeElapsed: 2, text: 'Fetching param cache[1/2]: 10MB fetched. 50% completed, 2 secs elapsed.' });
      if (opts.failLoad) throw opts.failLoad;
    },
    async generate(req, onText) {
      requests.push(req);
      const text = answers(req);
      if (opts.failOn?.test(req.messages.at(-1)!.content)) throw 'ContextWindowSizeExceededError: too long';
      let out = '';
      for (const c of text) {
        if (interrupted) return { text: out, finishReason: 'abort', usage: null };
        out += c;
        onText(out);
        await Promise.resolve();
      }
      return { text: out, finishReason: 'stop', usage: { promptTokens: 10, completionTokens: out.length, prefillTokensPerS: 100, decodeTokensPerS: 20, timeToFirstTokenS: 0.1, e2eLatencyS: 1 } };
    },
    interrupt: () => void (interrupted = true),
    unload: async () => undefined,
    dispose: () => undefined,
    onCrash: (l) => void (crash = l),
  };
  return { backend, requests, crash: (r: string) => crash(r), resetInterrupt: () => void (interrupted = false) };
}

describe('Engine', () => {
  it('reports load progress by phase and becomes ready', async () => {
    const s = scripted(() => '');
    const e = new Engine(async () => s.backend, noPreflight);
    const phases: string[] = [];
    e.store.subscribe((st) => st.load && phases.push(st.load.phase));
    expect(await e.loadModel(giellm)).toBe(true);
    expect(phases).toContain('fetch');
    expect(e.store.getState()).toMatchObject({ status: 'ready', model: { id: giellm.id }, failure: null });
  });

  it('maps a load failure to a clear message', async () => {
    const e = new Engine(async () => scripted(() => '', { failLoad: 'ShaderF16SupportError: needs shader-f16' }).backend, noPreflight);
    expect(await e.loadModel(giellm)).toBe(false);
    expect(e.store.getState()).toMatchObject({ status: 'idle', failure: { kind: 'shader-f16', nextStep: 'Pick a q4f32 model.' } });
  });

  it('runs sentence by sentence with the raw GIELLM prompt and a grammar, streaming partial results', async () => {
    const s = scripted((req) => (req.messages[0]!.content.startsWith('松友') ? '<社会>固有表現抽出:人名;松友美佐紀:地名;日本' : '<社会>固有表現抽出'));
    const e = new Engine(async () => s.backend, noPreflight, undefined, 0);
    await e.loadModel(giellm);
    const snapshots: number[] = [];
    const runs = await e.run('松友美佐紀は、日本の選手。次の文。', OPTS, (rs) => snapshots.push(rs[0]!.extraction?.entities.length ?? -1));
    expect(runs.map((r) => r.status)).toEqual(['done', 'done']);
    expect(s.requests[0]!.messages).toEqual([{ role: 'user', content: '松友美佐紀は、日本の選手。\n<社会><文芸><学問><技術><自然>\n固有表現抽出' }]);
    expect(s.requests[0]!.grammar).toContain('sub0 ::= "松" sub1?');
    expect(runs[0]!.extraction!.entities.map((x) => [x.text, x.start])).toEqual([['松友美佐紀', 0], ['日本', 7]]);
    expect(runs[0]!.usage?.decodeTokensPerS).toBe(20);
    // Streaming showed one entity before both were complete.
    expect(snapshots).toContain(1);
    expect(e.store.getState().status).toBe('ready');
  });

  it('shares unchanged sentences between snapshots, so the UI re-renders only the one that changed', async () => {
    const s = scripted(() => '<社会>固有表現抽出');
    const e = new Engine(async () => s.backend, noPreflight, undefined, 0);
    await e.loadModel(giellm);
    const snaps: unknown[][] = [];
    await e.run('一文目。二文目。', OPTS, (rs) => snaps.push(rs));
    const streaming = snaps.filter((r, i) => i > 0 && (r as { status: string }[])[0]!.status === 'running');
    expect(streaming.length).toBeGreaterThan(2);
    for (let i = 1; i < streaming.length; i++) expect(streaming[i]![1]).toBe(streaming[i - 1]![1]); // sentence 2 untouched
  });

  it('gives prompted models instructions and examples', async () => {
    const s = scripted(() => '<社会>固有表現抽出');
    const e = new Engine(async () => s.backend, noPreflight);
    await e.loadModel(prompted);
    await e.run('文。', { ...OPTS, examples: 2, grammar: null }, () => undefined);
    expect(s.requests[0]!.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user']);
    expect(s.requests[0]!.grammar).toBeNull();
  });

  it('stops mid-way: the running sentence keeps what it had, the rest are marked stopped', async () => {
    const s = scripted(() => '<社会>固有表現抽出:人名;松友美佐紀:地名;日本');
    const e = new Engine(async () => s.backend, noPreflight, undefined, 0);
    await e.loadModel(giellm);
    let last: string[] = [];
    const runs = await e.run('松友美佐紀は、日本の選手。二文目。三文目。', OPTS, (rs) => {
      last = rs.map((r) => r.status);
      if (rs[0]!.raw.length === 12) e.stop();
    });
    expect(runs.map((r) => r.status)).toEqual(['stopped', 'stopped', 'stopped']);
    expect(last).toEqual(['stopped', 'stopped', 'stopped']); // what the UI was last told
    expect(runs[0]!.raw).toBe('<社会>固有表現抽出:人');
    expect(runs[0]!.extraction!.entities).toEqual([]);
  });

  it('fails only the sentence that is too long or that the engine rejects, and goes on', async () => {
    const s = scripted(() => '<社会>固有表現抽出', { failOn: /二文目/ });
    const e = new Engine(async () => s.backend, noPreflight);
    await e.loadModel({ ...giellm, contextWindow: 300 });
    const long = `${'長'.repeat(80)}。`;
    const runs = await e.run(`一文目。二文目。${long}`, OPTS, () => undefined);
    expect(runs.map((r) => r.status)).toEqual(['done', 'failed', 'failed']);
    expect(runs[1]!.error).toMatch(/longer than the model’s context window/);
    expect(runs[2]!.error).toMatch(/may not fit the model’s context window of 300 tokens/);
  });

  it('stops at a preflight failure without starting the backend', async () => {
    let made = 0;
    const e = new Engine(
      async () => (made++, scripted(() => '').backend),
      async () => ({ kind: 'not-found', message: 'mlc-chat-config.json was not found', nextStep: 'Check the URL.' }),
    );
    expect(await e.loadModel(giellm)).toBe(false);
    expect(e.store.getState().failure?.kind).toBe('not-found');
    expect(made).toBe(0);
  });

  it('restarts after the worker crashes and says so', async () => {
    let made = 0;
    const backends = [scripted(() => ''), scripted(() => '')];
    const e = new Engine(async () => backends[made++]!.backend, noPreflight);
    await e.loadModel(giellm);
    backends[0]!.crash('out of memory');
    expect(e.store.getState()).toMatchObject({ status: 'idle', failure: { kind: 'worker-crashed' } });
    expect(await e.loadModel(giellm)).toBe(true);
    expect(made).toBe(2);
  });
});

describe('Engine streaming rate', () => {
  it('parses and reports streamed text at most every STREAM_EVERY_MS, and always the final state', async () => {
    const s = scripted(() => '<社会>固有表現抽出:人名;松友美佐紀:地名;日本');
    const e = new Engine(async () => s.backend, noPreflight, undefined, 60_000);
    await e.loadModel(giellm);
    const seen: string[] = [];
    await e.run('松友美佐紀は日本の選手。', { ...OPTS, grammar: null }, (runs) => seen.push(`${runs[0]!.status}:${runs[0]!.raw}`));
    // Shown as running at once; no partial within the minute (the first token's too waits its turn), then
    // the end: not one report per token.
    expect(seen).toContain('running:');
    expect(seen.filter((x) => x.startsWith('running:') && x.length > 'running:'.length)).toHaveLength(0);
    expect(seen.at(-1)).toBe('done:<社会>固有表現抽出:人名;松友美佐紀:地名;日本');
    expect(STREAM_EVERY_MS).toBe(100);
  });

  it('reports a first partial only once the sentence has run 2.5 intervals, not at its first token', async () => {
    const s = scripted(() => '');
    const text = '<社会>固有表現抽出:人名;松友美佐紀';
    const slow: LlmBackend = {
      ...s.backend,
      async generate(_req, onText) {
        onText(text.slice(0, 1));
        await new Promise((ok) => setTimeout(ok, 60));
        onText(text.slice(0, 5)); // 60 ms in: past one interval, not yet 2.5
        await new Promise((ok) => setTimeout(ok, 60));
        onText(text); // 120 ms in
        await new Promise((ok) => setTimeout(ok, 20));
        return { text, finishReason: 'stop', usage: null };
      },
    };
    const e = new Engine(async () => slow, noPreflight, undefined, 40);
    await e.loadModel(giellm);
    const seen: string[] = [];
    await e.run('松友美佐紀は選手。', { ...OPTS, grammar: null }, (runs) => seen.push(`${runs[0]!.status}:${runs[0]!.raw}`));
    expect(seen.filter((x) => x.startsWith('running:') && x.length > 'running:'.length)).toEqual([`running:${text}`]);
    expect(seen.at(-1)).toBe(`done:${text}`);
  });
});

describe('Engine races', () => {
  it('a second run while one is going is refused as busy, not as "Load a model first"', async () => {
    const s = scripted(() => '<社会>固有表現抽出:人名;松友美佐紀');
    const e = new Engine(async () => s.backend, noPreflight, undefined, 0);
    await e.loadModel(giellm);
    const first = e.run('松友美佐紀は選手。', OPTS, () => undefined);
    await expect(e.run('二つ目。', OPTS, () => undefined)).rejects.toThrow('The model is busy with another run');
    await first;
    await expect(e.run('三つ目。', OPTS, () => undefined)).resolves.toHaveLength(1);
  });

  it('a Cancel while the engine’s code is still loading starts no download', async () => {
    const s = scripted(() => '');
    let loads = 0;
    const backend = { ...s.backend, load: async (...a: Parameters<LlmBackend['load']>) => void (loads++, await s.backend.load(...a)) };
    let release!: () => void;
    const e = new Engine(() => new Promise<LlmBackend>((ok) => (release = () => ok(backend))), noPreflight);
    const loading = e.loadModel(giellm);
    await new Promise((ok) => setTimeout(ok, 0));
    e.cancelLoad();
    release();
    expect(await loading).toBe(false);
    expect(loads).toBe(0);
    expect(e.store.getState()).toMatchObject({ status: 'idle', notice: 'cancelled' });
  });
});

describe('Engine after a lost device', () => {
  it('goes idle with the failure and a new worker next time, never back to "ready"', async () => {
    let made = 0;
    const s = scripted(() => '<社会>固有表現抽出', { failOn: /二つ目/ });
    const lost = { ...s.backend, generate: async (req: GenerateRequest, onText: (t: string) => void) => (req.messages.at(-1)!.content.includes('二つ目') ? Promise.reject('DeviceLostError: The WebGPU device was lost while loading the model.') : s.backend.generate(req, onText)) };
    const e = new Engine(async () => (made++, lost), noPreflight, undefined, 0);
    await e.loadModel(giellm);
    const runs = await e.run('一つ目。二つ目。三つ目。', OPTS, () => undefined);
    expect(runs.map((r) => r.status)).toEqual(['done', 'failed', 'stopped']);
    expect(e.store.getState()).toMatchObject({ status: 'idle', model: null, failure: { kind: 'device-lost' } });
    await e.loadModel(giellm);
    expect(made).toBe(2);
  });
});

describe('A batch after a lost device', () => {
  it('fails that document, ends the engine and stops the batch with the rest not done', async () => {
    const s = scripted(() => '<社会>固有表現抽出');
    const lost = { ...s.backend, generate: async (req: GenerateRequest, onText: (t: string) => void) => (req.messages.at(-1)!.content.includes('二') ? Promise.reject('Error: Device is lost') : s.backend.generate(req, onText)) };
    const e = new Engine(async () => lost, noPreflight, undefined, 0);
    await e.loadModel(giellm);
    const done: number[] = [];
    const items = ['一。', '二。', '三。'].map((text) => ({ text, opts: OPTS }));
    await expect(e.runMany(items, (i, runs) => done.push(i) && expect(runs.length).toBe(1))).rejects.toThrow();
    expect(done).toEqual([0, 1]);
    expect(e.store.getState()).toMatchObject({ status: 'idle', failure: { kind: 'device-lost' } });
  });
});
