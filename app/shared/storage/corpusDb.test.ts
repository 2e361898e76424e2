import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { freshFields } from '../../../src/corpus/document.ts';
import { CorpusDb } from './corpusDb.ts';
import { createCorpusRepository, storageError } from './corpusRepository.ts';
import { en } from '../i18n/en.ts';

describe('corpus database', () => {
  it('stores and reads documents across reopenings', async () => {
    const name = `t-${Math.random()}`;
    const db = new CorpusDb(name);
    await createCorpusRepository(db).add([
      { source: 'a.jsonl', line: 1, recordId: 'x', text: '文', task: 'ner', output: null, importedAt: 1, ...freshFields('文', 'ner', null) },
      { source: 'a.jsonl', line: 2, recordId: null, text: '文2', task: 're', output: '<スポーツ>関係抽出', importedAt: 1, ...freshFields('文2', 're', '<スポーツ>関係抽出') },
    ]);
    db.close();
    const again = new CorpusDb(name);
    expect(await again.documents.count()).toBe(2);
    expect((await again.documents.where('task').equals('re').first())?.output).toBe('<スポーツ>関係抽出');
    expect(again.verno).toBe(2);
  });

  it('migrates a version 1 database: documents kept, new fields filled from their outputs', async () => {
    const name = `m-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ documents: '++id, task, source, importedAt' });
    await v1.table('documents').bulkAdd([
      { source: 'old.jsonl', line: 3, recordId: 'r1', text: '東京で会見', task: 'ner', output: '<社会>固有表現抽出:地名;東京', importedAt: 5 },
      { source: 'old.jsonl', line: 4, recordId: null, text: '文', task: 'ner', output: null, importedAt: 5 },
    ]);
    v1.close();
    const db = new CorpusDb(name);
    const docs = await db.documents.orderBy('id').toArray();
    expect(db.verno).toBe(2);
    expect(docs[0]).toMatchObject({ source: 'old.jsonl', line: 3, recordId: 'r1', output: '<社会>固有表現抽出:地名;東京', annotation: null, prediction: null, reviewed: 0, category: '社会', warnings: 0 });
    expect(docs[1]).toMatchObject({ output: null, category: null, reviewed: 0 });
    expect(await db.documents.where('reviewed').equals(0).count()).toBe(2);
    await createCorpusRepository(db).putBatch({ id: 'batch', ids: [1, 2], next: 1, model: 'm', status: 'paused', failed: 0, startedAt: 1 });
    expect((await db.batches.get('batch'))?.next).toBe(1);
  });

  it('maps quota errors to a way out, and other failures to a clear message', () => {
    expect(storageError({ name: 'QuotaExceededError' }).problem).toEqual({ code: 'quota' });
    expect(en.storage.quota).toContain('storage for this site is full');
    expect(storageError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } }).problem.code).toBe('quota');
    expect(storageError({ name: 'InvalidStateError' }).problem).toEqual({ code: 'unavailable', params: { name: 'InvalidStateError' } });
    expect(en.storage.unavailable).toContain('({{name}})');
  });
});
