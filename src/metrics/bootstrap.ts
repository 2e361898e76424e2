import type { SequenceScore } from './score.ts';

export type Interval = readonly [number, number] | null;
export type Intervals = Record<'tl' | 'wl' | 'all' | 'allStrict' | 'f1', Interval>;

/**
 * The generator state of xoshiro128** (Blackman & Vigna), seeded through splitmix32 so every seed,
 * 0 included, gives a full state. Fast and of good statistical quality.
 */
export function seedState(seed: number): Int32Array {
  const s = new Int32Array(4);
  let x = seed | 0;
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    s[i] = z ^ (z >>> 16);
  }
  return s;
}

/** One xoshiro128** step: the next 32-bit output (unsigned), the state advanced in place. */
function nextU32(s: Int32Array): number {
  const m = Math.imul(s[1]!, 5);
  const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  const t = s[1]! << 9;
  s[2]! ^= s[0]!;
  s[3]! ^= s[1]!;
  s[1]! ^= s[2]!;
  s[0]! ^= s[3]!;
  s[2]! ^= t;
  s[3] = (s[3]! << 11) | (s[3]! >>> 21);
  return r;
}

/** A uniform number in [0, 1) with 53 random bits. */
const nextDouble = (s: Int32Array) => ((nextU32(s) >>> 5) * 67108864 + (nextU32(s) >>> 6)) / 9007199254740992;

/** A seeded generator of numbers in [0, 1): the same data and seed give the same intervals, in every run. */
export function seededRandom(seed: number): () => number {
  const s = seedState(seed);
  return () => nextDouble(s);
}

// ln Γ(x) for x ≥ 1 (Stirling's series, shifted up to 7 for small x), as numpy's random_loggam.
const LOGGAM = [8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4, 8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2, 1.796443723688307e-1, -1.3924322169059];
export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  const shift = x <= 7 ? Math.floor(7 - x) : 0;
  let x0 = x + shift;
  const x2 = 1 / (x0 * x0);
  let gl0 = LOGGAM[9]!;
  for (let k = 8; k >= 0; k--) gl0 = gl0 * x2 + LOGGAM[k]!;
  let gl = gl0 / x0 + 0.5 * Math.log(2 * Math.PI) + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 1; k <= shift; k++) {
    gl -= Math.log(x0 - 1);
    x0 -= 1;
  }
  return gl;
}

/**
 * A Poisson(λ) variate: by multiplying uniforms below λ = 10, and by Hörmann's transformed rejection
 * (PTRS, "The transformed rejection method for generating Poisson random variables", 1993) above, as
 * numpy's random_poisson does. Exact in distribution, and O(1) for any λ.
 */
export function poisson(lambda: number, s: Int32Array): number {
  if (lambda <= 0) return 0;
  if (lambda < 10) {
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let p = nextDouble(s); p > limit; p *= nextDouble(s)) k++;
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = nextDouble(s) - 0.5;
    const v = nextDouble(s);
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logGamma(k + 1)) return k;
  }
}

const KEYS = ['tl', 'wl', 'all', 'allStrict', 'f1'] as const;

/**
 * A group's sequences reduced to their distinct kinds and how many sequences each kind has: a sequence is
 * only its TL/ALL/strict flags and its gold, predicted and matched counts, and real data has a few hundred
 * kinds, not a kind per sequence.
 */
interface Kinds {
  count: Float64Array;
  /** Per kind: TL right, ALL, strict ALL, gold, predicted, matched. */
  values: Float64Array[];
}

