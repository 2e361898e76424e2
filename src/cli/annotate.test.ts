import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStockmark } from '../testing/sharedData.ts';
import { startLlamaServer, type RunningServer } from '../testing/llamaServer.ts';
import { parseOutput } from '../format/parseOutput.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { buildInput } from '../format/buildInput.ts';
import { detectServer, requestBody, serverGenerate } from '../engine/server.ts';
import { buildPromptedMessages } from '../prompting/buildPrompted.ts';

// `giellm annotate` against a real llama-server running the tiny GIELLM model: real generation, real
// grammar enforcement, a real crash and restart.

const bin = fileURLToPath(new URL('../../bin/giellm.mjs', import.meta.url));
const PORT = 18_000 + (process.pid % 1000);
let server: RunningServer;
let dir: string;
let input: string;
const N = 50;

const giellm = (args: string[]) => spawnSync(bin, args, { encoding: 'utf8', timeout: 120_000 });
const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string; task: string; output: string; finish_reason?: string });

beforeAll(() => {
  server = startLlamaServer(PORT);
  dir = mkdtempSync(join(tmpdir(), 'giellm-annotate-'));
  input = join(dir, 'in.jsonl');
  writeFileSync(input, loadStockmark().slice(0, N).map((s) => JSON.stringify({ id: String(s.curid), text: s.text, task: 'ner' })).join('\n') + '\n');
}, 1_800_000);
afterAll(() => server?.stop());

