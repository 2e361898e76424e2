import type { SequenceScore } from './score.ts';

export type Interval = readonly [number, number] | null;
export type Intervals = Record<'tl' | 'wl' | 'all' | 'allStrict' | 'f1', Interval>;

/** A small seeded generator (mulberry32): the same data and seed give the same intervals, in every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['tl', 'wl', 'all', 'allStrict', 'f1'] as const;

/** A group's sequences as columns of counts: what a resample adds up, with no objects per draw. */
interface Columns {
  n: number;
  tl: Uint8Array;
  all: Uint8Array;
  strict: Uint8Array;
  gold: Uint32Array;
  pred: Uint32Array;
  matched: Uint32Array;
}

function columns(scores: readonly SequenceScore[]): Columns {
  const n = scores.length;
  const c: Columns = { n, tl: new Uint8Array(n), all: new Uint8Array(n), strict: new Uint8Array(n), gold: new Uint32Array(n), pred: new Uint32Array(n), matched: new Uint32Array(n) };
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    const all = s.tlCorrect && s.matched === s.gold;
    c.tl[i] = s.tlCorrect ? 1 : 0;
    c.all[i] = all ? 1 : 0;
    c.strict[i] = all && s.pred === s.gold ? 1 : 0;
    c.gold[i] = s.gold;
    c.pred[i] = s.pred;
    c.matched[i] = s.matched;
  }
  return c;
}

/** One resample's sums; percentages are taken from them as `aggregate` takes them. */
type Sums = Float64Array; // n, tl, all, strict, gold, pred, matched

function scoresOf(s: Sums, out: Float64Array[], b: number) {
  const n = s[0]!;
  const [gold, pred, matched] = [s[4]!, s[5]!, s[6]!];
  const precision = pred === 0 ? NaN : (100 * matched) / pred;
  const recall = gold === 0 ? NaN : (100 * matched) / gold;
  out[0]![b] = (100 * s[1]!) / n;
  out[1]![b] = recall;
  out[2]![b] = (100 * s[2]!) / n;
  out[3]![b] = (100 * s[3]!) / n;
  out[4]![b] = Number.isNaN(precision) || Number.isNaN(recall) ? NaN : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function intervalsOf(draws: Float64Array[]): Intervals {
  const out = {} as Record<(typeof KEYS)[number], Interval>;
  KEYS.forEach((k, i) => {
    // A resample can lack every gold item (WL undefined there): the interval is over the resamples that have some.
    const d = draws[i]!.filter((v) => !Number.isNaN(v)).sort();
    out[k] = d.length ? [percentile(d, 0.025), percentile(d, 0.975)] : null;
  });
  return out;
}

const empty = (): Intervals => Object.fromEntries(KEYS.map((k) => [k, null])) as Intervals;

/**
 * 95% percentile bootstrap intervals, for several groups of sequences (the tasks) and for all of them, in
 * one resampling pass: each of the `samples` resamples draws every group's sequences with replacement
 * from that group (stratified by group, so the overall mix of tasks stays the data's), and the overall
 * resample is the union of the group resamples. Sequences, not items, are resampled, because a
 * sequence's items are not independent of each other. The counts live in typed arrays and each resample
 * only adds them up, so 187,028 sequences × 1,000 resamples take a second, not a minute.
 */
export function bootstrapGroups(groups: readonly (readonly SequenceScore[])[], samples = 1000, seed = 1): { groups: Intervals[]; overall: Intervals } {
  const cols = groups.map(columns);
  const total = cols.reduce((n, c) => n + c.n, 0);
  if (total === 0 || samples <= 0) return { groups: groups.map(empty), overall: empty() };
  const rand = seededRandom(seed);
  const groupDraws = cols.map(() => KEYS.map(() => new Float64Array(samples)));
  const overallDraws = KEYS.map(() => new Float64Array(samples));
  const sums: Sums = new Float64Array(7);
  const overall: Sums = new Float64Array(7);
  for (let b = 0; b < samples; b++) {
    overall.fill(0);
    cols.forEach((c, g) => {
      let tl = 0;
      let all = 0;
      let strict = 0;
      let gold = 0;
      let pred = 0;
      let matched = 0;
      for (let k = 0; k < c.n; k++) {
        const i = Math.floor(rand() * c.n);
        tl += c.tl[i]!;
        all += c.all[i]!;
        strict += c.strict[i]!;
        gold += c.gold[i]!;
        pred += c.pred[i]!;
        matched += c.matched[i]!;
      }
      sums.set([c.n, tl, all, strict, gold, pred, matched]);
      for (let j = 0; j < 7; j++) overall[j]! += sums[j]!;
      if (c.n > 0) scoresOf(sums, groupDraws[g]!, b);
    });
    scoresOf(overall, overallDraws, b);
  }
  return { groups: cols.map((c, g) => (c.n > 0 ? intervalsOf(groupDraws[g]!) : empty())), overall: intervalsOf(overallDraws) };
}

/** Intervals for one group of sequences (see bootstrapGroups). */
export function bootstrapIntervals(scores: readonly SequenceScore[], samples = 1000, seed = 1): Intervals {
  return bootstrapGroups([scores], samples, seed).overall;
}

/** Linear-interpolated percentile of sorted values. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
