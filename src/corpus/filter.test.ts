import { describe, expect, it } from 'vitest';
import { categoriesOf, filterDocuments, NO_CATEGORY, NO_FILTER } from './filter.ts';
import { freshFields, type CorpusDocument } from './document.ts';

const doc = (id: number, text: string, task: CorpusDocument['task'], output: string | null): CorpusDocument => ({ id, source: 'f', line: id, recordId: null, text, task, output, importedAt: 0, ...freshFields(text, task, output) });
const DOCS = [doc(1, 'ＮＴＴドコモの発表', 'ner', null), doc(2, '国母和宏(東海大)', 're', '<スポーツ>関係抽出:国母和宏;所属;東海大:'), doc(3, '浅田真央が出演', 'ee', '<スポーツ>イベント抽出:浅田真央;出演;27日:')];

describe('filterDocuments', () => {
  it('filters by task, by having an output, and by words in text or output, width-insensitively', () => {
    const ids = (f: Partial<typeof NO_FILTER>) => filterDocuments(DOCS, { ...NO_FILTER, ...f }).map((d) => d.id);
    expect(ids({})).toEqual([1, 2, 3]);
    expect(ids({ task: 're' })).toEqual([2]);
    expect(ids({ output: 'without' })).toEqual([1]);
    expect(ids({ output: 'with', query: 'スポーツ 出演' })).toEqual([3]);
    expect(ids({ query: 'ntt' })).toEqual([1]);
    expect(ids({ query: '所属' })).toEqual([2]);
  });

  it('searches what a document holds now, after its output was changed in place', () => {
    const d = doc(5, 'ＡＢＣ銀行', 'ner', null);
    const search = (query: string) => filterDocuments([d], { ...NO_FILTER, query }).length;
    expect(search('abc')).toBe(1);
    expect(search('組織名')).toBe(0);
    d.output = '<経済>固有表現抽出:組織名;ＡＢＣ銀行';
    expect(search('組織名')).toBe(1);
    expect(search('abc銀行 組織名')).toBe(1);
  });

  it('filters by category, review state and warnings', () => {
    const docs = [...DOCS.map((d) => (d.id === 1 ? { ...d, flagged: 1 as const, comment: '要確認' } : d.id === 2 ? { ...d, skipped: 1 as const } : d)), { ...doc(4, '文', 'ner', '<社会>固有表現抽出:人名'), reviewed: 1 as const }];
    const ids = (f: Partial<typeof NO_FILTER>) => filterDocuments(docs, { ...NO_FILTER, ...f }).map((d) => d.id);
    expect(categoriesOf(docs)).toEqual(['スポーツ', '社会']);
    expect(ids({ category: 'スポーツ' })).toEqual([2, 3]);
    expect(ids({ category: NO_CATEGORY })).toEqual([1]);
    expect(ids({ reviewed: 'yes' })).toEqual([4]);
    expect(ids({ reviewed: 'no' })).toEqual([1, 2, 3]);
    expect(ids({ reviewed: 'flagged' })).toEqual([1]);
    expect(ids({ reviewed: 'skipped' })).toEqual([2]);
    expect(ids({ reviewed: 'commented' })).toEqual([1]);
    // Doc 3's time (27日) is not in its text; doc 4's pair has no span: both carry warnings.
    expect(ids({ warnings: 'with' })).toEqual([3, 4]);
  });
});
