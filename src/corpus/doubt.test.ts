import { describe, expect, it } from 'vitest';
import { extract } from '../extract.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { newDocument, type CorpusDocument } from './document.ts';
import { disagreement, doubtOf, mostDoubtfulFirst } from './doubt.ts';

const TEXT = 'NTTドコモは東京で発表した。';
const doc = (id: number, output: string | null, extra: Partial<CorpusDocument> = {}): CorpusDocument => ({ ...newDocument({ line: id, recordId: String(id), text: TEXT, task: 'ner', output }, 'f', 0, P), id, ...extra });
const x = (out: string) => extract(out, 'ner', P, TEXT);

describe('doubt', () => {
  it('counts what two annotations disagree on: items either has alone, and the category', () => {
    expect(disagreement(x('<技術>固有表現抽出:法人名;NTTドコモ:地名;東京'), x('<技術>固有表現抽出:法人名;NTTドコモ'))).toBe(1);
    expect(disagreement(x('<技術>固有表現抽出:地名;東京'), x('<社会>固有表現抽出:人名;東京'))).toBe(3);
  });

  it('puts flagged, cut-off, warned and disputed documents first, with their reasons; reviewed ones last', () => {
    const clean = doc(1, '<技術>固有表現抽出:法人名;NTTドコモ');
    const warned = doc(2, '<技術>固有表現抽出:地名;大阪');
    const cut = doc(3, '<技術>固有表現抽出:法人名;NTTドコモ', { outputTruncated: true });
    const flagged = doc(4, '<技術>固有表現抽出', { flagged: 1, reviewed: 1 });
    const prediction = { model: 'm', raw: '', extraction: x('<技術>固有表現抽出:地名;東京'), at: 0 };
    const disputed = doc(5, null, { annotation: x('<技術>固有表現抽出:法人名;NTTドコモ'), prediction });
    const reviewedWarned = { ...doc(6, '<技術>固有表現抽出:地名;大阪'), reviewed: 1 as const };
    expect(doubtOf(warned)).toEqual({ score: 2, reasons: ['warnings'] });
    expect(doubtOf(disputed).reasons).toEqual(['disagreement']);
    expect(doubtOf(clean)).toEqual({ score: 0, reasons: [] });
    expect(doubtOf(reviewedWarned).score).toBe(0);
    expect(mostDoubtfulFirst([clean, warned, cut, flagged, disputed, reviewedWarned]).map((d) => d.id)).toEqual([4, 3, 2, 5, 1, 6]);
  });
});
