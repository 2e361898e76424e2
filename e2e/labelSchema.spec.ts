import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { downloadFrom, importFile, selectText } from './support/corpus.ts';

// A task's word labels are the user's to edit: add, rename, reorder (the number keys follow), colour
// (checked for contrast), all saved in the format profile and carried by the exports.
const TEXT = '名古屋市の名古屋城に行った。';

async function openSchema(page: Page) {
  await page.goto('/');
  await importFile(page, 'doccano.jsonl', Buffer.from(`${JSON.stringify({ id: 1, text: TEXT, label: [[0, 4, '地名']] })}\n`));
  await page.getByTestId('documents').getByRole('button', { name: /名古屋市/ }).click();
  const schema = page.getByTestId('label-schema');
  await schema.locator('summary').click();
  return schema;
}

const labelButtons = (page: Page) => page.getByRole('group', { name: 'Label the selected text' }).getByRole('button');

test('add, rename and reorder labels: the number keys follow; a duplicate is refused and said', async ({ page }) => {
  const schema = await openSchema(page);
  await expect(schema.getByTestId('schema-label')).toHaveCount(8);
  await schema.getByLabel('New label').fill('城郭');
  await schema.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(schema.getByTestId('schema-label')).toHaveCount(9);
  await expect(labelButtons(page).nth(8)).toHaveText('城郭9');
  // The new label's number key labels the selected text with it (keys go to the text, not to a field).
  await page.getByTestId('annotated-text').focus();
  await selectText(page, 5, 9);
  await page.keyboard.press('9');
  await expect(page.getByTestId('span-list').locator('tbody tr').filter({ hasText: '名古屋城' }).getByRole('combobox')).toHaveValue('城郭');
  // Renamed: the key gives the new name; the span already labelled keeps its label (and says so in the list).
  await schema.getByLabel('Label 9', { exact: true }).fill('城');
  await schema.getByLabel('Label 9', { exact: true }).press('Enter');
  await expect(labelButtons(page).nth(8)).toHaveText('城9');
  // Reordered: 地名 (5th) moves up to 4th, and 4 is its key now.
  await schema.getByRole('button', { name: 'Move 地名 up' }).click();
  await expect(labelButtons(page).nth(3)).toHaveText('地名4');
  // A name the list already has is refused, with the reason; the list is as it was.
  await schema.getByLabel('Label 1', { exact: true }).fill('地名');
  await schema.getByLabel('Label 1', { exact: true }).press('Enter');
  await expect(schema.getByTestId('schema-errors')).toContainText('"地名" is in the list twice');
  await expect(labelButtons(page).nth(0)).toHaveText('人名1');
  // Kept across a reload.
  await page.reload();
  await page.getByText(/^Corpus \(/).click();
  await page.getByTestId('documents').getByRole('button', { name: /名古屋市/ }).click();
  await expect(labelButtons(page).nth(3)).toHaveText('地名4');
  await expect(labelButtons(page).nth(8)).toHaveText('城9');
});

test('a colour chosen for a label is drawn, checked for contrast in light and dark, and exported', async ({ page }) => {
  const schema = await openSchema(page);
  await schema.getByLabel('Colour of 地名').fill('#1f6f3f');
  await expect(page.getByTestId('annotated-text').locator('mark[data-start="0"]')).toHaveAttribute('data-colours', '#1f6f3f');
  await expect(schema.getByTestId('low-contrast')).toHaveCount(0);
  // A colour that cannot be read in one scheme is said so (a near-white bar vanishes on white).
  await schema.getByLabel('Colour of 人名').fill('#f8f8f8');
  await expect(schema.getByTestId('low-contrast')).toContainText('Hard to read in light');
  await schema.getByRole('button', { name: 'Back to the palette colour for 人名' }).click();
  await expect(schema.getByTestId('low-contrast')).toHaveCount(0);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).include('[data-testid="annotator"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  }
  await page.getByRole('combobox', { name: 'Export format' }).selectOption('label-studio');
  const { download } = await downloadFrom(page, () => page.getByRole('button', { name: 'Export', exact: true }).click());
  const config = strFromU8(unzipSync(readFileSync((await download.path())!))['label-studio-config.xml']!);
  expect(config).toContain('<Label value="地名" background="#1f6f3f"/>');
});

test('a label of one’s own key: it labels the selection, shows on its button and in help, is kept and exported; the editor’s keys are refused', async ({ page }) => {
  const schema = await openSchema(page);
  const key = (label: string) => schema.getByLabel(`Key of ${label} (one letter, pressed alone)`);
  await key('施設名').fill('c');
  await expect(labelButtons(page).nth(5)).toHaveText('施設名C');
  await page.getByTestId('annotated-text').focus();
  await selectText(page, 5, 9);
  await page.keyboard.press('c');
  await expect(page.getByTestId('span-list').locator('tbody tr').filter({ hasText: '名古屋城' }).getByRole('combobox')).toHaveValue('施設名');
  // A key the editor uses itself (J: next span) is refused, saying which command has it; nothing is saved.
  await key('人名').fill('j');
  await expect(schema.getByTestId('schema-errors')).toContainText('The key j is the editor’s “Select the next span');
  await expect(key('人名')).toHaveValue('');
  // Two labels of one task cannot share a key.
  await key('地名').fill('c');
  await expect(schema.getByTestId('schema-errors')).toContainText('key "c" is given to both "地名" and "施設名"');
  await expect(key('地名')).toHaveValue('');
  // The help sheet lists it beside the built-in keys.
  await page.getByTestId('annotated-text').focus();
  await page.keyboard.press('Shift+?');
  await expect(page.getByTestId('shortcuts').locator('tr').filter({ hasText: '施設名:' }).locator('kbd')).toHaveText('C');
  await page.keyboard.press('Escape');
  await page.reload();
  await page.getByText(/^Corpus \(/).click();
  await page.getByTestId('documents').getByRole('button', { name: /名古屋市/ }).click();
  await expect(labelButtons(page).nth(5)).toHaveText('施設名C');
  await page.getByRole('combobox', { name: 'Export format' }).selectOption('label-studio');
  const { download } = await downloadFrom(page, () => page.getByRole('button', { name: 'Export', exact: true }).click());
  const config = strFromU8(unzipSync(readFileSync((await download.path())!))['label-studio-config.xml']!);
  expect(config).toMatch(/<Label value="施設名" background="#[0-9a-f]{6}" hotkey="c"\/>/);
});
