import { aggregate, type Scores, type SequenceScore } from './score.ts';

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

/**
 * 95% percentile bootstrap intervals over sequences: resample the sequences with replacement `samples`
 * times and take the 2.5th and 97.5th percentiles of each score. Sequences, not items, are resampled,
 * because a sequence's items are not independent of each other.
 */
export function bootstrapIntervals(scores: readonly SequenceScore[], samples = 1000, seed = 1): Intervals {
  const out = Object.fromEntries(KEYS.map((k) => [k, null])) as Record<(typeof KEYS)[number], Interval>;
  if (scores.length === 0) return out;
  const rand = seededRandom(seed);
  const draws: Record<string, number[]> = Object.fromEntries(KEYS.map((k) => [k, []]));
  const sample: SequenceScore[] = new Array(scores.length);
  for (let b = 0; b < samples; b++) {
    for (let i = 0; i < scores.length; i++) sample[i] = scores[Math.floor(rand() * scores.length)]!;
    const s: Scores = aggregate(sample);
    for (const k of KEYS) if (s[k] !== null) draws[k]!.push(s[k]);
  }
  for (const k of KEYS) {
    const d = draws[k]!.sort((a, b) => a - b);
    // A resample can lack every gold item (WL undefined there): the interval is over the resamples that have some.
    if (d.length) out[k] = [percentile(d, 0.025), percentile(d, 0.975)];
  }
  return out;
}

/** Linear-interpolated percentile of sorted values. */
export function percentile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
