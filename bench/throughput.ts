import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildInput } from '../src/format/buildInput.ts';
import { serializeOutput } from '../src/format/serializeOutput.ts';
import { DEFAULT_PROFILE as P } from '../src/format/profile.ts';
import { emptyExtraction } from '../src/domain/types.ts';
import { loadStockmark } from '../src/testing/sharedData.ts';
import { median, printTable } from './stats.ts';
import { writeResults } from './results.ts';
import { LLAMA2 } from './tokenizers.ts';

// Sentences per hour for a stockmark-sized corpus (5,343 sentences), by engine. Measured for the tiny real
// model through llama-server and wllama (the figures bench/server.ts and bench/cpu.ts wrote in this run),
// and worked out on paper for GIELLM-13B from its prompt and answer lengths in its own tokens: decode is
// memory-bound (bandwidth × efficiency ÷ weight bytes), prefill compute-bound (FLOP/s × efficiency ÷ 2 ×
// parameters). Every assumption is printed beside the figure it makes.
const CORPUS = 5343;
const PARAMS = 13e9;

const stock = loadStockmark();
const promptTokens = median(stock.map((s) => LLAMA2.encode(buildInput(s.text, 'ner', P)).length));
// The answer the model writes for each sentence: its gold output, then EOS.
const outputTokens = median(stock.map((s) => LLAMA2.encode(serializeOutput({ ...emptyExtraction('ner', '社会'), entities: s.entities.map((e) => ({ label: e.type, text: e.name })) }, 'ner', P)).length));

interface Setup {
  name: string;
  engine: string;
  weightGB: number;
  bandwidthGBs: number;
  tflops: number;
  /** Share of peak bandwidth and compute reached: an assumption. */
  efficiency: number;
  /** Sequences decoded at once (memory-bound decode serves them for about the cost of one; prefill is paid per sequence). */
  parallel: number;
}

const SETUPS: Setup[] = [
  { name: 'laptop GPU (RTX 4070 Laptop class: 256 GB/s, 30 f16 TFLOP/s)', engine: 'WebLLM, q4f16_1 (7.0 GB)', weightGB: 7.0, bandwidthGBs: 256, tflops: 30, efficiency: 0.4, parallel: 1 },
  { name: 'server GPU (A100 80 GB: 2,039 GB/s, 312 f16 TFLOP/s)', engine: 'vLLM, fp16 (26 GB), 1 sequence', weightGB: 26, bandwidthGBs: 2039, tflops: 312, efficiency: 0.6, parallel: 1 },
  { name: 'server GPU (A100 80 GB)', engine: 'vLLM, fp16, 16 sequences at once', weightGB: 26, bandwidthGBs: 2039, tflops: 312, efficiency: 0.6, parallel: 16 },
];

function onPaper(s: Setup) {
  const decodeTps = (s.bandwidthGBs * s.efficiency) / s.weightGB;
  const prefillTps = (s.tflops * 1e12 * s.efficiency) / (2 * PARAMS);
  // Prefill is compute-bound, so each of the parallel sequences pays its own; decode serves them all at once.
  const secondsPerBatch = (s.parallel * promptTokens) / prefillTps + outputTokens / decodeTps;
  const secondsPerSentence = secondsPerBatch / s.parallel;
  const perHour = 3600 / secondsPerSentence;
  return { ...s, decodeTps, prefillTps, secondsPerSentence, perHour, corpusHours: CORPUS / perHour };
}

const read = (name: string) => {
  const f = resolve('bench', 'results', `${name}.json`);
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>) : null;
};
const server = read('server') as { date?: string; concurrency1?: { annotateDocsPerS: number }; concurrency4?: { annotateDocsPerS: number } } | null;
const cpu = read('cpu') as { date?: string; medians?: { sentencesPerHour: number } } | null;
const when = (r: { date?: string } | null) => `measured ${r?.date?.slice(0, 16).replace('T', ' ') ?? '?'} UTC`;
const measured = [
  ...(server?.concurrency1 ? [{ name: 'tiny model, giellm annotate → llama-server, 1 at a time', perHour: server.concurrency1.annotateDocsPerS * 3600, basis: `${when(server)} (bench/server.ts)` }] : []),
  ...(server?.concurrency4 ? [{ name: 'tiny model, giellm annotate → llama-server, 4 at a time', perHour: server.concurrency4.annotateDocsPerS * 3600, basis: `${when(server)} (bench/server.ts)` }] : []),
  ...(cpu?.medians ? [{ name: 'tiny model, the app’s CPU engine (wllama), 1 thread', perHour: cpu.medians.sentencesPerHour, basis: `${when(cpu)} (bench/cpu.ts)` }] : []),
];
const paper = SETUPS.map(onPaper);
const hours = (h: number) => (h < 1 ? `${Math.round(h * 60)} min` : `${h.toFixed(1)} h`);
printTable([
  [`throughput, ${CORPUS.toLocaleString('en')} stockmark sentences`, 'sentences / hour', 'corpus takes', 'basis'],
  ...measured.map((m) => [m.name, Math.round(m.perHour).toLocaleString('en'), hours(CORPUS / m.perHour), m.basis]),
  ...paper.map((p) => [`GIELLM-13B, ${p.engine}, ${p.name}`, Math.round(p.perHour).toLocaleString('en'), hours(p.corpusHours), `on paper: prefill ${Math.round(p.prefillTps)} tok/s, decode ${p.decodeTps.toFixed(0)} tok/s`]),
]);
console.log(`on paper: ${promptTokens} prompt + ${outputTokens} answer tokens a sentence (medians in LLaMA-2 tokens); decode = bandwidth × efficiency ÷ weight bytes; prefill = f16 FLOP/s × efficiency ÷ (2 × 13e9); efficiency 0.4 in a browser, 0.6 in vLLM (assumed); 16 sequences decode for about the cost of one (memory-bound, assumed ideal), each prefilled on its own.`);
await writeResults('throughput', { corpus: CORPUS, promptTokens, outputTokens, measured, onPaper: paper });
