import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { cpus } from 'node:os';
import { generateSequences, runCore, PAPER_SEQUENCES } from './core.ts';
import { median, printTable } from './stats.ts';
import { loadStockmark } from '../src/testing/sharedData.ts';
import { alignSpans } from '../src/align/alignSpans.ts';
import { emptyExtraction } from '../src/domain/types.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function time(label: string, n: number, fn: () => void) {
  fn(); // warm-up: JIT and lazy caches, not part of the measurement
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  const med = median(ms);
  return { label, n, runs: RUNS, medianMs: med, minMs: Math.min(...ms), maxMs: Math.max(...ms), perSecond: (n / med) * 1000 };
}

const seqs = generateSequences(PAPER_SEQUENCES);
const stock = loadStockmark();
// The floor for the core's memory: the process holding the sequences (and the data they came from) alone.
const dataRssMB = process.resourceUsage().maxRSS / 1024;
const stockGold = stock.map((s) => ({ text: s.text, x: { ...emptyExtraction('ner'), entities: s.entities.map((e) => ({ label: e.type, text: e.name })) } }));

const rows = [
  time(`parse+align+score, ${PAPER_SEQUENCES} generated sequences`, seqs.length, () => runCore(seqs)),
  time('align, 5343 stockmark sentences', stock.length, () => {
    for (const s of stockGold) alignSpans(s.text, s.x);
  }),
];
// The core's peak, before the floor's strings below add their own.
const peakRssMB = process.resourceUsage().maxRSS / 1024;
// The floor: the same records as JSON lines (as a file would bring them), read back with JSON.parse.
const seqLines = seqs.map((s) => JSON.stringify(s));
rows.push(
  time(`JSON.parse of the same ${PAPER_SEQUENCES} records (floor)`, seqs.length, () => {
    for (const l of seqLines) JSON.parse(l);
  }),
);

const table = [
  ['benchmark', 'n', 'median ms', 'min ms', 'max ms', 'seq/s'],
  ...rows.map((r) => [r.label, String(r.n), r.medianMs.toFixed(1), r.minMs.toFixed(1), r.maxMs.toFixed(1), Math.round(r.perSecond).toLocaleString('en')]),
];
printTable(table);
console.log(`peak RSS ${peakRssMB.toFixed(0)} MB, the sequences alone ${dataRssMB.toFixed(0)} MB (target < 300 MB); target: ${PAPER_SEQUENCES} sequences < 450 ms`);

const file = resolve('bench', 'results', 'core.json');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, peakRssMB, dataRssMB, targets: { sequences: PAPER_SEQUENCES, maxMs: 450, maxRssMB: 300 }, results: rows }, null, 2)}\n`,
);
console.log(`written ${file}`);

// Loaded only now: the tokenizers' vocabularies would otherwise count in the core's peak RSS above.
const { ASSUMED_PREFILL_TPS, promptLengths } = await import('./prompts.ts');
const { LLAMA2, QWEN25 } = await import('./tokenizers.ts');
const prompts = promptLengths();
const ms = (tokens: number) => `${Math.round((tokens / ASSUMED_PREFILL_TPS) * 1000)} ms`;
const ptable = [
  ['task', 'sentences', 'GIELLM input (LLaMA-2), median / max', 'prompted 1 ex. (Qwen2.5)', 'prompted 5 ex., median / max', '5 ex. / GIELLM', `prefill GIELLM / 5 ex. at ${ASSUMED_PREFILL_TPS} tok/s`],
  ...prompts.map((r) => [r.task, String(r.sentences), `${r.giellm} / ${r.giellmMax}`, String(r.prompted1), `${r.prompted5} / ${r.prompted5Max}`, `${r.ratio5.toFixed(1)}×`, `${ms(r.giellm)} / ${ms(r.prompted5)}`]),
];
console.log(`\nprompt length in real tokens (prompted: instruction + worked examples in Qwen2.5's chat template; prefill at an assumed ${ASSUMED_PREFILL_TPS} tokens/s)`);
printTable(ptable);
const pfile = resolve('bench', 'results', 'prompts.json');
writeFileSync(pfile, `${JSON.stringify({ date: new Date().toISOString(), unit: 'tokens', tokenizers: { giellm: LLAMA2.name, prompted: QWEN25.name }, assumedPrefillTokensPerS: ASSUMED_PREFILL_TPS, rows: prompts }, null, 2)}\n`);
console.log(`written ${pfile}`);
