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

/** Clicks the bar of `lane` under a piece: the piece's box is its text, then its lanes (4 px each) below it. */
async function clickBar(page: Page, start: number, lane: number) {
  const mark = piece(page, start);
  const box = (await mark.boundingBox())!;
  const pad = Number(await mark.getAttribute('data-pad'));
  await mark.click({ position: { x: box.width / 2, y: box.height - pad + 2 + lane * 4 + 1.5 } });
}
const selectedRow = (page: Page) => page.getByTestId('span-list').locator('tbody tr[data-selected]');

test('nested spans stack: one bar per span in its own lane, a continuous tint, and each span can be picked', async ({ page }) => {
  await openDoc(page);
  // 名古屋 is under both spans, 市 under 地名 only: the outer one is lane 0, the nested one lane 1.
  await expect(piece(page, 0)).toHaveText('名古屋');
  await expect(piece(page, 0)).toHaveAttribute('data-bars', '0:地名 1:施設名');
  await expect(piece(page, 3)).toHaveAttribute('data-bars', '0:地名');
  // Not two chips: both pieces carry the outer span's tint and touch, and each bar is painted below the text.
  const [a, b] = [await piece(page, 0).boundingBox(), await piece(page, 3).boundingBox()];
  expect(Math.abs(a!.x + a!.width - b!.x)).toBeLessThan(1);
  const colours = (start: number) => piece(page, start).evaluate((m) => (m as HTMLElement).dataset.colours!.split(' '));
  const [outer, inner] = await colours(0);
  expect(outer).not.toBe(inner);
  expect((await colours(3))[0]).toBe(outer);
  // The two pieces' backgrounds paint the same outer colour (the tint) and, on 名古屋, the nested bar's colour.
  const background = (start: number) => piece(page, start).evaluate((m) => getComputedStyle(m).backgroundImage);
  expect((await background(0)).split('linear-gradient').length - 1).toBe(3);
  expect((await background(3)).split('linear-gradient').length - 1).toBe(2);
  // The lanes have room: the mark's box reaches its lanes below the text, and the line grows by one lane each side.
  expect(await piece(page, 0).evaluate((m) => getComputedStyle(m).paddingBottom)).toBe('10px');
  expect(await piece(page, 0).evaluate((m) => getComputedStyle(m.parentElement!).lineHeight)).toBe('44px');

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
  await clickBar(page, 0, 1);
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
  await expect(piece(page, 3)).toHaveAttribute('data-bars', '0:地名 1:施設名');
  const colours = await piece(page, 3).evaluate((m) => (m as HTMLElement).dataset.colours!.split(' '));
  expect(colours[0]).not.toBe(colours[1]);
  // Each bar picks its own span.
  await clickBar(page, 3, 1);
  await expect(selectedRow(page).getByRole('combobox')).toHaveValue('施設名');
  await expect(selectedRow(page).locator('td').nth(1)).toHaveText('名古屋市');
  await clickBar(page, 3, 0);
  await expect(selectedRow(page).getByRole('combobox')).toHaveValue('地名');
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
