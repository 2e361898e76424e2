import type { Extraction, OutputShape } from '../domain/types.ts';
import { TASKS } from '../format/taskCatalog.ts';
import { nfkcTrimmed } from '../text/nfkc.ts';

/**
 * Scoring as in the paper's section 4.1, with the choices it leaves open made explicit:
 *
 * - Items compared: NER / sentiment `(label, span)` pairs; RE whole `(head, relation, tail)` triples; EE whole
 *   `(subject, trigger, object|∅, time)` tuples. Order never matters.
 * - normalize `nfkc` (default): every string is NFKC-normalised and trimmed before comparing, so full-width
 *   and half-width forms of the same name match (the authors' converters emitted both). `none` compares the
 *   strings exactly as written (no trimming either).
 * - duplicates `multiset` (default): a gold item repeated twice must be predicted twice to match twice, as
 *   the gold strings do repeat pairs. `set` collapses repeats on both sides first (looser).
 * - TL: the `<label>`s compared after the same normalisation; a missing label counts as wrong (null only
 *   equals null). TL = correct / sequences.
 * - WL (paper): matched items / gold items, summed over the data set (micro). Extra predictions do not
 *   lower it, exactly as the paper's formula; precision and F1 report them.
 * - ALL (paper): sequences whose TL is right and whose WL is 100% — read literally, as the paper writes it,
 *   so a sequence with no gold items has WL 100% and is ALL-correct whatever extra items are predicted.
 *   ALL (strict), always reported beside it, also requires no extra predicted items (the predicted multiset
 *   equals the gold one). Compare with the paper's Table 1 on ALL; judge a model on ALL (strict).
 * - Unreadable pieces (`Extraction.unreadable`): in a prediction, each counts as one predicted item that
 *   matches nothing (so it lowers precision, F1 and strict ALL); a gold record with any is not scored at
 *   all (see `unscorableReason`), since its items are not known.
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

// A separator no field contains, for joining an item's fields into one comparable key.
const SEP = '\u241f';

const asWritten = (s: string) => s;
// `nfkc` also trims; `none` compares the strings exactly as written.
const normalizer = (opts: MatchOptions) => (opts.normalize === 'nfkc' ? nfkcTrimmed : asWritten);

/** Every item's normalised fields, flat, `stride` fields an item: no per-item arrays or joined strings. */
function itemFields(x: Extraction, opts: MatchOptions): { stride: number; fields: string[] } {
  const n = normalizer(opts);
  const shape = TASKS[x.task].shape;
  const fields: string[] = [];
  if (shape === 'pairs') {
    for (const e of x.entities) fields.push(n(e.label), n(e.text));
    return { stride: 2, fields };
  }
  if (shape === 'triple') {
    for (const r of x.relations) fields.push(n(r.head), n(r.relation), n(r.tail));
    return { stride: 3, fields };
  }
  for (const e of x.events) fields.push(n(e.subject), n(e.trigger), e.object === null ? '∅' : n(e.object), n(e.time));
  return { stride: 4, fields };
}

/** Whether two fields are the same once normalised: equal as written is equal normalised, so only a field that differs is normalised. */
const sameField = (x: string, y: string, opts: MatchOptions) => x === y || (opts.normalize !== 'none' && nfkcTrimmed(x) === nfkcTrimmed(y));

/**
 * Whether `len` fields of `a` from `ai` equal those of `b` from `bi` once normalised (see sameField):
 * most fields of a prediction are its gold's, character for character.
 */
export function fieldsEqual(a: readonly string[], ai: number, b: readonly string[], bi: number, len: number, opts: MatchOptions): boolean {
  for (let f = 0; f < len; f++) if (!sameField(a[ai + f]!, b[bi + f]!, opts)) return false;
  return true;
}

/** Whether gold's item `g` and pred's item `p` are the same item of the shape (an absent event object is `∅`, as in itemFields). */
function sameItemAt(shape: OutputShape, gold: Extraction, g: number, pred: Extraction, p: number, opts: MatchOptions): boolean {
  if (shape === 'pairs') {
    const a = gold.entities[g]!;
    const b = pred.entities[p]!;
    return sameField(a.label, b.label, opts) && sameField(a.text, b.text, opts);
  }
  if (shape === 'triple') {
    const a = gold.relations[g]!;
    const b = pred.relations[p]!;
    return sameField(a.head, b.head, opts) && sameField(a.relation, b.relation, opts) && sameField(a.tail, b.tail, opts);
  }
  const a = gold.events[g]!;
  const b = pred.events[p]!;
  return sameField(a.subject, b.subject, opts) && sameField(a.trigger, b.trigger, opts) && sameField(a.object ?? '∅', b.object ?? '∅', opts) && sameField(a.time, b.time, opts);
}

/** How many word-level items an Extraction has, of its task's shape. */
function itemCount(x: Extraction): number {
  const shape = TASKS[x.task].shape;
  return shape === 'pairs' ? x.entities.length : shape === 'triple' ? x.relations.length : x.events.length;
}

/** Each word-level item's fields as written, in the order the output shape gives them (object `∅` when absent). */
export function itemTuples(x: Extraction): string[][] {
  const shape = TASKS[x.task].shape;
  if (shape === 'pairs') return x.entities.map((e) => [e.label, e.text]);
  if (shape === 'triple') return x.relations.map((r) => [r.head, r.relation, r.tail]);
  return x.events.map((e) => [e.subject, e.trigger, e.object ?? '∅', e.time]);
}

