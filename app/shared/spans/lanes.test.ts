import { describe, expect, it } from 'vitest';
import { assignLanes, nextSpanUnder, spansUnder } from './lanes.ts';

describe('assignLanes', () => {
  it('puts a nested span below the span that holds it', () => {
    // 名古屋市 (地名) holding 名古屋 (施設名): the outer one on top, whatever their order in the list.
    expect(assignLanes([{ start: 0, end: 3, key: '施設名' }, { start: 0, end: 4, key: '地名' }])).toEqual([1, 0]);
  });

  it('gives overlapping spans their own lanes and reuses a lane once it is free', () => {
    const lanes = assignLanes([
      { start: 0, end: 3, key: 'a' },
      { start: 2, end: 5, key: 'b' },
      { start: 5, end: 7, key: 'c' },
      { start: 3, end: 4, key: 'd' },
    ]);
    expect(lanes).toEqual([0, 1, 0, 0]);
  });

  it('gives two labels on the same span two lanes, and one role repeated on the same span one', () => {
    expect(assignLanes([{ start: 0, end: 2, key: '地名' }, { start: 0, end: 2, key: '施設名' }])).toEqual([0, 1]);
    expect(assignLanes([{ start: 0, end: 2, key: 'head' }, { start: 0, end: 2, key: 'head' }, { start: 4, end: 6, key: 'tail' }])).toEqual([0, 0, 0]);
  });

  it('never puts two overlapping ranges in one lane', () => {
    let seed = 3;
    const rand = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % m);
    const ranges = Array.from({ length: 300 }, (_, i) => {
      const start = rand(200);
      return { start, end: start + 1 + rand(12), key: `k${i}` };
    });
    const lanes = assignLanes(ranges);
    for (let a = 0; a < ranges.length; a++)
      for (let b = a + 1; b < ranges.length; b++)
        if (lanes[a] === lanes[b]) expect(ranges[a]!.end <= ranges[b]!.start || ranges[b]!.end <= ranges[a]!.start).toBe(true);
  });
});

describe('spans under a position', () => {
  const spans = [
    { start: 0, end: 4 },
    { start: 0, end: 3 },
    { start: 0, end: 3 },
    { start: 5, end: 6 },
    { start: null, end: null },
  ];

  it('lists the spans under a position innermost first', () => {
    expect(spansUnder(spans, 1)).toEqual([1, 2, 0]);
    expect(spansUnder(spans, 3)).toEqual([0]);
    expect(spansUnder(spans, 4)).toEqual([]);
  });

  it('cycles through them both ways, starting from the innermost', () => {
    expect(nextSpanUnder(spans, 1, null)).toBe(1);
    expect(nextSpanUnder(spans, 1, 1)).toBe(2);
    expect(nextSpanUnder(spans, 1, 0)).toBe(1);
    expect(nextSpanUnder(spans, 1, 1, -1)).toBe(0);
    expect(nextSpanUnder(spans, 1, 3)).toBe(1);
    expect(nextSpanUnder(spans, 4, null)).toBeNull();
  });
});
