import { expect, test, type Page } from '@playwright/test';
import { importFile, openCorpus, openTabs } from './support/corpus.ts';

// Two tabs of the app in one browser: one corpus database, kept consistent between them.
/** The categories stored for the documents, read straight from IndexedDB in a tab. */
const stored = (p: Page) =>
  p.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('giellm-corpus');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('documents').objectStore('documents').getAll();
          all.onsuccess = () => {
            resolve((all.result as { category: string }[]).map((d) => d.category));
            open.result.close();
          };
        };
      }),
  );

const lines = ['{"id": "a", "text": "東京で会見。", "task": "ner", "output": "<社会>固有表現抽出:地名;東京"}', '{"id": "b", "text": "大阪へ行く。", "task": "ner", "output": "<社会>固有表現抽出:地名;大阪"}'];

test('a delete or a clear in one tab shows in the other; corrections of one document in both meet as a choice, never a silent overwrite', async ({ context }) => {
  test.setTimeout(90_000);
  const [a, b] = await openTabs(context, 2);
  await importFile(a!, 'two.jsonl', Buffer.from(lines.join('\n')));
  await expect(a!.getByTestId('import-result')).toHaveText('2 documents imported');
  await openCorpus(b!);
  await expect(b!.getByText('Corpus (2)')).toBeVisible();

  // Both tabs open 東京で会見。; A saves 技術, then B saves 文芸 over the revision it read.
  for (const p of [a!, b!]) await p.getByTestId('documents').getByRole('button', { name: /東京で会見/ }).click();
  await a!.getByTestId('annotator').getByTestId('category-select').selectOption('技術');
  await expect.poll(() => stored(b!)).toEqual(['技術', '社会']);
  await b!.getByTestId('annotator').getByTestId('category-select').selectOption('文芸');
  const conflict = b!.getByTestId('conflict');
  await expect(conflict).toContainText('Another tab saved a correction');
  await expect(conflict.getByTestId('conflict-mine')).toContainText('文芸');
  await expect(conflict.getByTestId('conflict-theirs')).toContainText('技術');
  await conflict.getByRole('button', { name: 'Keep this tab’s' }).click();
  await expect(conflict).toHaveCount(0);
  await expect.poll(() => stored(a!)).toEqual(['文芸', '社会']);

  // A deletes 大阪へ行く。 while B corrects it: B is told at once, keeps its editor, and can put it back with its correction.
  await b!.getByTestId('documents').getByRole('button', { name: /大阪へ行く/ }).click();
  await b!.getByTestId('annotator').getByTestId('category-select').selectOption('学問');
  await expect.poll(() => stored(a!)).toEqual(['文芸', '学問']);
  await a!.getByRole('button', { name: 'Delete the document of line 2' }).click();
  await expect(a!.getByText('Corpus (1)')).toBeVisible();
  await expect(b!.getByTestId('conflict')).toContainText('Another tab deleted this document');
  await expect(b!.getByTestId('annotator').getByTestId('category-select')).toHaveValue('学問');
  await b!.getByRole('button', { name: 'Put it back with my correction' }).click();
  await expect(a!.getByText('Corpus (2)')).toBeVisible();
  await expect.poll(() => stored(a!)).toEqual(['文芸', '学問']);

  // A deletes all: B lists nothing, and its editor asks before it closes.
  await a!.getByRole('button', { name: 'Delete all' }).click();
  await a!.getByTestId('delete-all-confirm').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(b!.getByText('Corpus (0)')).toBeVisible();
  await b!.getByRole('button', { name: 'Leave it deleted' }).click();
  await expect(b!.getByTestId('annotator')).toHaveCount(0);
  expect(await stored(a!)).toEqual([]);
});
