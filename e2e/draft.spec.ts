import { expect, test } from '@playwright/test';
import { importFile } from './support/corpus.ts';

test('the workspace draft (text, task, output) survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
  await page.getByRole('textbox', { name: 'Source text' }).fill('国母和宏は東海大の学生だ。');
  await page.getByRole('textbox', { name: 'Model output' }).fill('<社会>固有表現抽出:人名;国母和宏');
  await expect(page.getByTestId('highlighted').locator('mark')).toHaveText(['国母和宏']);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Source text' })).toHaveValue('国母和宏は東海大の学生だ。');
  await expect(page.getByRole('textbox', { name: 'Model output' })).toHaveValue('<社会>固有表現抽出:人名;国母和宏');
  await expect(page.getByRole('combobox', { name: 'Task', exact: true })).toHaveValue('ner');
  await expect(page.getByTestId('highlighted').locator('mark')).toHaveText(['国母和宏']);
});

test('a corrupted draft in storage falls back to the sample and says so, never a blank page', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('giellm-draft', '{"state":{"text":null,"task":"nope"},"version":1}');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Source text' })).not.toHaveValue('');
  await expect(page.getByRole('status').filter({ hasText: 'the workspace draft' })).toBeVisible();
});

for (const width of [1280, 360]) {
  test(`a 3,000-character category never widens the page, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    const long = 'カ'.repeat(3000);
    await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
    await page.getByRole('textbox', { name: 'Source text' }).fill('東京');
    await page.getByRole('textbox', { name: 'Model output' }).fill(`<${long}>固有表現抽出:地名;東京`);
    const category = page.getByTestId('category');
    await expect(category).toHaveAttribute('title', long);
    // The corpus and annotator hold the same category: import it and open it there too.
    await importFile(page, 'long.jsonl', Buffer.from(`${JSON.stringify({ text: '東京', task: 'ner', output: `<${long}>固有表現抽出:地名;東京` })}\n`));
    await page.getByTestId('documents').getByRole('button', { name: /東京/ }).click();
    await expect(page.getByTestId('annotator')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('opening a document brings the editor into view with its text focused, so keys act on it at once', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto('/');
  const docs = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `d${i}`, text: `文書${i}の東京`, task: 'ner' })).join('\n');
  await importFile(page, 'many.jsonl', Buffer.from(`${docs}\n`));
  await page.getByTestId('documents').getByRole('button', { name: /文書0の東京/ }).click();
  const annotator = page.getByTestId('annotator');
  await expect(annotator.getByRole('heading')).toBeInViewport();
  await expect(page.getByTestId('annotated-text')).toBeFocused();
  // N goes to the next document straight away.
  await page.keyboard.press('n');
  await expect(annotator.getByRole('heading')).toHaveText('Document 2 of 30');
  await expect(annotator.getByRole('heading')).toBeInViewport();
});
