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

test('a correction saved in one tab shows at once in the other open on it; a tab that missed the news meets it as a choice, never a silent overwrite', async ({ context }) => {
  test.setTimeout(90_000);
  const [a, b] = await openTabs(context, 2);
  // A third tab whose announcements never arrive (as when a save and its news cross): it must not overwrite either.
  const deaf = await context.newPage();
  await deaf.addInitScript(() => Object.defineProperty(window, 'BroadcastChannel', { value: undefined }));
  await deaf.goto('/');
  await importFile(a!, 'two.jsonl', Buffer.from(lines.join('\n')));
  await expect(a!.getByTestId('import-result')).toHaveText('2 documents imported');
  await deaf.reload();
  for (const p of [b!, deaf]) await openCorpus(p);
  await expect(b!.getByText('Corpus (2)')).toBeVisible();

  // All three open 東京で会見。; A saves 技術: B follows at once, and says so.
  for (const p of [a!, b!, deaf]) await p.getByTestId('documents').getByRole('button', { name: /東京で会見/ }).click();
  await a!.getByTestId('annotator').getByTestId('category-select').selectOption('技術');
  await expect(b!.getByTestId('annotator').getByTestId('category-select')).toHaveValue('技術');
  await expect(b!.getByTestId('updated-elsewhere')).toContainText('Updated to what another tab saved');
  // B goes on from there: its correction is written over A's, which it has seen.
  await b!.getByTestId('annotator').getByTestId('category-select').selectOption('自然');
  await expect(b!.getByTestId('updated-elsewhere')).toHaveCount(0);
  await expect(a!.getByTestId('annotator').getByTestId('category-select')).toHaveValue('自然');
  await expect.poll(() => stored(a!)).toEqual(['自然', '社会']);
  // The tab that heard nothing still shows 社会; its save meets the newer revision as a choice.
  await expect(deaf.getByTestId('annotator').getByTestId('category-select')).toHaveValue('社会');
  await deaf.getByTestId('annotator').getByTestId('category-select').selectOption('文芸');
  const conflict = deaf.getByTestId('conflict');
  await expect(conflict).toContainText('Another tab saved a correction');
  await expect(conflict.getByTestId('conflict-mine')).toContainText('文芸');
  await expect(conflict.getByTestId('conflict-theirs')).toContainText('自然');
  await conflict.getByRole('button', { name: 'Keep this tab’s' }).click();
  await expect(conflict).toHaveCount(0);
  // (Its save is not announced either: the others see it when they next read the corpus.)
  await expect.poll(() => stored(a!)).toEqual(['文芸', '社会']);
});

test('a delete or a clear in one tab shows in the other, which keeps its correction to put back', async ({ context }) => {
  test.setTimeout(90_000);
  const [a, b] = await openTabs(context, 2);
  await importFile(a!, 'two.jsonl', Buffer.from(lines.join('\n')));
  await expect(a!.getByTestId('import-result')).toHaveText('2 documents imported');
  await openCorpus(b!);
  await expect(b!.getByText('Corpus (2)')).toBeVisible();
  // A deletes 大阪へ行く。 while B corrects it: B is told at once, keeps its editor, and can put it back with its correction.
  await b!.getByTestId('documents').getByRole('button', { name: /大阪へ行く/ }).click();
  await b!.getByTestId('annotator').getByTestId('category-select').selectOption('学問');
  await expect.poll(() => stored(a!)).toEqual(['社会', '学問']);
  await a!.getByRole('button', { name: 'Delete the document of line 2' }).click();
  await expect(a!.getByText('Corpus (1)')).toBeVisible();
  await expect(b!.getByTestId('conflict')).toContainText('Another tab deleted this document');
  await expect(b!.getByTestId('annotator').getByTestId('category-select')).toHaveValue('学問');
  await b!.getByRole('button', { name: 'Put it back with my correction' }).click();
  await expect(a!.getByText('Corpus (2)')).toBeVisible();
  await expect.poll(() => stored(a!)).toEqual(['社会', '学問']);

  // A deletes all: B lists nothing, and its editor asks before it closes.
  await a!.getByRole('button', { name: 'Delete all' }).click();
  await a!.getByTestId('delete-all-confirm').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(b!.getByText('Corpus (0)')).toBeVisible();
  await b!.getByRole('button', { name: 'Leave it deleted' }).click();
  await expect(b!.getByTestId('annotator')).toHaveCount(0);
  expect(await stored(a!)).toEqual([]);
});
