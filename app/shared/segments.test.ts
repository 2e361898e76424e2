import { describe, expect, it } from 'vitest';
import { rangesByBlock, segmentBlocks, segmentText, textBlocks } from './segments.ts';

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

describe('segmentText at scale', () => {
  it('gives the same runs as checking every range for every piece', () => {
    const text = 'あいうえおかきくけこさしすせそ'.repeat(20);
    const n = Array.from(text).length;
    let seed = 7;
    const rand = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % m);
    const ranges = Array.from({ length: 200 }, (_, item) => {
      const start = rand(n - 1);
      return { start, end: start + 1 + rand(Math.min(8, n - start)), label: `L${item % 5}`, item };
    });
    const segs = segmentText(text, ranges);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    for (const s of segs) {
      const end = s.start + Array.from(s.text).length;
      expect(s.ranges).toEqual(ranges.filter((r) => r.start <= s.start && r.end >= end));
    }
  });
});

describe('segmentBlocks', () => {
  it('cuts at line breaks, keeping offsets and ranges, and loses no text', () => {
    const text = '東京都\n千代田区\n\n大阪';
    const blocks = segmentBlocks(segmentText(text, [{ start: 2, end: 5, label: '地名', item: 0 }]));
    expect(blocks.map((l) => l.map((s) => [s.text, s.start, s.ranges.length]))).toEqual([
      [['東京', 0, 0], ['都\n', 2, 1]],
      [['千', 4, 1], ['代田区\n', 5, 0]],
      [['\n', 9, 0]],
      [['大阪', 10, 0]],
    ]);
    expect(blocks.flat().map((s) => s.text).join('')).toBe(text);
  });

  it('cuts a long line after sentence ends, or hard at twice the size', () => {
    const text = `${'あ'.repeat(8)}。${'い'.repeat(30)}`;
    const blocks = segmentBlocks(segmentText(text, [{ start: 5, end: 12, label: 'x', item: 0 }]), 5);
    expect(blocks.map((b) => b.map((s) => s.text).join(''))).toEqual(['あああああああああ。'.slice(1), 'いいいいいいいいいい', 'いいいいいいいいいい', 'いいいいいいいいいい']);
    expect(blocks.flat().map((s) => s.text).join('')).toBe(text);
    const marked = blocks.flat().filter((s) => s.ranges.length).map((s) => [s.start, s.text]);
    expect(marked).toEqual([[5, 'あああ。'], [9, 'いいい']]);
  });

  it('counts a character outside the BMP as one, never cutting it in two, with offsets in code points', () => {
    // 𠮷 is two UTF-16 units: a hard cut at 2 × 2 characters falls right after it, not inside it.
    const text = `あい𠮷う𠮷えお`;
    const blocks = segmentBlocks(segmentText(text, [{ start: 2, end: 5, label: 'x', item: 0 }]), 2);
    expect(blocks.map((b) => b.map((s) => [s.text, s.start]))).toEqual([
      [['あい', 0], ['𠮷う', 2]],
      [['𠮷', 4], ['えお', 5]],
    ]);
    expect(blocks.flat().map((s) => s.text).join('')).toBe(text);
  });
});

describe('textBlocks and rangesByBlock (the editor re-renders one block per edit)', () => {
  it('cuts after every line break and after a sentence end once a block is long enough, covering the text exactly', () => {
    const text = 'あ。い。\n\nう。え。お';
    const blocks = textBlocks(text, 3);
    expect(blocks.map((b) => b.text)).toEqual(['あ。い。', '\n', '\n', 'う。え。', 'お']);
    expect(blocks.map((b) => [b.start, b.end])).toEqual([[0, 4], [4, 5], [5, 6], [6, 10], [10, 11]]);
    expect(blocks.map((b) => b.text).join('')).toBe(text);
    // Offsets are code points: a character outside the BMP counts once.
    expect(textBlocks('𠮷。あ', 1).map((b) => [b.start, b.end])).toEqual([[0, 2], [2, 3]]);
    expect(textBlocks('')).toEqual([{ start: 0, end: 0, text: '' }]);
  });

  it('gives each block its ranges in block offsets, a range across a cut in both, in the order given', () => {
    const blocks = textBlocks('一二三。四五六。七八九。', 4);
    const ranges = [{ start: 1, end: 2, label: 'a' }, { start: 2, end: 6, label: 'b' }, { start: 9, end: 11, label: 'c' }, { start: 5, end: 5, label: 'empty' }];
    expect(rangesByBlock(blocks, ranges)).toEqual([
      [{ start: 1, end: 2, label: 'a' }, { start: 2, end: 4, label: 'b' }],
      [{ start: 0, end: 2, label: 'b' }],
      [{ start: 1, end: 3, label: 'c' }],
    ]);
  });
});
