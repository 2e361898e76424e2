import type { CorpusDocument } from '../corpus/document.ts';
import { batchOutcome } from '../corpus/batch.ts';
import { serializeOutput } from '../format/serializeOutput.ts';
import { planRuns, runSentences, type RunOptions } from '../engine/run.ts';
import { detectServer, grammarNote, modelKnown, serverGenerate, type ServerConfig, type ServerInfo } from '../engine/server.ts';
import { eachConcurrently } from '../engine/pool.ts';
import { UsageError } from './io.ts';
import { finish, type Context } from './context.ts';
import { readInputs } from './readInputs.ts';

interface Endpoint {
  cfg: ServerConfig;
  info: ServerInfo;
}

/** The record's key in the output: its id, else where it came from. */
const keyOf = (d: CorpusDocument) => d.recordId ?? `${d.source}:${d.line ?? 1}`;

const positiveInt = (v: unknown, name: string, fallback: number) => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a whole number of 1 or more (got ${JSON.stringify(v)})`);
  return n;
};

/** The ids already in an output file, and the length of its complete lines (a line cut by a crash is dropped). */
function doneIn(content: string): { done: Set<string>; keep: number } {
  const keep = content.endsWith('\n') || content === '' ? content.length : content.lastIndexOf('\n') + 1;
  const done = new Set<string>();
  for (const line of content.slice(0, keep).split('\n')) {
    if (line.trim() === '') continue;
    try {
      const id = (JSON.parse(line) as { id?: unknown }).id;
      if (typeof id === 'string') done.add(id);
    } catch {
      // A line that is not JSON is not a finished record: its document runs again.
    }
  }
  return { done, keep };
}

/** One document through the model: the record to write, or why there is none. */
async function annotateOne(d: CorpusDocument, e: Endpoint, opts: RunOptions, contextWindow: number, stop: AbortSignal, to: 'records' | 'extraction'): Promise<{ line: string } | { error: string }> {
  const runs = planRuns(d.text, opts, e.cfg.mode);
  await runSentences(runs, opts, { mode: e.cfg.mode, contextWindow }, serverGenerate(e.cfg, e.info, () => stop), { changed: () => undefined, partials: false, stopRequested: () => stop.aborted, now: () => performance.now() });
  if (stop.aborted) return { error: 'stopped' };
  const failed = runs.find((r) => r.status === 'failed');
  if (failed) return { error: failed.error ?? 'failed' };
  const outcome = batchOutcome(runs, e.cfg.model, Date.now());
  if (outcome.stopped || !outcome.patch.prediction) return { error: outcome.stopped ? 'stopped' : (outcome.patch.predictionError ?? 'no prediction') };
  // The app's Extraction line: offsets into the whole text.
  if (to === 'extraction') return { line: JSON.stringify({ id: keyOf(d), text: d.text, extraction: outcome.patch.prediction.extraction }) };
  // One sentence: the model's string exactly. Several: their items merged into one output, each string kept.
  const single = runs.length === 1;
  const output = single ? runs[0]!.raw : serializeOutput(outcome.patch.prediction.extraction, d.task, opts.profile);
  const cut = runs.some((r) => r.finishReason === 'length');
  const record = {
    id: keyOf(d),
    text: d.text,
    task: d.task,
    output,
    ...(cut ? { finish_reason: 'length' } : {}),
    ...(single ? {} : { sentences: runs.map((r) => ({ start: r.sentence.start, output: r.raw })) }),
    model: e.cfg.model,
  };
  return { line: JSON.stringify(record) };
}

/**
 * Runs every document of the input files through one or more OpenAI-compatible servers, N requests at a
 * time on each, appending one JSONL record per finished document. Re-running with the same `-o` skips what
 * is done and retries what failed, so a crash, Ctrl+C or a server restart loses at most the documents in flight.
 */
export async function annotateCommand(ctx: Context): Promise<number> {
  const { values, io, profile } = ctx;
  const urls = (values.endpoint as unknown as string[] | undefined) ?? [];
  if (urls.length === 0) throw new UsageError('give --endpoint URL (an OpenAI-compatible server: llama-server, vLLM, Ollama…)');
  if (ctx.positionals.length === 0) throw new UsageError('give the input FILE to annotate');
  const mode = values.mode ?? 'giellm';
  if (mode !== 'giellm' && mode !== 'prompted') throw new UsageError('--mode must be giellm or prompted');
  const grammar = values.grammar ?? 'on';
  if (grammar !== 'on' && grammar !== 'off') throw new UsageError('--grammar must be on or off');
  const concurrency = positiveInt(values.concurrency, '--concurrency', 4);
  const maxTokens = positiveInt(values['max-tokens'], '--max-tokens', 256);
  const contextWindow = positiveInt(values['context-window'], '--context-window', 4096);
  const to = values.to ?? 'records';
  if (to !== 'records' && to !== 'extraction') throw new UsageError('--to must be records or extraction (write other formats from these with giellm convert)');
  const out = typeof values.output === 'string' ? values.output : undefined;
  const apiKey = typeof values['api-key'] === 'string' ? values['api-key'] : io.env?.('GIELLM_API_KEY');

  const { docs, errors } = await readInputs(ctx, ctx.positionals);
  const endpoints: Endpoint[] = [];
  for (const url of urls) {
    const probe: ServerConfig = { url, model: typeof values.model === 'string' ? values.model : '', mode, apiKey };
    const info = await detectServer(probe).catch((e: Error) => {
      throw new UsageError(e.message);
    });
    const model = probe.model || info.models[0] || 'default';
    const known = probe.model ? modelKnown(info, probe.model) : 'yes';
    if (known === 'no') throw new UsageError(`${url}: the server has no model named "${probe.model}" (it lists ${info.models.join(', ')})`);
    if (known === 'unchecked') io.err(`${url}: llama-server serves ${info.models.join(', ')} whatever the name: "${probe.model}" is not checked`);
    io.err(`${url}: ${info.kind}${info.version ? ` ${info.version}` : ''}, model ${model}, ${mode} mode; ${grammar === 'on' ? grammarNote(info) : 'grammar off'}`);
    endpoints.push({ cfg: { ...probe, model }, info });
  }

  let done = new Set<string>();
  if (out !== undefined) {
    if (!io.readFileIfExists || !io.appendFile || !io.truncateFile) throw new UsageError('-o is not available here');
    const existing = await io.readFileIfExists(out);
    if (existing !== null) {
      const r = doneIn(existing);
      done = r.done;
      if (r.keep < existing.length) await io.truncateFile(out, Buffer.byteLength(existing.slice(0, r.keep)));
    }
  }
  const seen = new Set<string>();
  const queue = docs.filter((d) => {
    const k = keyOf(d);
    // Two documents with one id would overwrite each other's record: the second is named, not run.
    if (seen.has(k)) {
      errors.push({ file: d.source, line: d.line, message: `id ${JSON.stringify(k)} appears again: this document is not annotated (give each record its own id)` });
      return false;
    }
    seen.add(k);
    return !done.has(k);
  });
  const total = queue.length;
  if (done.size > 0) io.err(`${out}: ${done.size} documents already done, ${total} to go`);

  const stop = new AbortController();
  io.onInterrupt?.(() => stop.abort());
  const failures: { doc: CorpusDocument; error: string }[] = [];
  let finished = 0;
  const started = performance.now();
  const report = () => {
    const s = (performance.now() - started) / 1000;
    const rate = finished / Math.max(s, 1e-9);
    const eta = rate > 0 ? (total - finished) / rate : null;
    io.progress?.(`${finished}/${total} done · ${rate.toFixed(1)} docs/s${eta === null ? '' : ` · ETA ${Math.ceil(eta)} s`}${failures.length ? ` · ${failures.length} failed` : ''}`, finished === total);
  };
  const opts = (d: CorpusDocument): RunOptions => ({ task: d.task, profile, examples: 0, grammar: grammar === 'on' ? { spans: 'substring', tupleArgs: 'free' } : null, maxTokens });
  // `concurrency` workers per endpoint: worker w sends to endpoint ⌊w / concurrency⌋.
  await eachConcurrently(
    queue,
    endpoints.length * concurrency,
    async (d, _i, w) => {
      const r = await annotateOne(d, endpoints[Math.floor(w / concurrency)]!, opts(d), contextWindow, stop.signal, to);
      if ('line' in r) {
        if (out !== undefined) await io.appendFile!(out, `${r.line}\n`);
        else io.out(r.line);
        finished++;
      } else if (!stop.signal.aborted) {
        failures.push({ doc: d, error: r.error });
        finished++;
      }
      report();
    },
    () => stop.signal.aborted,
  );
  if (stop.signal.aborted) {
    io.err(`stopped: ${finished - failures.length} documents written${out ? ` to ${out}; run the same command again to go on` : ''}`);
    return 130;
  }
  const code = finish(ctx, errors);
  if (failures.length > 0) {
    io.err(failures.map((f) => `${f.doc.source}${f.doc.line === null ? '' : `:${f.doc.line}`}: ${keyOf(f.doc)}: ${f.error}`).join('\n'));
    io.err(`${failures.length} of ${total} documents failed${out ? `; run the same command again to retry them` : ''}`);
    return code === 2 ? 2 : 1;
  }
  return code;
}
