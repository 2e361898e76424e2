import { expect, test } from '@playwright/test';
import { importFile, openCorpus } from './support/corpus.ts';

// 東京 four times: labelled at 0; inside 東京都 (地名, left alone); inside 東京大学 (施設名, stacked); alone at the end.
const TEXT = '東京で生まれ、東京都に住み、吉野の東京大学へ。東京';
const doc = JSON.stringify({ id: 1, text: TEXT, label: [[0, 2, '地名'], [7, 10, '地名'], [17, 21, '施設名']] });

test('label every occurrence: one step that lists what it added, each reachable, and one undo takes it all back', async ({ page }) => {
  await page.goto('/');
  await importFile(page, 'doccano.jsonl', Buffer.from(`${doc}\n`));
  await page.getByTestId('documents').getByRole('button', { name: /東京で生まれ/ }).click();
  const annotator = page.getByTestId('annotator');
  const rows = annotator.getByTestId('span-list').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await annotator.getByTestId('annotated-text').locator('mark[data-start="0"]').click();
  await page.keyboard.press('a');
  const status = annotator.getByTestId('propagated');
  await expect(status).toContainText('Labelled 2 more occurrences of “東京” as 地名');
  await expect(rows).toHaveCount(5);
  await expect(status.getByRole('button', { name: /Select the new span/ })).toHaveText(['17–19', '23–25']);
  // Each new span can be checked from the list: it is selected in the text and the table.
  await status.getByRole('button', { name: 'Select the new span at 23–25' }).click();
  await expect(annotator.getByTestId('span-list').locator('tbody tr[data-selected] td').nth(2)).toHaveText('23–25');
  // The one inside 東京大学 is stacked under the 施設名 span.
  await expect(annotator.getByTestId('annotated-text').locator('mark[data-start="17"]')).toHaveAttribute('data-labels', '施設名 地名');
  // One undo takes the whole step back, and the list goes with it.
  await status.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(rows).toHaveCount(3);
  await expect(status).toHaveCount(0);
  // Nothing left to add says so, rather than doing nothing silently.
  await page.keyboard.press('Control+Shift+z');
  await expect(rows).toHaveCount(5);
  await annotator.getByTestId('annotated-text').locator('mark[data-start="23"]').click();
  await page.keyboard.press('a');
  await expect(status).toContainText('Every occurrence of “東京” is already labelled 地名');
  await expect(rows).toHaveCount(5);
  // A reload keeps the propagated spans (each edit is saved at once).
  await page.reload();
  await openCorpus(page);
  await page.getByTestId('documents').getByRole('button', { name: /東京で生まれ/ }).click();
  await expect(page.getByTestId('annotator').getByTestId('span-list').locator('tbody tr')).toHaveCount(5);
});

test('label every occurrence reads in Japanese', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
  await page.getByText(/^コーパス/).click();
  await page.getByLabel('ファイルを読み込む').setInputFiles({ name: 'doccano.jsonl', mimeType: 'application/json', buffer: Buffer.from(`${doc}\n`) });
  await page.getByTestId('documents').getByRole('button', { name: /東京で生まれ/ }).click();
  await page.getByTestId('annotated-text').locator('mark[data-start="0"]').click();
  await page.keyboard.press('a');
  await expect(page.getByTestId('propagated')).toContainText('「東京」の他の出現箇所2件を地名としてラベル付けしました');
});
