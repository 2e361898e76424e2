import type { Extraction } from '../domain/types.ts';
import { TASKS } from '../format/taskCatalog.ts';
import { nfkc } from '../text/nfkc.ts';

/**
 * Scoring as in the paper's section 4.1, with the choices it leaves open made explicit:
 *
 * - Items compared: NER / sentiment `(label, span)` pairs; RE whole `(head, relation, tail)` triples; EE whole
 *   `(subject, trigger, object|∅, time)` tuples. Order never matters.
 * - normalize `nfkc` (default): every string is NFKC-normalised and trimmed before comparing, so full-width
 *   and half-width forms of the same name match (the authors' converters emitted both). `none` compares the
 *   strings as written.
 * - duplicates `multiset` (default): a gold item repeated twice must be predicted twice to match twice, as
 *   the gold strings do repeat pairs. `set` collapses repeats on both sides first (looser).
 * - TL: the `<label>`s compared after the same normalisation; a missing label counts as wrong (null only
 *   equals null). TL = correct / sequences.
 * - WL (paper): matched items / gold items, summed over the data set (micro). Extra predictions do not
 *   lower it, exactly as the paper's formula; precision and F1 report them.
 * - ALL (paper): sequences whose TL is right and whose WL is 100% (a sequence with no gold items has WL
 *   100%). ALL (strict), offered beside it, also requires no extra predicted items.
 */
export interface MatchOptions {
  duplicates: 'multiset' | 'set';
  normalize: 'nfkc' | 'none';
}

export const DEFAULT_MATCH: MatchOptions = { duplicates: 'multiset', normalize: 'nfkc' };

export interface SequenceScore {
  tlCorrect: boolean;
  gold: number;
  pred: number;
  matched: number;
}

/** Percentages with two decimals' worth of precision left to the caller; null where the denominator is 0. */
export interface Scores {
  n: number;
  tl: number | null;
  wl: number | null;
  all: number | null;
  allStrict: number | null;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

// A separator no field contains and NFKC leaves alone, so one normalisation per item covers all its fields.
const SEP = '\u241f';

const normalizer = (opts: MatchOptions) => (opts.normalize === 'nfkc' ? nfkc : (s: string) => s);

/** The comparable keys of an Extraction's word-level items, per its task's output shape. */
export function itemKeys(x: Extraction, opts: MatchOptions = DEFAULT_MATCH): string[] {
  const n = normalizer(opts);
  const shape = TASKS[x.task].shape;
  const out: string[] = [];
  if (shape === 'pairs') for (const e of x.entities) out.push(n(e.label.trim() + SEP + e.text.trim()));
  else if (shape === 'triple') for (const r of x.relations) out.push(n(r.head.trim() + SEP + r.relation.trim() + SEP + r.tail.trim()));
  else for (const e of x.events) out.push(n(e.subject.trim() + SEP + e.trigger.trim() + SEP + (e.object?.trim() ?? '∅') + SEP + e.time.trim()));
  return opts.duplicates === 'set' ? [...new Set(out)] : out;
}

/** Items of `pred` that match an unmatched item of `gold`, each gold item matched once at most. */
function countMatches(gold: string[], pred: string[]): number {
  if (gold.length === 0 || pred.length === 0) return 0;
  let matched = 0;
  if (gold.length * pred.length <= 64) {
    // Small lists, the common case: comparing beats building a map.
    const used = new Uint8Array(gold.length);
    for (const k of pred) {
      for (let i = 0; i < gold.length; i++) {
        if (!used[i] && gold[i] === k) {
          used[i] = 1;
          matched++;
          break;
        }
      }
    }
    return matched;
  }
  const counts = new Map<string, number>();
  for (const k of gold) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const k of pred) {
    const c = counts.get(k);
    if (c) {
      matched++;
      counts.set(k, c - 1);
    }
  }
  return matched;
}

export function scoreSequence(gold: Extraction, pred: Extraction, opts: MatchOptions = DEFAULT_MATCH): SequenceScore {
  const n = normalizer(opts);
  const tlCorrect = gold.category === null ? pred.category === null : pred.category !== null && n(gold.category.trim()) === n(pred.category.trim());
  const goldKeys = itemKeys(gold, opts);
  const predKeys = itemKeys(pred, opts);
  return { tlCorrect, gold: goldKeys.length, pred: predKeys.length, matched: countMatches(goldKeys, predKeys) };
}

const pct = (num: number, den: number) => (den === 0 ? null : (100 * num) / den);

export function aggregate(scores: readonly SequenceScore[]): Scores {
  let tl = 0;
  let gold = 0;
  let pred = 0;
  let matched = 0;
  let all = 0;
  let allStrict = 0;
  for (const s of scores) {
    if (s.tlCorrect) tl++;
    gold += s.gold;
    pred += s.pred;
    matched += s.matched;
    const wlPerfect = s.matched === s.gold;
    if (s.tlCorrect && wlPerfect) {
      all++;
      if (s.pred === s.gold) allStrict++;
    }
  }
  const precision = pct(matched, pred);
  const recall = pct(matched, gold);
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    n: scores.length,
    tl: pct(tl, scores.length),
    wl: recall,
    all: pct(all, scores.length),
    allStrict: pct(allStrict, scores.length),
    precision,
    recall,
    f1,
  };
}
