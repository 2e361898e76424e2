import { describe, expect, it } from 'vitest';
import { segmentText } from './segments.ts';

describe('segmentText', () => {
  it('cuts overlapping ranges into flat runs with the ranges covering each', () => {
    const s = segmentText('東京都千代田区', [
      { start: 0, end: 7, label: '地名', item: 0 },
      { start: 0, end: 3, label: '地名', item: 1 },
    ]);
    expect(s.map((x) => [x.text, x.ranges.map((r) => r.item)])).toEqual([
      ['東京都', [0, 1]],
      ['千代田区', [0]],
    ]);
  });

  it('counts code points and ignores ranges outside the text', () => {
    const s = segmentText('𠮷野家です', [
      { start: 0, end: 3, label: '法人名', item: 0 },
      { start: 4, end: 99, label: 'x', item: 1 },
    ]);
    expect(s.map((x) => x.text)).toEqual(['𠮷野家', 'です']);
  });
});
