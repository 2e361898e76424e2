import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { importFile } from './support/corpus.ts';

// The editor's newer parts at a phone's width and in dark mode: suggestions, the label schema, the review
// controls, the queue, warnings and the arc fallback fit 360 px, pass axe, and work by keyboard.
const TEXT = 'NTTドコモは東京と名古屋で発表した。';
const region = (id: string, start: number, end: number, label: string) => ({ id, from_name: 'label', to_name: 'text', type: 'labels', value: { start, end, text: [...TEXT].slice(start, end).join(''), labels: [label] } });
const TASKS = [
  { id: 1, data: { text: TEXT }, annotations: [{ result: [region('a', 0, 6, '法人名')] }], predictions: [{ model_version: 'giellm-7b', result: [region('b', 7, 9, '地名'), region('c', 10, 13, '地名')] }] },
];

test('at 360 px in dark mode: suggestions, label schema, review and queue fit, pass axe and work by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await importFile(page, 'ls.json', Buffer.from(JSON.stringify(TASKS)));
  await expect(page.getByTestId('import-result')).toHaveText('1 document imported');
  await page.getByRole('combobox', { name: 'Order' }).selectOption('doubt');
  await expect(page.getByTestId('documents').locator('li').first().getByTestId('doubt')).toHaveCount(0);
  await page.getByTestId('documents').getByRole('button', { name: /NTTドコモ/ }).click();
  await page.getByTestId('label-schema').locator('summary').click();
  await page.getByTestId('label-schema').getByLabel('Colour of 地名').fill('#2b6cb0');
  await page.getByTestId('document-comment').fill('確認');
  await page.getByTestId('annotated-text').focus();
  await page.keyboard.press('f');
  await expect(page.getByTestId('flagged-badge')).toBeVisible();
  await expect(page.getByTestId('suggestions')).toContainText('2 suggestions');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const axe = await new AxeBuilder({ page }).include('[data-testid="annotator"]').include('[data-testid="corpus"]').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  // By keyboard alone: pick the first suggestion with J, accept it with Y; Shift+X rejects the rest.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('y');
  await expect(page.getByTestId('suggestions')).toContainText('1 suggestion');
  await page.keyboard.press('Shift+X');
  await expect(page.getByTestId('suggestions')).toBeHidden();
  await expect(page.getByTestId('span-list').locator('tbody tr')).toHaveCount(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
