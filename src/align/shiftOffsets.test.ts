import { describe, expect, it } from 'vitest';
import { shiftOffsets } from './shiftOffsets.ts';
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
