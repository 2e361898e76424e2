import { describe, expect, it } from 'vitest';
import { extract } from './extract.ts';
import { DEFAULT_PROFILE as P } from './format/profile.ts';

describe('extract', () => {
  it('locates the items of an output in its text', () => {
    const x = extract('<社会>固有表現抽出:人名;松友美佐紀', 'ner', P, '選手の松友美佐紀。');
    expect(x.entities).toEqual([{ label: '人名', text: '松友美佐紀', start: 3, end: 8 }]);
  });

  it('does not throw on a text that is not a string, and says why nothing is located', () => {
    const x = extract('<社会>固有表現抽出:人名;松友美佐紀', 'ner', P, 5 as unknown as string);
    expect(x.entities).toEqual([{ label: '人名', text: '松友美佐紀', start: null, end: null }]);
    expect(x.warnings[0]).toBe('the source text is not text: nothing can be located in it');
  });

  it('marks a truncated output and drops its cut-off item', () => {
    const x = extract('<社会>固有表現抽出:人名;松友美佐紀:地名;日', 'ner', P, '松友美佐紀は日本の選手。', false, { truncated: true });
    expect(x).toMatchObject({ truncated: true, unreadable: 1, entities: [{ text: '松友美佐紀', start: 0, end: 5 }] });
  });
});
