import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADD_CHUNK, corpusRepository } from '../storage/corpusRepository.ts';
import { en } from '../i18n/en.ts';
import { importedCount, useCorpusStore } from './corpusStore.ts';
import { useProfileStore } from '../profile/profileStore.ts';
import { HISTORY_ITEMS, MAX_EDIT_CHARS } from './editorSlice.ts';
import { setCategory } from '../../../src/annotate/edits.ts';
import { formatInputError } from '../../../src/data/records.ts';

const corpusDb = corpusRepository.db;

const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
const file = (name: string, content: string) => new File([content], name);
const store = () => useCorpusStore.getState();

describe('corpus store', () => {
  beforeEach(async () => {
    await corpusRepository.clear();
    await store().loadDocuments();
    await store().importFiles([file('a.jsonl', '{"text": "東京で会見。", "task": "ner", "output": "<社会>固有表現抽出:地名;東京"}\n')]);
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
    await store().importFiles([file('b.txt', '一行目。\n二行目。\n')]);
    await store().confirmTask('ner');
    expect(importedCount(store().importSummary)).toBe(0);
    expect(store().documents.map((d) => d.text)).toEqual(['東京で会見。']);
    expect(store().storageProblem).toEqual({ code: 'quota' });
  });

  it('a file the browser cannot read is named, and the other files of the import are still imported', async () => {
    const lost = file('lost.jsonl', '');
    vi.spyOn(lost, 'arrayBuffer').mockRejectedValueOnce(Object.assign(new Error('The requested file could not be read'), { name: 'NotReadableError' }));
    await store().importFiles([lost, file('b.jsonl', '{"text": "大阪", "task": "ner"}\n')]);
    expect(store().importSummary.map((r) => [r.file, r.stored, r.errors.map(formatInputError)])).toEqual([
      ['lost.jsonl', 0, ['lost.jsonl: could not be read (The requested file could not be read); nothing was imported from it']],
      ['b.jsonl', 1, []],
    ]);
  });

  it('asks for the columns of two CSV files one after the other', async () => {
    await store().importFiles([file('c1.csv', 'body,gold\n大阪へ。,<社会>固有表現抽出:地名;大阪\n'), file('c2.csv', 'honbun,kotae\n京都へ。,<社会>固有表現抽出:地名;京都\n')]);
    expect(store().pending.map((p) => [p.kind, p.name])).toEqual([
      ['csv', 'c1.csv'],
      ['csv', 'c2.csv'],
    ]);
    await store().confirmCsv({ text: 'body', output: 'gold', id: null, task: null });
    await store().confirmCsv({ text: 'honbun', output: 'kotae', id: null, task: null });
    expect(store().documents.map((d) => d.text)).toEqual(['東京で会見。', '大阪へ。', '京都へ。']);
  });

  it('stores a large file in chunks with progress, and a stop keeps nothing of it', async () => {
    const lines = Array.from({ length: ADD_CHUNK * 2 + 10 }, (_, i) => `{"text": "文${i}。", "task": "ner"}`).join('\n');
    const seen: number[] = [];
    const unsubscribe = useCorpusStore.subscribe((s) => {
      const p = s.importProgress?.phase === 'storing' ? s.importProgress : null;
      if (p && seen.at(-1) !== p.done) seen.push(p.done);
      // Stop once the second chunk is in.
      if (p?.done === ADD_CHUNK * 2) p.stop();
    });
    await store().importFiles([file('big.jsonl', lines)]);
    unsubscribe();
    expect(seen).toEqual([0, ADD_CHUNK, ADD_CHUNK * 2]);
    expect(store().importProgress).toBeNull();
    expect(store().importSummary[0]).toMatchObject({ file: 'big.jsonl', read: ADD_CHUNK * 2 + 10, stored: 0, stopped: true });
    expect(await corpusDb.documents.count()).toBe(1);
    await store().importFiles([file('big.jsonl', lines)]);
    expect(await corpusDb.documents.count()).toBe(ADD_CHUNK * 2 + 11);
  });

  it('reads a large file with progress through it, and a stop while reading keeps nothing of it', async () => {
    const lines = Array.from({ length: 25_000 }, (_, i) => `{"text": "文${i}。", "task": "ner"}`).join('\n');
    const reading: number[] = [];
    let total = 0;
    const unsubscribe = useCorpusStore.subscribe((s) => {
      if (s.importProgress?.phase === 'reading') {
        reading.push(s.importProgress.done);
        total = s.importProgress.total;
      }
    });
    await store().importFiles([file('big.jsonl', lines)]);
    unsubscribe();
    // Told at the start and every 10,000 lines, in characters of the text, always moving forward.
    expect(reading.length).toBe(3);
    expect(reading[0]).toBe(0);
    expect(reading[1]! > 0 && reading[2]! > reading[1]! && reading[2]! < total).toBe(true);
    expect(store().importSummary[0]).toMatchObject({ file: 'big.jsonl', stored: 25_000 });
    const stopAtOnce = useCorpusStore.subscribe((s) => {
      if (s.importProgress?.phase === 'reading') s.importProgress.stop();
    });
    await store().importFiles([file('again.jsonl', lines)]);
    stopAtOnce();
    expect(store().importSummary).toEqual([expect.objectContaining({ file: 'again.jsonl', stored: 0, stopped: true, errors: [] })]);
    expect(await corpusDb.documents.count()).toBe(25_001);
  });

  it('a full disk in the middle of a large file takes back its first chunks', async () => {
    const lines = Array.from({ length: ADD_CHUNK + 1 }, (_, i) => `{"text": "文${i}。", "task": "ner"}`).join('\n');
    const bulkAdd = corpusDb.documents.bulkAdd.bind(corpusDb.documents);
    vi.spyOn(corpusDb.documents, 'bulkAdd').mockImplementationOnce(bulkAdd).mockRejectedValueOnce(quota);
    await store().importFiles([file('big.jsonl', lines)]);
    expect(store().storageProblem).toEqual({ code: 'quota' });
    expect(store().importSummary[0]).toMatchObject({ stored: 0 });
    expect(await corpusDb.documents.count()).toBe(1);
  });

  it('follows what another tab saved of the open document, unless an edit of its own is on its way', async () => {
    const doc = store().documents[0]!;
    store().openEditor(doc, [doc.id!]);
    store().apply((x) => setCategory(x, '技術'));
    // Its own save on its way: the store is not followed yet.
    store().followStored();
    expect(store().updatedElsewhere).toBe(false);
    await vi.waitFor(() => expect(store().documents[0]!.category).toBe('技術'));
    expect(store().past).toHaveLength(1);
    // Its own save stored: nothing newer to follow.
    store().followStored();
    expect(store().updatedElsewhere).toBe(false);
    // Another tab writes 自然 over the stored revision (as its repository does), and this tab reads the corpus again.
    const stored = (await corpusDb.documents.get(doc.id!))!;
    await corpusRepository.patch(stored, { annotation: setCategory(store().current!, '自然') }, useProfileStore.getState().profile);
    await store().loadDocuments();
    store().followStored();
    expect(store().current!.category).toBe('自然');
    expect(store().updatedElsewhere).toBe(true);
    // Undo cannot silently take the other tab's work back: the history starts afresh.
    expect(store().past).toHaveLength(0);
    store().apply((x) => setCategory(x, '社会'));
    expect(store().updatedElsewhere).toBe(false);
    await vi.waitFor(async () => expect((await corpusDb.documents.get(doc.id!))!.category).toBe('社会'));
    expect(store().conflict).toBeNull();
  });

  it('undo is bounded by the items it holds, not a silent step count, and says when it drops steps; a huge document opens read-only', async () => {
    // A 5,000-span article: each saved state holds 5,001 items, so a million items keep the last 199 steps.
    const text = '東京、'.repeat(5_000);
    const output = `<社会>固有表現抽出${':地名;東京'.repeat(5_000)}`;
    await store().importFiles([file('long.jsonl', JSON.stringify({ text, task: 'ner', output }) + '\n')]);
    const doc = store().documents.find((d) => d.source === 'long.jsonl')!;
    store().openEditor(doc, [doc.id!]);
    expect(store().current!.entities).toHaveLength(5_000);
    for (let i = 0; i < 250; i++) store().apply((x) => setCategory(x, i % 2 ? '社会' : '技術'));
    expect(store().past.length).toBe(Math.floor(HISTORY_ITEMS / 5_001));
    expect(store().historyTrimmed).toBe(true);
    // A short document keeps every step.
    const short = store().documents.find((d) => d.source === 'a.jsonl')!;
    store().openEditor(short, [short.id!]);
    for (let i = 0; i < 300; i++) store().apply((x) => setCategory(x, i % 2 ? '社会' : '技術'));
    expect(store().past.length).toBe(300);
    expect(store().historyTrimmed).toBe(false);
    // Past the editor's limit: shown, not edited.
    await store().importFiles([file('huge.txt', 'あ'.repeat(MAX_EDIT_CHARS + 1))]);
    await store().confirmTask('ner');
    const huge = store().documents.find((d) => d.source === 'huge.txt')!;
    store().openEditor(huge, [huge.id!]);
    expect(store().editorReadOnly).toBe(true);
    const before = store().current;
    expect(store().apply((x) => setCategory(x, '技術'))).toBe(before);
    store().closeEditor();
  });

  it('asks for a mapping for an unknown CSV, then imports through it', async () => {
    await store().importFiles([file('c.csv', 'body,gold\n大阪へ。,<社会>固有表現抽出:地名;大阪\n')]);
    expect(store().pending[0]).toMatchObject({ kind: 'csv', name: 'c.csv', header: ['body', 'gold'], mapping: { text: 'body', output: 'gold' } });
    await store().confirmCsv({ text: 'body', output: 'gold', id: null, task: null });
    expect(store().pending).toEqual([]);
    expect(store().documents.map((d) => [d.text, d.category])).toEqual([
      ['東京で会見。', '社会'],
      ['大阪へ。', '社会'],
    ]);
  });

  it('imports several files at once, a text file whole as one document when asked', async () => {
    store().setTextMode('whole');
    await store().importFiles([file('article.txt', '\uFEFF一文目。\r\n二文目。\r\n'), file('empty.txt', ' \n'), file('more.jsonl', '{"text": "三。", "task": "re"}\n')]);
    // The text file names no task: it waits for the user's choice while the others are imported.
    expect(store().pending.map((p) => [p.kind, p.name])).toEqual([['task', 'article.txt']]);
    await store().confirmTask('ee');
    store().setTextMode('lines');
    expect(importedCount(store().importSummary)).toBe(2);
    expect(store().importSummary.find((r) => r.file === 'empty.txt')!.errors.map(formatInputError)).toEqual(['empty.txt: the file is empty; nothing was imported from it']);
    expect(store().importSummary.find((r) => r.file === 'article.txt')).toMatchObject({ format: 'text', encoding: 'utf-8', encodingBy: 'bom', read: 1, stored: 1, chosenTask: 'ee' });
    expect(store().documents.slice(1).map((d) => [d.source, d.line, d.text, d.task])).toEqual([
      ['more.jsonl', 1, '三。', 're'],
      ['article.txt', null, '一文目。\n二文目。', 'ee'],
    ]);
  });

  it("keeps a record's token-limit mark through IndexedDB, so its cut-off item is dropped and counted", async () => {
    await store().importFiles([file('cut.jsonl', '{"text": "大阪で会見。", "task": "ner", "output": "<社会>固有表現抽出:地名;大阪:人名;会", "finish_reason": "length"}\n')]);
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

  it('notices an import that repeats the corpus, and skips, replaces or keeps both as asked', async () => {
    const again = () => store().importFiles([file('a2.jsonl', '{"text": "東京で会見。", "task": "ner", "output": "<自然>固有表現抽出"}\n{"text": "新しい文。", "task": "ner"}\n')]);
    await again();
    expect(store().pending[0]).toMatchObject({ kind: 'duplicates', name: 'a2.jsonl', duplicates: 1 });
    await store().confirmDuplicates('skip');
    expect(store().documents.map((d) => d.text)).toEqual(['東京で会見。', '新しい文。']);
    expect(store().importSummary[0]).toMatchObject({ read: 2, stored: 1, duplicates: { count: 1, choice: 'skip' } });
    await again();
    await store().confirmDuplicates('replace');
    // Both documents repeat the corpus now: the stored ones give way to the file's.
    expect(store().documents.map((d) => [d.text, d.category])).toEqual([
      ['東京で会見。', '自然'],
      ['新しい文。', null],
    ]);
  });

  it('an import adds what it stored to the list, with the stored ids, without reading the corpus back', async () => {
    const list = vi.spyOn(corpusRepository, 'list');
    await store().importFiles([file('c.jsonl', '{"text": "一。", "task": "ner"}\n{"text": "二。", "task": "ner", "output": "<社会>固有表現抽出:地名;二"}\n')]);
    expect(list).not.toHaveBeenCalled();
    expect(store().documents).toEqual(await corpusDb.documents.toArray());
    expect(store().documents.map((d) => d.text)).toEqual(['東京で会見。', '一。', '二。']);
    // Replacing repeats takes the replaced ones out of the list as out of storage.
    await store().importFiles([file('c2.jsonl', '{"text": "一。", "task": "ner", "output": "<社会>固有表現抽出"}\n')]);
    await store().confirmDuplicates('replace');
    expect(list).not.toHaveBeenCalled();
    expect(store().documents).toEqual(await corpusDb.documents.toArray());
    expect(store().documents.map((d) => d.text)).toEqual(['東京で会見。', '二。', '一。']);
  });

  it('a list read that began before an import and ends after it never takes the import back out', async () => {
    const list = corpusRepository.list.bind(corpusRepository);
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    // The first read sees the corpus before the import and answers only after the import is done (the panel
    // opening as the first import starts); later reads are as they are.
    vi.spyOn(corpusRepository, 'list').mockImplementationOnce(async () => {
      const before = await list();
      await held;
      return before;
    });
    const loading = store().loadDocuments();
    await store().importFiles([file('d.jsonl', '{"text": "三。", "task": "ner"}\n')]);
    release();
    await loading;
    expect(store().documents.map((d) => d.text)).toEqual(['東京で会見。', '三。']);
  });

  it('a file picked while another imports waits for it, and is checked against what that one stored', async () => {
    const first = store().importFiles([file('e1.jsonl', '{"text": "四。", "task": "ner"}\n{"text": "五。", "task": "ner"}\n')]);
    const second = store().importFiles([file('e2.jsonl', '{"text": "四。", "task": "ner"}\n')]);
    await Promise.all([first, second]);
    expect(store().pending[0]).toMatchObject({ kind: 'duplicates', name: 'e2.jsonl', duplicates: 1 });
    expect(store().documents.map((d) => d.text)).toEqual(['東京で会見。', '四。', '五。']);
  });

  it('a delete can be undone, with the same ids', async () => {
    await store().importFiles([file('b.jsonl', '{"text": "二。", "task": "ner"}\n')]);
    const before = store().documents;
    const earlier = store().deleted.length;
    await store().clear();
    expect(store().documents).toEqual([]);
    expect(store().deleted.at(-1)).toHaveLength(2);
    await store().undoDelete();
    expect(store().documents).toEqual(before);
    // Each delete of the page can be undone, the latest first.
    await store().remove(before[0]!.id!);
    await store().remove(before[1]!.id!);
    expect(store().documents).toEqual([]);
    await store().undoDelete();
    expect(store().documents.map((d) => d.id)).toEqual([before[1]!.id]);
    await store().undoDelete();
    expect(store().documents.map((d) => d.id)).toEqual(before.map((d) => d.id));
    expect(store().deleted).toHaveLength(earlier);
  });

  it('reads a file again in another encoding, replacing what it gave', async () => {
    const sjis = new Uint8Array([...new TextEncoder().encode('{"text": "'), 0x93, 0xfa, 0x96, 0x7b, ...new TextEncoder().encode('", "task": "ner"}\n')]);
    await store().importFiles([new File([sjis], 's.jsonl')]);
    expect(store().importSummary[0]).toMatchObject({ encoding: 'shift_jis', encodingBy: 'valid' });
    expect(store().documents.at(-1)!.text).toBe('日本');
    await store().rereadFile('s.jsonl', 'euc-jp');
    expect(store().importSummary[0]).toMatchObject({ encoding: 'euc-jp', encodingBy: 'chosen', stored: 1 });
    expect(store().documents).toHaveLength(2);
    expect(store().documents.at(-1)!.text).not.toBe('日本');
  });
});