describe('giellm annotate with a real llama-server', () => {
  it('prefills a prompted batch’s instruction and examples once: the next sentence reuses them (cache_prompt)', async () => {
    const cfg = { url: server.url, model: 'default', mode: 'prompted' as const };
    const info = await detectServer(cfg);
    const prefilled: { processed: number; total: number }[] = [];
    for (const s of loadStockmark().slice(100, 103)) {
      const messages = buildPromptedMessages(s.text, 'ner', P, 2);
      const body = { ...requestBody(cfg, info, { messages, prompt: null, grammar: null, maxTokens: 8, stop: [] }), stream: false };
      const r = (await (await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { usage: { prompt_tokens: number }; timings: { prompt_n: number } };
      prefilled.push({ processed: r.timings.prompt_n, total: r.usage.prompt_tokens });
    }
    // The first pays for the whole prompt; each next one for about its own sentence only.
    expect(prefilled[0]!.processed).toBe(prefilled[0]!.total);
    for (const p of prefilled.slice(1)) expect(p.processed).toBeLessThan(p.total / 2);
  });

  it('ends a generation at the stop strings it is sent, in the engine itself', async () => {
    const cfg = { url: server.url, model: 'default', mode: 'giellm' as const };
    const info = await detectServer(cfg);
    const prompt = buildInput(loadStockmark()[0]!.text, 'ner', P);
    const req = { messages: [{ role: 'user' as const, content: prompt }], prompt, grammar: null, maxTokens: 64 };
    const whole = await serverGenerate(cfg, info)({ ...req, stop: [] }, () => undefined);
    expect(whole.text).toContain('固有表現抽出');
    const cut = await serverGenerate(cfg, info)({ ...req, stop: ['固有表現'] }, () => undefined);
    expect(cut.text).toBe(whole.text.slice(0, whole.text.indexOf('固有表現')));
    expect(cut.finishReason).toBe('stop');
  });

  it('annotates 50 sentences 4 at a time; every grammar-constrained output parses', () => {
    const out = join(dir, 'all.jsonl');
    const r = giellm(['annotate', '--endpoint', server.url, '--concurrency', '4', '--max-tokens', '96', input, '-o', out]);
    expect(r.stderr).toMatch(/llama\.cpp .*grammar: llama\.cpp `grammar`/);
    expect(r.status).toBe(0);
    const records = lines(out);
    expect(records.map((x) => x.id).sort()).toEqual(loadStockmark().slice(0, N).map((s) => String(s.curid)).sort());
    for (const x of records) {
      const parsed = parseOutput(x.output, 'ner', P, { truncated: x.finish_reason === 'length' });
      // The grammar allows only the format: a category from the label set, the IW, then items; only an
      // output cut at max_tokens (marked) may end in a piece that is cut short.
      expect(P.categories.ner, x.output).toContain(parsed.category);
      expect(parsed.unreadable ?? 0, x.output).toBeLessThanOrEqual(x.finish_reason === 'length' ? 1 : 0);
    }
  });

  it('killed mid-way and run again, finishes with every record written once', async () => {
    const out = join(dir, 'resume.jsonl');
    const child = spawn(bin, ['annotate', '--endpoint', server.url, '--concurrency', '4', '--max-tokens', '96', input, '-o', out], { stdio: 'ignore' });
    await new Promise<void>((done) => {
      const poll = setInterval(() => {
        let n = 0;
        try {
          n = readFileSync(out, 'utf8').split('\n').length - 1;
        } catch {
          // Not written yet.
        }
        if (n >= 10) {
          clearInterval(poll);
          child.kill('SIGKILL');
          done();
        }
      }, 20);
    });
    await new Promise((r) => child.once('exit', r));
    const partial = readFileSync(out, 'utf8').split('\n').length - 1;
    expect(partial).toBeLessThan(N);
    const again = giellm(['annotate', '--endpoint', server.url, '--concurrency', '4', '--max-tokens', '96', input, '-o', out]);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`\\d+ documents already done, \\d+ to go`));
    const ids = lines(out).map((x) => x.id);
    expect(ids).toHaveLength(N);
    expect(new Set(ids).size).toBe(N);
  });

  it('a dead port, an unchecked model name and a connection dropped mid-answer each say so', async () => {
    const dead = giellm(['annotate', '--endpoint', 'http://127.0.0.1:9', input]);
    expect(dead.status).toBe(2);
    expect(dead.stderr).toMatch(/Could not reach a server at http:\/\/127\.0\.0\.1:9/);
    const named = giellm(['annotate', '--endpoint', server.url, '--model', 'no-such-model', '--max-tokens', '8', '--concurrency', '1', writeOne()]);
    expect(named.stderr).toMatch(/llama-server serves .* whatever the name: "no-such-model" is not checked/);
    // A proxy that forwards to the real server and cuts each answer after its first event.
    const proxy: Server = createServer((req, res) => {
      const up = request(`${server.url}${req.url}`, { method: req.method, headers: req.headers }, (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        if (req.url !== '/v1/completions') return void upRes.pipe(res);
        upRes.once('data', (chunk: Buffer) => {
          res.write(chunk);
          setTimeout(() => res.socket?.destroy(), 20);
        });
      });
      req.pipe(up);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as { port: number }).port;
    const out = join(dir, 'dropped.jsonl');
    const dropped = await new Promise<{ status: number | null; stderr: string }>((done) => {
      const c = spawn(bin, ['annotate', '--endpoint', `http://127.0.0.1:${port}`, '--concurrency', '1', writeOne(), '-o', out]);
      let stderr = '';
      c.stderr.on('data', (d: Buffer) => (stderr += d));
      c.on('exit', (status) => done({ status, stderr }));
    });
    proxy.close();
    expect(dropped.status).toBe(1);
    expect(dropped.stderr).toMatch(/dropped mid-answer|ended without saying it was finished/);
    expect(dropped.stderr).toMatch(/1 of 1 documents failed; run the same command again to retry them/);
    // Against the server itself, the failed document is retried and written.
    expect(giellm(['annotate', '--endpoint', server.url, writeOne(), '-o', out]).status).toBe(0);
    expect(lines(out)).toHaveLength(1);
    // --to extraction writes the app's Extraction lines, offsets into the text.
    const x = giellm(['annotate', '--endpoint', server.url, '--to', 'extraction', writeOne()]);
    expect(x.status).toBe(0);
    expect(JSON.parse(x.stdout)).toMatchObject({ id: String(loadStockmark()[0]!.curid), extraction: { task: 'ner', entities: expect.any(Array) } });
  });
});

function writeOne(): string {
  const path = join(dir, 'one.jsonl');
  const s = loadStockmark()[0]!;
  writeFileSync(path, JSON.stringify({ id: String(s.curid), text: s.text, task: 'ner' }) + '\n');
  return path;
}
