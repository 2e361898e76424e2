import { describe, expect, it } from 'vitest';
import { filterDocuments, NO_FILTER } from './filterDocuments.ts';
import type { StoredDocument } from '../../shared/storage/corpusDb.ts';

const doc = (id: number, text: string, task: StoredDocument['task'], output: string | null): StoredDocument => ({ id, source: 'f', line: id, recordId: null, text, task, output, importedAt: 0 });
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
});
