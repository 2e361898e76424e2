import { parseOutput } from '../src/format/parseOutput.ts';
import { serializeOutput } from '../src/format/serializeOutput.ts';
import { alignSpans } from '../src/align/alignSpans.ts';
import { aggregate, scoreSequence, type SequenceScore } from '../src/metrics/score.ts';
import { DEFAULT_PROFILE as P } from '../src/format/profile.ts';
import type { Extraction, TaskId } from '../src/domain/types.ts';
import { loadStockmark, loadTcree } from '../src/testing/sharedData.ts';

/** The size of the SCPOS test sets in the paper. */
export const PAPER_SEQUENCES = 187_028;

export interface Sequence {
  task: TaskId;
  text: string;
  gold: string;
  pred: string;
}

/** A deterministic PRNG so every run measures the same data. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const toFullWidth = (s: string) => s.replace(/[:;<>]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/**
 * Gold outputs from the real data, predictions varied the ways real model output varies: a wrong category,
 * a dropped or relabelled item, full-width punctuation, `</s>` tails, an echoed prompt.
 */
export function generateSequences(count: number, seed = 1, from = 0, to = count): Sequence[] {
  const rand = mulberry32(seed);
  const stock = loadStockmark();
  const tcree = loadTcree();
  const sources: { task: TaskId; text: string; gold: Extraction }[] = [];
  for (const s of stock) {
    const category = P.categories.ner[s.text.length % 5]!;
    const gold: Extraction = { task: 'ner', category, entities: s.entities.map((e) => ({ label: e.type, text: e.name })), relations: [], events: [], warnings: [] };
    sources.push({ task: 'ner', text: s.text, gold });
    // The same sentences as sentiment-word sequences (SCPOS shape: polarity;word pairs), as the benchmark
    // stands in for the SCPOS test sets.
    const polarity = ['ポジティブ', '中立', 'ネガティブ'];
    sources.push({
      task: 'se-adj',
      text: s.text,
      gold: { ...gold, task: 'se-adj', category: s.entities.length % 2 ? '積極' : '消極', entities: gold.entities.map((e, i) => ({ label: polarity[i % 3]!, text: e.text })) },
    });
  }
  for (const row of tcree) {
    const task: TaskId = row.iw === '関係抽出' ? 're' : 'ee';
    sources.push({ task, text: row.text, gold: parseOutput(row.output, task, P) });
  }
  const out: Sequence[] = [];
  // Every item draws exactly three numbers, so a slice [from, to) is the same data as in the whole set.
  for (let i = 0; i < from * 3; i++) rand();
  for (let i = from; i < to; i++) {
    const src = sources[Math.floor(rand() * sources.length)]!;
    const gold = serializeOutput(src.gold, src.task, P);
    const x: Extraction = structuredClone(src.gold);
    const r = rand();
    if (r < 0.1) x.category = P.categories[src.task].find((c) => c !== x.category) ?? null;
    else if (r < 0.2) x.entities.pop();
    else if (r < 0.3 && x.entities.length) x.entities[0]!.label = P.wordLabels[src.task][0]!;
    let pred = serializeOutput(x, src.task, P);
    const v = rand();
    if (v < 0.1) pred = toFullWidth(pred);
    else if (v < 0.2) pred += '</s>';
    else if (v < 0.25) pred = `${src.text}\n${P.categories[src.task].map((c) => `<${c}>`).join('')}\n${P.iw[src.task]}\n${pred}`;
    out.push({ task: src.task, text: src.text, gold, pred });
  }
  return out;
}

/** parse (gold and prediction) + align (prediction) + score, as an evaluation run does it. */
export function runCore(seqs: readonly Sequence[]): SequenceScore[] {
  const scores: SequenceScore[] = new Array(seqs.length);
  for (let i = 0; i < seqs.length; i++) {
    const s = seqs[i]!;
    const gold = parseOutput(s.gold, s.task, P);
    const pred = alignSpans(s.text, parseOutput(s.pred, s.task, P, { text: s.text }));
    scores[i] = scoreSequence(gold, pred);
  }
  aggregate(scores);
  return scores;
}
