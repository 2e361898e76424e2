import { describe, expect, it } from 'vitest';
import { extract } from '../extract.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { newDocument, type CorpusDocument } from './document.ts';
import { categoryDisagrees, categoryEvidence, disagreement, doubtOf, MIN_LABEL_SUPPORT, MIN_REVIEWED, mostDoubtfulFirst } from './doubt.ts';

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

  describe('a category the corpus never shows with the labels seen', () => {
    // Five society articles naming people and organisations, five technology articles naming organisations only.
    const corpus = (extra: CorpusDocument[] = []) => [
      ...Array.from({ length: MIN_LABEL_SUPPORT }, (_, i) => doc(10 + i, '<社会>固有表現抽出:人名;東京:法人名;NTTドコモ')),
      ...Array.from({ length: MIN_LABEL_SUPPORT }, (_, i) => doc(20 + i, '<技術>固有表現抽出:法人名;NTTドコモ')),
      ...extra,
    ];

    it('keeps the labels each document shows in its summary', () => {
      expect(doc(1, '<技術>固有表現抽出:地名;東京:法人名;NTTドコモ:地名;東京').labels).toEqual(['地名', '法人名']);
      expect(doc(2, null).labels).toEqual([]);
    });

    it('doubts a technology article that names a person: 人名 was only ever seen with 社会', () => {
      const odd = doc(1, '<技術>固有表現抽出:人名;東京');
      const fine = doc(2, '<社会>固有表現抽出:人名;東京');
      const docs = corpus([odd, fine]);
      const ev = categoryEvidence(docs);
      expect(categoryDisagrees(odd, ev)).toBe(true);
      expect(categoryDisagrees(fine, ev)).toBe(false);
      expect(doubtOf(odd, ev)).toEqual({ score: 2, reasons: ['category'] });
      expect(mostDoubtfulFirst(docs).map((d) => d.id)[0]).toBe(1);
    });

    it('is not doubtful when one of its labels was seen with the category, or none has enough support', () => {
      const mixed = doc(1, '<技術>固有表現抽出:人名;東京:法人名;NTTドコモ');
      const rare = doc(2, '<技術>固有表現抽出:地名;東京');
      const ev = categoryEvidence(corpus([mixed, rare]));
      expect(categoryDisagrees(mixed, ev)).toBe(false);
      expect(categoryDisagrees(rare, ev)).toBe(false);
    });

    it('leaves the document out of its own evidence', () => {
      // Only four other society articles: 人名 lacks support without the document itself.
      const docs = corpus().filter((d) => d.id !== 10);
      const odd = doc(1, '<技術>固有表現抽出:人名;東京');
      expect(categoryDisagrees(odd, categoryEvidence([...docs, odd]))).toBe(false);
      const sixth = doc(2, '<社会>固有表現抽出:人名;東京');
      expect(categoryDisagrees(sixth, categoryEvidence([...docs, sixth]))).toBe(false);
    });

    it('trusts reviewed documents alone once a task has enough of them', () => {
      const reviewed = Array.from({ length: MIN_REVIEWED }, (_, i) => doc(30 + i, '<技術>固有表現抽出:人名;東京', { reviewed: 1 }));
      const odd = doc(1, '<技術>固有表現抽出:人名;東京');
      // Unreviewed society articles count for nothing: the reviewed technology articles with 人名 vouch for it.
      expect(categoryDisagrees(odd, categoryEvidence(corpus([...reviewed, odd])))).toBe(false);
      const sports = doc(2, '<社会>固有表現抽出:人名;東京');
      expect(categoryDisagrees(sports, categoryEvidence(corpus([...reviewed, sports])))).toBe(true);
    });

    it('documents stored before labels were kept: a correction speaks for itself, an unsummarised output weighs nothing', () => {
      const old = { ...doc(1, '<技術>固有表現抽出:人名;東京'), labels: undefined };
      expect(categoryDisagrees(old, categoryEvidence(corpus([old])))).toBe(false);
      const corrected = { ...doc(2, null, { annotation: x('<技術>固有表現抽出:人名;東京'), category: '技術' }), labels: undefined };
      const oldCorpus = corpus().map((d) => ({ ...d, labels: undefined, annotation: x(d.output!) }));
      expect(categoryDisagrees(corrected, categoryEvidence([...oldCorpus, corrected]))).toBe(true);
    });
  });
});
