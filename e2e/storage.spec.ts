import { expect, test } from '@playwright/test';
import { corruptStorage, downloadFrom, importFile } from './support/corpus.ts';

test('corrupted saved settings: the page starts with defaults and says which were reset, and the next visit is clean', async ({ page }) => {
  await corruptStorage(page, {
    'giellm-models': JSON.stringify({ state: { selectedId: 'gone', customModels: null }, version: 1 }),
    'giellm-profile': '{not json',
    'giellm-theme': JSON.stringify({ state: { theme: 'neon' }, version: 1 }),
    'giellm-server-keys': 'null',
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'GIELLM Web' })).toBeVisible();
  const notice = page.getByTestId('settings-reset');
  await expect(notice).toContainText('models and custom models');
  await expect(notice).toContainText('format and label sets');
  await expect(notice).toContainText('theme');
  // Still fully usable: a sample parses.
  await page.getByRole('combobox', { name: 'Load a sample' }).selectOption('tcree-5');
  await expect(page.getByTestId('category')).toHaveText('映画');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  // What the app saves back is valid: the next visit has nothing to reset.
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'GIELLM Web' })).toBeVisible();
  await expect(page.getByTestId('settings-reset')).toHaveCount(0);
});

test('a really full quota (Chromium’s own, made small): the import stores nothing, the corpus stays, and Export and Delete work from the message', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  const origin = new URL(page.url()).origin;
  const cdp = await context.newCDPSession(page);
  // The quota Chromium enforces for this origin, as DevTools' "simulate custom storage quota" sets it.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 3 * 1024 * 1024 });
  const line = (i: number, pad = '') => JSON.stringify({ id: `d${i}`, text: `東京で会見した${i}。${pad}`, task: 'ner', output: '<社会>固有表現抽出:地名;東京' });
  await importFile(page, 'small.jsonl', Buffer.from([1, 2, 3].map((i) => line(i)).join('\n')));
  await expect(page.getByTestId('import-result')).toHaveText('3 documents imported');
  // 8 MB of text does not fit in 3 MB.
  const big = Array.from({ length: 4_000 }, (_, i) => line(100 + i, 'あ'.repeat(1_000))).join('\n');
  await importFile(page, 'big.jsonl', Buffer.from(big));
  const problem = page.getByTestId('storage-problem');
  await expect(problem).toContainText('storage for this site is full', { timeout: 30_000 });
  await expect(page.getByText('Corpus (3)')).toBeVisible();
  // Export from the message: the three documents that were kept.
  const { content } = await downloadFrom(page, () => problem.getByRole('button', { name: 'Export' }).click());
  expect(content.trim().split('\n')).toHaveLength(3);
  // Delete from the message, after the question.
  await problem.getByRole('button', { name: 'Delete all' }).click();
  await page.getByTestId('delete-all-confirm').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('Corpus (0)')).toBeVisible();
  // With room again, the same file imports whole.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await importFile(page, 'big.jsonl', Buffer.from(big));
  await expect(page.getByTestId('import-result')).toHaveText('4000 documents imported', { timeout: 60_000 });
});
