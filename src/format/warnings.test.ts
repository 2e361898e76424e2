import { describe, expect, it } from 'vitest';
import { extract } from '../extract.ts';
import { DEFAULT_PROFILE as P } from './profile.ts';
import { mergeSentences } from '../align/shiftOffsets.ts';
import { noticesOf, warningText } from './warnings.ts';

const outputs: [Parameters<typeof extract>[1], string][] = [
  ['ner', '<社会>固有表現抽出:人名;松友:壊れた:;空:未知;山田\n余計な行'],
  ['ner', '社会>固有表現抽出:人名;大阪'],
  ['re', '<スポーツ>関係抽出:山田;;阪神:a;b:c;d'],
  ['ee', '<不明>関係抽出:山田;引退;昨日'],
];

describe('warnings as codes', () => {
  it('words each warning from its code, so text and code never disagree', () => {
    for (const [task, output] of outputs) {
      const x = extract(output, task, P, '松友の話');
      expect(x.warnings.length, output).toBeGreaterThan(0);
      expect(noticesOf(x)!.map(warningText), output).toEqual(x.warnings);
    }
    expect(extract('<社会>固有表現抽出:人名;松友', 'ner', P, 42 as unknown as string).notices?.[0]?.code).toBe('text-not-text');
  });

  it('keeps a sentence-by-sentence result in step, and drops the codes where a part has none', () => {
    const a = extract('<社会>固有表現抽出:人名;大阪', 'ner', P, '松友の話');
    const b = extract('固有表現抽出:人名;松友', 'ner', P, '松友の話');
    const merged = mergeSentences([
      { start: 0, extraction: a },
      { start: 4, extraction: b },
    ])!;
    expect(noticesOf(merged)!.map(warningText)).toEqual(merged.warnings);
    const foreign = { ...b, notices: undefined };
    const mixed = mergeSentences([
      { start: 0, extraction: a },
      { start: 4, extraction: foreign },
    ])!;
    expect(mixed.notices).toBeUndefined();
    expect(noticesOf(mixed)).toBeNull();
  });

  it('shortens a long piece of output in the warning', () => {
    const x = extract(`<社会>固有表現抽出:${'あ'.repeat(5000)}`, 'ner', P, '松友');
    expect(x.warnings[0]!.length).toBeLessThan(100);
  });
});
