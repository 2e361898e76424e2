import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { importFile, selectText } from './support/corpus.ts';

// 名古屋市 (地名) holding 名古屋 (施設名), as doccano's sequence labelling writes nested spans (offsets, not strings).
const TEXT = '名古屋市の名古屋城に行った。';
const doc = JSON.stringify({ id: 1, text: TEXT, label: [[0, 4, '地名'], [0, 3, '施設名']] });

async function openDoc(page: Page) {
  await page.goto('/');
  await importFile(page, 'doccano.jsonl', Buffer.from(`${doc}\n`));
  await expect(page.getByTestId('import-result')).toHaveText('1 document imported');
  await page.getByTestId('documents').getByRole('button', { name: /名古屋市の名古屋城/ }).click();
  return page.getByTestId('annotator');
}

const piece = (page: Page, start: number) => page.getByTestId('annotated-text').locator(`mark[data-start="${start}"]`);
const selectedRow = (page: Page) => page.getByTestId('span-list').locator('tbody tr[data-selected]');

test('nested spans stack: one bar per span in its own lane, a continuous tint, and each span can be picked', async ({ page }) => {
  await openDoc(page);
  // 名古屋 is under both spans, 市 under 地名 only: the outer span is lane 0, the nested one lane 1.
  await expect(piece(page, 0)).toHaveText('名古屋');
  await expect(piece(page, 0).locator('[data-bar]')).toHaveCount(2);
  await expect(piece(page, 0).locator('[data-lane="0"]')).toHaveAttribute('data-bar', '地名');
  await expect(piece(page, 0).locator('[data-lane="1"]')).toHaveAttribute('data-bar', '施設名');
  await expect(piece(page, 3).locator('[data-bar]')).toHaveCount(1);
  await expect(piece(page, 3).locator('[data-bar]')).toHaveAttribute('data-bar', '地名');
  // Not two chips: both pieces carry the outer span's tint and touch, and the bars lie below the text, apart.
  const [a, b] = [await piece(page, 0).boundingBox(), await piece(page, 3).boundingBox()];
  expect(Math.abs(a!.x + a!.width - b!.x)).toBeLessThan(1);
  const tint = (start: number) => piece(page, start).evaluate((m) => getComputedStyle(m).backgroundColor);
  expect(await tint(0)).toBe(await tint(3));
  const bars = await piece(page, 0).locator('[data-bar]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()));
  expect(bars[0]!.top).toBeGreaterThanOrEqual(a!.y + a!.height - 1);
  expect(bars[1]!.top).toBeGreaterThanOrEqual(bars[0]!.bottom - 0.5);

  // A click picks the innermost span; a second click the next one out.
  await piece(page, 0).click();
  await expect(selectedRow(page).locator('td').nth(1)).toHaveText('名古屋');
  await piece(page, 0).click();
  await expect(selectedRow(page).locator('td').nth(1)).toHaveText('名古屋市');
  // Tab and Shift+Tab cycle through the spans under the clicked character, with the focus in the text.
  await page.keyboard.press('Tab');
  await expect(selectedRow(page).locator('td').nth(1)).toHaveText('名古屋');
  await page.keyboard.press('Shift+Tab');
  await expect(selectedRow(page).locator('td').nth(1)).toHaveText('名古屋市');
  // A bar picks exactly its span.
  await page.getByTestId('annotated-text').locator('mark[data-start="0"] [data-lane="1"]').click();
  await expect(selectedRow(page).locator('td').nth(1)).toHaveText('名古屋');
  await expect(selectedRow(page).getByRole('combobox')).toHaveValue('施設名');

  // Elsewhere Tab still moves the focus: from the Close button it leaves the selection alone.
  const closeButton = page.getByTestId('annotator').getByRole('button', { name: 'Close', exact: true });
  await closeButton.focus();
  await page.keyboard.press('Tab');
  await expect(selectedRow(page).locator('td').nth(1)).toHaveText('名古屋');
  await expect(closeButton).not.toBeFocused();
});

test('a second label on the same span shows as a second bar, and Tab reaches it', async ({ page }) => {
  const annotator = await openDoc(page);
  await selectText(page, 0, 4); // 名古屋市
  await page.keyboard.press('6'); // 施設名
  await expect(annotator.getByTestId('span-list').locator('tbody tr')).toHaveCount(3);
  // 市 is now under two spans of the same extent: two lanes, two colours, both labels named.
  await expect(piece(page, 3).locator('[data-bar]')).toHaveCount(2);
  await expect(piece(page, 3)).toHaveAttribute('data-labels', '地名 施設名');
  const colours = await piece(page, 3).locator('[data-bar]').evaluateAll((els) => els.map((e) => getComputedStyle(e).borderBottomColor));
  expect(colours[0]).not.toBe(colours[1]);
  await piece(page, 3).click();
  const first = await selectedRow(page).getByRole('combobox').inputValue();
  await page.keyboard.press('Tab');
  const second = await selectedRow(page).getByRole('combobox').inputValue();
  expect(new Set([first, second])).toEqual(new Set(['地名', '施設名']));
});

test('an IME composition never cycles the spans', async ({ page }) => {
  await openDoc(page);
  await piece(page, 0).click();
  await expect(selectedRow(page).locator('td').nth(1)).toHaveText('名古屋');
  await page.getByTestId('annotated-text').dispatchEvent('keydown', { key: 'Tab', isComposing: true, bubbles: true });
  await expect(selectedRow(page).locator('td').nth(1)).toHaveText('名古屋');
});

test('stacked spans pass axe in light and dark, at 1280 and 360 px', async ({ page }) => {
  await openDoc(page);
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    for (const theme of ['light', 'dark']) {
      await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
      const result = await new AxeBuilder({ page }).include('[data-testid="annotator"]').analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${width} ${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.getByTestId('annotated-text').screenshot({ path: `test-results/screenshots/stacked-${width}-${theme}.png` });
    }
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
