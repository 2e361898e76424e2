import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { corpusRepository } from '../storage/corpusRepository.ts';
import { en } from '../i18n/en.ts';
import { documentsFromFile, useCorpusStore } from './corpusStore.ts';

const corpusDb = corpusRepository.db;

const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
const file = (name: string, content: string) => new File([content], name);
const store = () => useCorpusStore.getState();

describe('corpus store', () => {
  beforeEach(async () => {
    await corpusRepository.clear();
    await store().importFiles([file('a.jsonl', '{"text": "東京で会見。", "task": "ner", "output": "<社会>固有表現抽出:地名;東京"}\n')], 'ner');
  });
  afterEach(() => vi.restoreAllMocks());

  it('a full quota on an edit keeps what the user had and says how to get out', async () => {
    const before = store().documents;
    vi.spyOn(corpusDb.documents, 'update').mockRejectedValueOnce(quota);
    expect(await store().update(before[0]!.id!, { reviewed: 1 })).toBe(false);
    expect(store().documents).toEqual(before);
    expect(store().storageProblem).toEqual({ code: 'quota' });
    expect(en.storage.quota).toMatch(/full.*Export your corpus, then delete documents/);
    expect(await store().update(before[0]!.id!, { reviewed: 1 })).toBe(true);
    expect(store().storageProblem).toBeNull();
    expect(store().documents[0]!.reviewed).toBe(1);
  });

  it('a full quota on import stores nothing of that file and keeps the corpus', async () => {
    vi.spyOn(corpusDb.documents, 'bulkAdd').mockRejectedValueOnce(quota);
    await store().importFiles([file('b.txt', '一行目。\n二行目。\n')], 'ner');
    expect(store().importedCount).toBe(0);
    expect(store().documents.map((d) => d.text)).toEqual(['東京で会見。']);
    expect(store().storageProblem).toEqual({ code: 'quota' });
  });

  it('asks for a mapping for an unknown CSV, then imports through it', async () => {
    await store().importFiles([file('c.csv', 'body,gold\n大阪へ。,<社会>固有表現抽出:地名;大阪\n')], 'ner');
    expect(store().pendingCsv).toMatchObject({ name: 'c.csv', header: ['body', 'gold'], mapping: { text: 'body', output: 'gold' } });
    await store().confirmCsv({ text: 'body', output: 'gold', id: null, task: null });
    expect(store().pendingCsv).toBeNull();
    expect(store().documents.map((d) => [d.text, d.category])).toEqual([
      ['東京で会見。', '社会'],
      ['大阪へ。', '社会'],
    ]);
  });

  it('imports several files at once, a text file whole as one document when asked', async () => {
    store().setTextMode('whole');
    await store().importFiles([file('article.txt', '\uFEFF一文目。\r\n二文目。\r\n'), file('empty.txt', ' \n'), file('more.jsonl', '{"text": "三。", "task": "re"}\n')], 'ee');
    store().setTextMode('lines');
    expect(store().importedCount).toBe(2);
    expect(store().importErrors).toEqual(['empty.txt: the file is empty']);
    expect(store().documents.slice(1).map((d) => [d.source, d.line, d.text, d.task])).toEqual([
      ['article.txt', null, '一文目。\n二文目。', 'ee'],
      ['more.jsonl', 1, '三。', 're'],
    ]);
  });

  it("keeps a record's token-limit mark through IndexedDB, so its cut-off item is dropped and counted", async () => {
    await store().importFiles([file('cut.jsonl', '{"text": "東京で会見。", "task": "ner", "output": "<社会>固有表現抽出:地名;東京:人名;会", "finish_reason": "length"}\n')], 'ner');
    const stored = (await corpusDb.documents.toArray()).find((d) => d.source === 'cut.jsonl')!;
    expect(stored).toMatchObject({ outputTruncated: true, warnings: 1 });
  });

  it('deleting all closes the editor and cancels the batch, inside the one store', async () => {
    const doc = store().documents[0]!;
    store().openEditor(doc, [doc.id!]);
    await corpusRepository.putBatch({ id: 'batch', ids: [doc.id!], next: 0, model: 'm', status: 'paused', failed: 0, startedAt: 0 });
    await store().loadBatch();
    expect(store().job).not.toBeNull();
    await store().clear();
    expect(store()).toMatchObject({ docId: null, current: null, job: null, documents: [] });
    expect(await corpusRepository.getBatch()).toBeNull();
  });

  it('an edit patches the list with the summary it implies', async () => {
    const doc = store().documents[0]!;
    expect(await store().update(doc.id!, { annotation: { task: 'ner', category: '自然', entities: [], relations: [], events: [], warnings: [] } })).toBe(true);
    expect(store().documents[0]).toMatchObject({ category: '自然', warnings: 0 });
    expect((await corpusDb.documents.get(doc.id!))).toMatchObject({ category: '自然' });
  });

  it('reads a TCREE CSV without asking, and plain text one document per line', async () => {
    const tcree = await documentsFromFile('t.csv', '今月8日、吉田秀彦が引退。イベント抽出,,<スポーツ>イベント抽出:吉田秀彦;引退;今月8日:\n', 'ner');
    expect('docs' in tcree && tcree.docs.map((d) => [d.text, d.task, d.category])).toEqual([['今月8日、吉田秀彦が引退。', 'ee', 'スポーツ']]);
    const plain = await documentsFromFile('p.txt', '一。\n\n二。\n', 're');
    expect('docs' in plain && plain.docs.map((d) => [d.line, d.text, d.task])).toEqual([
      [1, '一。', 're'],
      [3, '二。', 're'],
    ]);
  });
});
