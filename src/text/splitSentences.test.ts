import { describe, expect, it } from 'vitest';
import { splitSentences } from './splitSentences.ts';
import { loadJsonl } from '../testing/sharedData.ts';

describe('splitSentences', () => {
  it('splits at 。！？ and keeps offsets into the original', () => {
    const text = '日本代表が勝利した。監督は喜んだ！次戦は？';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['日本代表が勝利した。', '監督は喜んだ！', '次戦は？']);
    const chars = Array.from(text);
    for (const x of s) expect(chars.slice(x.start, x.end).join('')).toBe(x.text);
  });

  it('does not split inside quotes or parentheses', () => {
    const text = '彼は「勝った。次も勝つ！」と述べた。映画『どん底。』(1957年。)は名作。';
    expect(splitSentences(text).map((x) => x.text)).toEqual(['彼は「勝った。次も勝つ！」と述べた。', '映画『どん底。』(1957年。)は名作。']);
  });

  it('splits at line breaks, drops blank lines and whitespace, and recovers from an unclosed bracket', () => {
    const text = '　見出し「未完\n\n本文です。  次の文。\r\n';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['見出し「未完', '本文です。', '次の文。']);
    expect(s[0]).toMatchObject({ start: 1, end: 7 });
  });

  it('keeps runs of terminators together and counts code points', () => {
    const s = splitSentences('𠮷野家だ！？本当。');
    expect(s).toEqual([
      { text: '𠮷野家だ！？', start: 0, end: 6 },
      { text: '本当。', start: 6, end: 9 },
    ]);
  });

  it('leaves each real Livedoor sample sentence whole', () => {
    const rows = loadJsonl<{ text: string }>('livedoor-sample.jsonl');
    for (const row of rows) {
      const s = splitSentences(row.text);
      expect(s.length).toBe(1);
      expect(s[0]!.text).toBe(row.text.trim());
    }
    expect(splitSentences(rows.map((r) => r.text).join('')).length).toBeGreaterThanOrEqual(3);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n　')).toEqual([]);
  });
});
