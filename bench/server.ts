import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInput, buildGrammar, DEFAULT_PROFILE } from '../src/index.ts';
import { run } from '../src/cli/main.ts';
import { nodeIo } from '../src/cli/io.ts';
import { loadStockmark } from '../src/testing/sharedData.ts';
import { startLlamaServer } from '../src/testing/llamaServer.ts';
import { detectServer, requestBody, type ServerConfig } from '../src/engine/server.ts';
import { eachConcurrently } from '../src/engine/pool.ts';
import { median, printTable } from './stats.ts';
import { writeResults } from './results.ts';

// `giellm annotate` through a real llama-server with the tiny model, beside the floor of a bare request
// loop sending the same prompts and grammars to the same server at the same concurrency (streamed, read to
// the end, nothing parsed): the ratio is the client's own cost. Target: annotate within 10% of the loop.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const N = Number(process.env.BENCH_SERVER_DOCS ?? 100);
const MAX_TOKENS = 96;
const PORT = 18_900 + (process.pid % 90);

const server = startLlamaServer(PORT, 2);
const sentences = loadStockmark().slice(0, N);
const dir = mkdtempSync(join(tmpdir(), 'giellm-server-bench-'));
const input = join(dir, 'in.jsonl');
writeFileSync(input, sentences.map((s) => JSON.stringify({ id: String(s.curid), text: s.text, task: 'ner' })).join('\n') + '\n');
// The floor sends the very bodies annotate sends (requestBody), built before the clock starts.
const cfg: ServerConfig = { url: server.url, model: 'default', mode: 'giellm' };
const info = await detectServer(cfg).catch((e: unknown) => {
  server.stop();
  throw e;
});
const bodies = sentences.map((s) => {
  const prompt = buildInput(s.text, 'ner', DEFAULT_PROFILE);
  const grammar = buildGrammar('ner', DEFAULT_PROFILE, s.text, { spans: 'substring', tupleArgs: 'free' });
  return requestBody(cfg, info, { messages: [{ role: 'user', content: prompt }], prompt, grammar, maxTokens: MAX_TOKENS, stop: DEFAULT_PROFILE.stopStrings });
});

const timings: { ttftMs: number; decodeTps: number }[] = [];
async function bareLoop(concurrency: number): Promise<number> {
  const t0 = performance.now();
  await eachConcurrently(bodies, concurrency, async (body) => {
    // A kept-alive connection the server has just closed (its idle timeout is 5 s) fails at once; it is
    // retried up to 3 times, as annotate retries a refused connection.
    const send = async (): Promise<string> => (await fetch(`${server.url}/v1/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).text();
    const text = await send().catch(send).catch(send).catch(send);
    const last = text.trim().split('\n').filter((l) => l.startsWith('data: {')).pop();
    const t = last ? (JSON.parse(last.slice(6)) as { timings?: { prompt_ms: number; predicted_per_second: number } }).timings : undefined;
    if (t) timings.push({ ttftMs: t.prompt_ms, decodeTps: t.predicted_per_second });
  });
  return performance.now() - t0;
}

async function annotate(concurrency: number): Promise<number> {
  const out = join(dir, `out-${concurrency}-${Math.random()}.jsonl`);
  const io = { ...nodeIo(), out: () => undefined, err: () => undefined, progress: () => undefined };
  const t0 = performance.now();
  const code = await run(['annotate', '--endpoint', server.url, '--concurrency', String(concurrency), '--max-tokens', String(MAX_TOKENS), input, '-o', out], io);
  if (code !== 0) throw new Error(`giellm annotate exited with ${code}`);
  return performance.now() - t0;
}

try {
  await bareLoop(1); // warm the server's caches
  const rows: string[][] = [['measurement', 'median', 'floor (bare loop)', 'ratio', 'target']];
  const results: Record<string, unknown> = { documents: N, maxTokens: MAX_TOKENS, runs: RUNS };
  for (const c of [1, 4]) {
    const bare: number[] = [];
    const cli: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(await bareLoop(c));
      cli.push(await annotate(c));
    }
    const rate = (ms: number) => (N / ms) * 1000;
    const ratio = median(cli) / median(bare);
    rows.push([`giellm annotate, ${N} sentences, concurrency ${c}`, `${rate(median(cli)).toFixed(1)} docs/s`, `${rate(median(bare)).toFixed(1)} docs/s`, `${ratio.toFixed(2)}×`, '≤ 1.10×']);
    results[`concurrency${c}`] = { annotateMs: cli, bareMs: bare, annotateDocsPerS: rate(median(cli)), bareDocsPerS: rate(median(bare)), ratio };
  }
  const ttft = median(timings.map((t) => t.ttftMs));
  const tps = median(timings.map((t) => t.decodeTps));
  rows.push(['time to first token (server timings, prompt_ms)', `${ttft.toFixed(1)} ms`, '', '', '']);
  rows.push(['decode speed (server timings)', `${tps.toFixed(0)} tokens/s`, '', '', '']);
  results.server = { timeToFirstTokenMs: ttft, decodeTokensPerS: tps };
  console.log('\nllama-server with the tiny model (2 threads), medians');
  printTable(rows);
  await writeResults('server', results);
} finally {
  server.stop();
}
