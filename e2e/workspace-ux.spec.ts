import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('Japanese UI', () => {
  test.use({ locale: 'ja-JP' });

  test('is the default when the browser asks for Japanese, and the choice is kept', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'テキスト' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: '入力テキスト' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    // The core's reasons are worded in Japanese too (this browser has WebGPU but no adapter).
    await expect(page.getByTestId('picked-cpu')).toContainText('CPUエンジン（wllama）用のモデルを選びました');
    await page.getByRole('combobox', { name: 'モデル', exact: true }).selectOption('Qwen2.5-1.5B-Instruct-q4f32_1-MLC');
    await expect(page.getByTestId('model-reasons')).toContainText('GPUアダプタが見つかりません');
    await page.getByRole('combobox', { name: '言語' }).selectOption('en');
    await expect(page.getByRole('heading', { name: 'Text', exact: true })).toBeVisible();
    await expect(page.getByTestId('model-reasons')).toContainText('no GPU adapter was found');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Text', exact: true })).toBeVisible();
  });
});

test('the format profile edits the model input, refuses a bad IW with a reason, and survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('se-adj');
  await page.getByText(/^Format:/).click();
  const iw = page.getByRole('textbox', { name: 'Instruction word' });
  await iw.fill('感情形容詞抽出');
  await page.getByRole('combobox', { name: 'Between text, labels and IW' }).selectOption('none');
  await page.getByRole('button', { name: 'Show the model input' }).click();
  await expect(page.getByTestId('model-input')).toHaveText(/<積極><消極>感情形容詞抽出$/);
  await iw.fill('感情:抽出');
  await expect(page.getByTestId('profile-errors')).toContainText('iw.se-adj: expected a non-empty string without : ; < >');
  await expect(page.getByTestId('model-input')).toHaveText(/感情形容詞抽出$/); // the last good value stays
  await page.reload();
  await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('se-adj');
  await page.getByRole('button', { name: 'Show the model input' }).click();
  await expect(page.getByTestId('model-input')).toHaveText(/<積極><消極>感情形容詞抽出$/);
});

test("the TCREE CSV input form gives the authors' input exactly: text + IW, no label set", async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ee');
  await page.getByRole('textbox', { name: 'Source text' }).fill('吉田秀彦が引退を発表した。');
  await page.getByText(/^Format:/).click();
  await page.getByRole('button', { name: 'Show the model input' }).click();
  await expect(page.getByTestId('model-input')).toHaveText('吉田秀彦が引退を発表した。\n<スポーツ><映画><女性><IT><CM>\nイベント抽出');
  await page.getByRole('combobox', { name: 'Input form' }).selectOption('tcree-csv');
  await expect(page.getByTestId('model-input')).toHaveText('吉田秀彦が引退を発表した。イベント抽出');
  await expect(page.getByRole('checkbox', { name: 'Label set in the input' })).not.toBeChecked();
  // One setting changed by hand makes the form custom, and says so.
  await page.getByRole('checkbox', { name: 'Label set in the input' }).check();
  await expect(page.getByRole('combobox', { name: 'Input form' })).toHaveValue('custom');
  await expect(page.getByTestId('model-input')).toHaveText('吉田秀彦が引退を発表した。<スポーツ><映画><女性><IT><CM>イベント抽出');
});

test('hovering or focusing a row lights its spans in the text, and hovering a span lights its row', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Load a sample' }).selectOption('tcree-3');
  const rows = page.getByTestId('events').locator('tbody tr');
  await rows.first().focus();
  await expect(page.getByTestId('highlighted').locator('mark[data-active]')).toHaveText(['27日', '日本テレビ', '浅田真央', '出演']);
  await rows.first().blur();
  await expect(page.getByTestId('highlighted').locator('mark[data-active]')).toHaveCount(0);
  await page.getByTestId('highlighted').locator('mark', { hasText: '浅田真央' }).hover();
  await expect(rows.first()).toHaveAttribute('data-active', 'true');
});

test('every shortcut is listed in the help sheet, which opens with ? and closes with Escape', async ({ page }) => {
  await page.goto('/');
  await page.locator('body').press('Shift+?');
  const sheet = page.getByTestId('shortcuts');
  await expect(sheet).toBeVisible();
  // 9 workspace commands, 9 number keys for labels, 27 annotation commands (Tab, Shift+Tab, A, the arc, suggestion and review keys among them).
  await expect(sheet.locator('tr')).toHaveCount(45);
  await expect(sheet.locator('tr', { hasText: 'Flag for a second look' }).locator('kbd')).toHaveText('F');
  await expect(sheet.locator('tr', { hasText: 'Accept every suggestion' }).locator('kbd')).toHaveText('Shift+Y');
  await expect(sheet.locator('tr', { hasText: 'Draw an arc from the selected text' }).locator('kbd')).toHaveText('L');
  await expect(sheet).toContainText('Ctrl+Enter');
  await expect(sheet.locator('tr', { hasText: 'Next span under the same character' }).locator('kbd')).toHaveText('Tab');
  await expect(sheet.locator('tr', { hasText: 'Redo' }).locator('kbd')).toHaveText('Ctrl+Shift+Z');
  await expect(sheet.locator('tr', { hasText: 'Label 2: for the selected text' }).locator('kbd')).toHaveText('2');
  await expect(sheet).toContainText('Run the model on the text');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await page.locator('body').press('Alt+n');
  await expect(page.getByTestId('credit')).toBeVisible();
  await page.locator('body').press('Alt+i');
  await expect(page.getByTestId('model-input')).toBeVisible();
});

test('no serious accessibility violations, in light and dark themes', async ({ page }) => {
  await page.goto('/');
  for (const theme of ['light', 'dark']) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/workspace-${theme}.png`, fullPage: true });
  }
});

test('works at 360 px wide without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Load a sample' }).selectOption('tcree-2');
  await expect(page.getByTestId('category')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screenshots/workspace-360.png', fullPage: true });
});
