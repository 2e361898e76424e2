import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DEFAULT_PROFILE as P, emptyExtraction } from '../../../src/index.ts';
import { freshFields, type CorpusDocument } from '../../../src/corpus/document.ts';
import { CorpusDb } from './corpusDb.ts';
import { ConflictError, createCorpusRepository, StorageError } from './corpusRepository.ts';

// Two tabs are two connections to one database: each gets its own repository here.
const doc = (text: string): CorpusDocument => ({ source: 'a.jsonl', line: 1, recordId: null, text, task: 'ner', output: null, importedAt: 1, ...freshFields(text, 'ner', null) });
const annotation = (category: string) => ({ annotation: { ...emptyExtraction('ner', category), entities: [] } as CorpusDocument['annotation'] });

function twoTabs() {
  const name = `tabs-${Math.random()}`;
  const announced = { a: 0, b: 0 };
  const a = createCorpusRepository(new CorpusDb(name), () => void announced.a++);
  const b = createCorpusRepository(new CorpusDb(name), () => void announced.b++);
  return { a, b, announced, name };
}

describe('two tabs on one corpus', () => {
  it('a correction over a revision another tab saved since is refused with theirs; "keep mine" writes over it', async () => {
    const { a, b } = twoTabs();
    const [id] = await a.add([doc('東京で会見。')]);
    const seenByA = (await a.list())[0]!;
    const seenByB = (await b.list())[0]!;
    const savedByA = await a.patch(seenByA, annotation('社会'), P);
    expect(savedByA.rev).toBe(1);
    const refused = await b.patch(seenByB, annotation('技術'), P).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).theirs).toMatchObject({ id, rev: 1, category: '社会' });
    expect((await a.list())[0]!.category).toBe('社会');
    const forced = await b.patch((refused as ConflictError).theirs!, annotation('技術'), P, true);
    expect(forced.rev).toBe(2);
    expect((await a.list())[0]).toMatchObject({ category: '技術', rev: 2 });
  });

  it('a correction of a document another tab deleted is refused (theirs: null); "put it back" restores it with the correction', async () => {
    const { a, b } = twoTabs();
    await a.add([doc('大阪')]);
    const seenByB = (await b.list())[0]!;
    await a.remove(seenByB.id!);
    const refused = (await b.patch(seenByB, annotation('社会'), P).catch((e: unknown) => e)) as ConflictError;
    expect(refused.theirs).toBeNull();
    expect(await a.list()).toEqual([]);
    await b.patch(seenByB, annotation('社会'), P, true);
    expect(await a.list()).toMatchObject([{ id: seenByB.id, text: '大阪', category: '社会' }]);
  });

  it('every write is announced to the other tabs; reads are not', async () => {
    const { a, announced } = twoTabs();
    const [id] = await a.add([doc('x')]);
    await a.list();
    await a.patch((await a.list())[0]!, annotation('社会'), P);
    await a.remove(id!);
    await a.clear();
    expect(announced.a).toBe(4);
  });

  it('a tab on the old schema is told to reload and cannot write once another tab upgraded the database', async () => {
    const { a, name } = twoTabs();
    await a.add([doc('x')]);
    const newer = new Dexie(name);
    newer.version(2).stores({ documents: '++id, task, source, importedAt, reviewed', batches: 'id' });
    newer.version(3).stores({ documents: '++id, task, source, importedAt, reviewed, category', batches: 'id' });
    await newer.open();
    const refused = await a.add([doc('y')]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StorageError);
    expect((refused as StorageError).problem).toEqual({ code: 'outdated' });
    expect(await newer.table('documents').count()).toBe(1);
    // A tab of the old code opened after the upgrade is stopped the same way.
    const late = createCorpusRepository(new CorpusDb(name), () => undefined);
    expect(((await late.add([doc('z')]).catch((e: unknown) => e)) as StorageError).problem).toEqual({ code: 'outdated' });
    expect(await newer.table('documents').count()).toBe(1);
  });
});