function kindsOf(scores: readonly SequenceScore[]): Kinds {
  const ids = new Map<number | string, number>();
  const rows: number[][] = [];
  const counts: number[] = [];
  for (const s of scores) {
    const all = s.tlCorrect && s.matched === s.gold;
    const flags = (s.tlCorrect ? 1 : 0) | (all ? 2 : 0) | (all && s.pred === s.gold ? 4 : 0);
    // A number key while the counts fit 16 bits each (exact below 2^53), a string beyond.
    const small = s.gold < 0x10000 && s.pred < 0x10000 && s.matched < 0x10000;
    const key = small ? ((s.gold * 0x10000 + s.pred) * 0x10000 + s.matched) * 8 + flags : `${flags},${s.gold},${s.pred},${s.matched}`;
    const id = ids.get(key);
    if (id !== undefined) counts[id]!++;
    else {
      ids.set(key, rows.length);
      rows.push([flags & 1, (flags >> 1) & 1, (flags >> 2) & 1, s.gold, s.pred, s.matched]);
      counts.push(1);
    }
  }
  return { count: Float64Array.from(counts), values: [0, 1, 2, 3, 4, 5].map((f) => Float64Array.from(rows, (r) => r[f]!)) };
}

/** One resample's sums: sequences, TL right, ALL, strict ALL, gold, predicted, matched. */
type Sums = Float64Array;

/** Adds one Poisson resample of a group to `sums` (see bootstrapGroups). */
function resampleInto(k: Kinds, sums: Sums, s: Int32Array) {
  const { count, values } = k;
  for (let i = 0; i < count.length; i++) {
    const w = poisson(count[i]!, s);
    if (w === 0) continue;
    sums[0]! += w;
    for (let f = 0; f < 6; f++) sums[f + 1]! += w * values[f]![i]!;
  }
}

function scoresOf(s: Sums, out: Float64Array[], b: number) {
  const n = s[0]!;
  const [gold, pred, matched] = [s[4]!, s[5]!, s[6]!];
  const precision = pred === 0 ? NaN : (100 * matched) / pred;
  const recall = gold === 0 ? NaN : (100 * matched) / gold;
  out[0]![b] = n === 0 ? NaN : (100 * s[1]!) / n;
  out[1]![b] = recall;
  out[2]![b] = n === 0 ? NaN : (100 * s[2]!) / n;
  out[3]![b] = n === 0 ? NaN : (100 * s[3]!) / n;
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
 * one resampling pass. Sequences, not items, are resampled, because a sequence's items are not
 * independent of each other.
 *
 * The resampling is the Poisson bootstrap (Hanley & MacGibbon 2006; Chamandy et al. 2012): each sequence
 * is taken a Poisson(1) number of times instead of drawing exactly n sequences with replacement. The two
 * agree as n grows (their resample weights differ by O(1/n)), and the Poisson one lets every kind of
 * sequence (see Kinds) take one Poisson(count) weight: a resample costs a few hundred random numbers
 * instead of n, so 187,028 sequences × 1,000 resamples take milliseconds. Groups are resampled
 * independently (stratified by task), and the overall resample is their union.
 */
export function bootstrapGroups(groups: readonly (readonly SequenceScore[])[], samples = 1000, seed = 1): { groups: Intervals[]; overall: Intervals } {
  const kinds = groups.map(kindsOf);
  const total = groups.reduce((n, g) => n + g.length, 0);
  if (total === 0 || samples <= 0) return { groups: groups.map(empty), overall: empty() };
  const groupDraws = groups.map(() => KEYS.map(() => new Float64Array(samples)));
  const overallDraws = KEYS.map(() => new Float64Array(samples));
  const sums: Sums = new Float64Array(7);
  const overall: Sums = new Float64Array(7);
  const state = seedState(seed);
  for (let b = 0; b < samples; b++) {
    overall.fill(0);
    for (let g = 0; g < kinds.length; g++) {
      if (groups[g]!.length === 0) continue;
      sums.fill(0);
      resampleInto(kinds[g]!, sums, state);
      for (let j = 0; j < 7; j++) overall[j]! += sums[j]!;
      scoresOf(sums, groupDraws[g]!, b);
    }
    scoresOf(overall, overallDraws, b);
  }
  return { groups: groups.map((g, i) => (g.length > 0 ? intervalsOf(groupDraws[i]!) : empty())), overall: intervalsOf(overallDraws) };
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
