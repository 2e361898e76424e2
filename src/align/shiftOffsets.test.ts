import { describe, expect, it } from 'vitest';
import { mergeSentences, shiftOffsets } from './shiftOffsets.ts';
import { extract } from '../extract.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { splitSentences } from '../text/splitSentences.ts';
import { TextIndex } from '../text/textIndex.ts';

describe('shiftOffsets', () => {
  it('maps sentence offsets to the document, so they point at the same strings', () => {
    const doc = '前の文です。27日に生放送された日本テレビには浅田真央が出演した。';
    const s = splitSentences(doc)[1]!;
    const x = shiftOffsets(extract('<スポーツ>イベント抽出:浅田真央;出演;日本テレビ;27日:', 'ee', P, s.text), s.start);
    const idx = new TextIndex(doc);
    const e = x.events[0]!;
    expect([e.offsets.subject, e.offsets.object, e.offsets.time].map((o) => idx.slice(...o!))).toEqual(['浅田真央', '日本テレビ', '27日']);
    const ner = shiftOffsets(extract('<社会>固有表現抽出:地名;東京', 'ner', P, 'a'), 10);
    expect(ner.entities[0]).toMatchObject({ start: null, end: null });
  });
});

describe('mergeSentences', () => {
  it('joins sentences into one document extraction, offsets shifted, category by majority', () => {
    const a = '東京で会見。';
    const b = '大阪と京都へ。';
    const parts = [
      { start: 0, extraction: extract('<社会>固有表現抽出:地名;東京', 'ner', P, a) },
      { start: a.length, extraction: extract('<技術>固有表現抽出:地名;大阪:地名;京都', 'ner', P, b) },
      { start: a.length, extraction: extract('<技術>固有表現抽出', 'ner', P, b) },
    ];
    const x = mergeSentences(parts)!;
    expect(x.category).toBe('技術');
    expect(x.entities.map((e) => [e.text, e.start])).toEqual([
      ['東京', 0],
      ['大阪', 6],
      ['京都', 9],
    ]);
    expect(mergeSentences(parts.slice(0, 2))!.category).toBe('社会');
    expect(mergeSentences([])).toBeNull();
  });
});
