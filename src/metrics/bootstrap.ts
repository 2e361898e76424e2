import type { SequenceScore } from './score.ts';

export type Interval = readonly [number, number] | null;
export type Intervals = Record<'tl' | 'wl' | 'all' | 'allStrict' | 'f1', Interval>;

/**
 * The generator state of xoshiro128** (Blackman & Vigna), seeded through splitmix32 so every seed,
 * 0 included, gives a full state. Fast and of good statistical quality; the bootstrap inlines its step.
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

/** A seeded generator of numbers in [0, 1): the same data and seed give the same intervals, in every run. */
export function seededRandom(seed: number): () => number {
  const s = seedState(seed);
  return () => nextU32(s) / 4294967296;
}

const KEYS = ['tl', 'wl', 'all', 'allStrict', 'f1'] as const;

/**
 * A group's sequences reduced to their distinct kinds: a sequence is only its TL/ALL/strict flags and its
 * gold, predicted and matched counts, and real data has a few hundred kinds, not a kind per sequence.
 * Drawing a sequence is then drawing its kind (`kind[i]`), and a resample's sums are the kinds' values
 * times how often each was drawn: the per-draw work is one random number and one counter, in cache.
 */
interface Kinds {
  n: number;
  kind: Uint16Array;
  /** Per kind: TL right, ALL, strict ALL, gold, predicted, matched. */
  values: Float64Array[];
  hits: Uint32Array;
}

function kindsOf(scores: readonly SequenceScore[]): Kinds {
  const ids = new Map<number | string, number>();
  const rows: number[][] = [];
  const kinds: number[] = new Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    const all = s.tlCorrect && s.matched === s.gold;
    const flags = (s.tlCorrect ? 1 : 0) | (all ? 2 : 0) | (all && s.pred === s.gold ? 4 : 0);
    // A number key while the counts fit 16 bits each (exact below 2^53), a string beyond.
    const small = s.gold < 0x10000 && s.pred < 0x10000 && s.matched < 0x10000;
    const key = small ? ((s.gold * 0x10000 + s.pred) * 0x10000 + s.matched) * 8 + flags : `${flags},${s.gold},${s.pred},${s.matched}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = rows.length;
      ids.set(key, id);
      rows.push([flags & 1, (flags >> 1) & 1, (flags >> 2) & 1, s.gold, s.pred, s.matched]);
    }
    kinds[i] = id;
  }
  // One array type only: the draw loop stays monomorphic.
  const kind = Uint16Array.from(kinds);
  const values = [0, 1, 2, 3, 4, 5].map((f) => Float64Array.from(rows, (r) => r[f]!));
  return { n: scores.length, kind, values, hits: new Uint32Array(rows.length) };
}

/** One resample's sums: n, TL right, ALL, strict ALL, gold, predicted, matched. */
type Sums = Float64Array;

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

/**
 * Draws the group's `n` sequences with replacement into `sums`, advancing the generator state `st`. The
 * step is `nextU32`'s, inlined on local variables: this loop runs once per sequence per resample.
 */
function drawInto(k: Kinds, sums: Sums, st: Int32Array) {
  const { n, kind, hits, values } = k;
  hits.fill(0);
  let s0 = st[0]!;
  let s1 = st[1]!;
  let s2 = st[2]!;
  let s3 = st[3]!;
  for (let d = 0; d < n; d++) {
    const m = Math.imul(s1, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    hits[kind[((r * n) / 4294967296) | 0]!]!++;
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
  sums[0] = n;
  for (let f = 0; f < 6; f++) {
    const v = values[f]!;
    let sum = 0;
    for (let i = 0; i < v.length; i++) sum += hits[i]! * v[i]!;
    sums[f + 1] = sum;
  }
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
 * sequence's items are not independent of each other. Sequences are drawn as their kinds (see Kinds), so
 * 187,028 sequences × 1,000 resamples take about a second, not half a minute.
 */
export function bootstrapGroups(groups: readonly (readonly SequenceScore[])[], samples = 1000, seed = 1): { groups: Intervals[]; overall: Intervals } {
  const kinds = groups.map(kindsOf);
  const sizes = groups.map((g) => g.length);
  const total = sizes.reduce((n, k) => n + k, 0);
  if (total === 0 || samples <= 0) return { groups: groups.map(empty), overall: empty() };
  const groupDraws = groups.map(() => KEYS.map(() => new Float64Array(samples)));
  const overallDraws = KEYS.map(() => new Float64Array(samples));
  const sums: Sums = new Float64Array(7);
  const overall: Sums = new Float64Array(7);
  const state = seedState(seed);
  for (let b = 0; b < samples; b++) {
    overall.fill(0);
    for (let g = 0; g < kinds.length; g++) {
      if (sizes[g] === 0) continue;
      drawInto(kinds[g]!, sums, state);
      for (let j = 0; j < 7; j++) overall[j]! += sums[j]!;
      scoresOf(sums, groupDraws[g]!, b);
    }
    scoresOf(overall, overallDraws, b);
  }
  return { groups: sizes.map((n, g) => (n > 0 ? intervalsOf(groupDraws[g]!) : empty())), overall: intervalsOf(overallDraws) };
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