const keysOf = ({ stride, fields }: { stride: number; fields: string[] }): string[] => {
  const out: string[] = [];
  for (let i = 0; i < fields.length; i += stride) out.push(fields.slice(i, i + stride).join(SEP));
  return out;
};

/** The comparable keys of an Extraction's word-level items, per its task's output shape. */
export function itemKeys(x: Extraction, opts: MatchOptions = DEFAULT_MATCH): string[] {
  const keys = keysOf(itemFields(x, opts));
  return opts.duplicates === 'set' ? [...new Set(keys)] : keys;
}

/** Predicted items that match a gold item not matched before (multiset matching). */
function countMatches(gold: string[], pred: string[]): number {
  const counts = new Map<string, number>();
  for (const k of gold) counts.set(k, (counts.get(k) ?? 0) + 1);
  let matched = 0;
  for (const k of pred) {
    const c = counts.get(k);
    if (c) {
      matched++;
      counts.set(k, c - 1);
    }
  }
  return matched;
}

/**
 * The same count for short lists, the common case: the items compared where they are, no field arrays or
 * keys built, the gold items taken marked in a bit mask (a sentence has far fewer than 31).
 */
function countMatchesInPlace(shape: OutputShape, gold: Extraction, pred: Extraction, goldCount: number, predCount: number, opts: MatchOptions): number {
  const many = goldCount > 31 ? new Uint8Array(goldCount) : null;
  let mask = 0;
  let matched = 0;
  for (let p = 0; p < predCount; p++) {
    for (let g = 0; g < goldCount; g++) {
      if (many ? many[g] === 1 : (mask & (1 << g)) !== 0) continue;
      if (sameItemAt(shape, gold, g, pred, p, opts)) {
        if (many) many[g] = 1;
        else mask |= 1 << g;
        matched++;
        break;
      }
    }
  }
  return matched;
}

/** Whether two categories are the same after the options' normalisation (null only equals null). */
export function sameCategory(gold: string | null, pred: string | null, opts: MatchOptions = DEFAULT_MATCH): boolean {
  const n = normalizer(opts);
  return gold === null ? pred === null : pred !== null && (gold === pred || n(gold) === n(pred));
}

/** The normaliser the options name, for callers that compare fields themselves. */
export const normalizeField = (s: string, opts: MatchOptions = DEFAULT_MATCH) => normalizer(opts)(s);

export function scoreSequence(gold: Extraction, pred: Extraction, opts: MatchOptions = DEFAULT_MATCH): SequenceScore {
  const tlCorrect = sameCategory(gold.category, pred.category, opts);
  const unreadable = pred.unreadable ?? 0;
  if (opts.duplicates === 'set') {
    const g = itemKeys(gold, opts);
    const p = itemKeys(pred, opts);
    return { tlCorrect, gold: g.length, pred: p.length + unreadable, matched: countMatches(g, p) };
  }
  const goldCount = itemCount(gold);
  const predCount = itemCount(pred);
  return { tlCorrect, gold: goldCount, pred: predCount + unreadable, matched: multisetMatches(gold, pred, goldCount, predCount, opts) };
}

/**
 * Item lists whose lengths multiply to at most this are matched in place, item against item; longer ones
 * through keys (a map), which the eval diff does the same way.
 */
export const IN_PLACE_PAIRS = 64;

/**
 * Matched items (multiset): in place for a sentence's few, by keys for many. Items of two different shapes
 * (a pair and a triple) are never the same item.
 */
function multisetMatches(gold: Extraction, pred: Extraction, goldCount: number, predCount: number, opts: MatchOptions): number {
  const shape = TASKS[gold.task].shape;
  if (goldCount === 0 || predCount === 0 || shape !== TASKS[pred.task].shape) return 0;
  if (goldCount * predCount <= IN_PLACE_PAIRS) return countMatchesInPlace(shape, gold, pred, goldCount, predCount, opts);
  return countMatches(keysOf(itemFields(gold, opts)), keysOf(itemFields(pred, opts)));
}

/**
 * Why a gold record cannot be scored, or null: a piece of its output could not be read (its items are not
 * known, so any score against it would be a guess), it has no category, or it was cut at a token limit.
 */
export function unscorableReason(gold: Extraction): string | null {
  if (gold.unreadable) {
    const what = gold.warnings.length ? `: ${gold.warnings.join('; ')}` : '';
    return `${gold.unreadable} piece${gold.unreadable === 1 ? '' : 's'} of the gold output could not be read${what}`;
  }
  if (gold.truncated) return 'the gold output was cut at a token limit';
  if (gold.category === null) return `the gold output has no <category>${gold.warnings.length ? ` (${gold.warnings.join('; ')})` : ''}`;
  return null;
}

/** A percentage, or null where there is nothing to divide by. */
export const pct = (num: number, den: number) => (den === 0 ? null : (100 * num) / den);

/** F1 of two percentages (0 when both are 0), or null when either is undefined. */
export const f1Of = (precision: number | null, recall: number | null) =>
  precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

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
  const f1 = f1Of(precision, recall);
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
