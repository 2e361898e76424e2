import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CorpusDb, storageError } from './corpusDb.ts';

describe('corpus database', () => {
  it('stores and reads documents across reopenings', async () => {
    const name = `t-${Math.random()}`;
    const db = new CorpusDb(name);
    await db.documents.bulkAdd([
      { source: 'a.jsonl', line: 1, recordId: 'x', text: '文', task: 'ner', output: null, importedAt: 1 },
      { source: 'a.jsonl', line: 2, recordId: null, text: '文2', task: 're', output: '<スポーツ>関係抽出', importedAt: 1 },
    ]);
    db.close();
    const again = new CorpusDb(name);
    expect(await again.documents.count()).toBe(2);
    expect((await again.documents.where('task').equals('re').first())?.output).toBe('<スポーツ>関係抽出');
    expect(again.verno).toBe(1);
  });

  it('maps quota errors to a way out, and other failures to a clear message', () => {
    expect(storageError({ name: 'QuotaExceededError' })).toMatchObject({ kind: 'quota', message: expect.stringContaining('storage for this site is full') });
    expect(storageError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } }).kind).toBe('quota');
    expect(storageError({ name: 'InvalidStateError' })).toMatchObject({ kind: 'unavailable', message: expect.stringContaining('InvalidStateError') });
  });
});
