import { expect, test } from '@playwright/test';
import { buildInput, DEFAULT_PROFILE } from '../src/index.ts';

test.describe('workspace', () => {
  test('a TCREE sample shows its model input, category, highlighted arguments and event table', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Load a sample' }).selectOption('tcree-3');
    const text = await page.getByRole('textbox', { name: 'Source text' }).inputValue();
    expect(text).toContain('浅田真央');
    await expect(page.getByTestId('model-input')).toHaveCount(0);
    await page.getByRole('button', { name: 'Show the model input' }).click();
    await expect(page.getByTestId('model-input')).toHaveText(buildInput(text, 'ee', DEFAULT_PROFILE));
    await expect(page.getByTestId('category')).toHaveText('スポーツ');
    const events = page.getByTestId('events');
    await expect(events.locator('tbody tr')).toHaveCount(1);
    await expect(events.locator('tbody td')).toHaveText(['浅田真央', '出演', '日本テレビ', '27日']);
    const marks = page.getByTestId('highlighted').locator('mark');
    await expect(marks).toHaveText(['27日', '日本テレビ', '浅田真央', '出演']);
    // The event is drawn too: an arc from its trigger to each argument, labelled by role; a label lights its row.
    const arcs = page.getByTestId('highlighted').getByTestId('arcs');
    await expect(arcs).toHaveAttribute('data-arcs', '3');
    for (const role of ['Subject', 'Object', 'Time']) await expect(arcs.locator(`[data-arc-label="${role}"]`).first()).toBeVisible();
    await arcs.locator('[data-arc-label="Object"]').first().hover();
    await expect(events.locator('tbody tr[data-active]')).toHaveCount(1);
    await expect(page.getByTestId('highlighted').locator('mark[data-active]')).toHaveText(['日本テレビ', '浅田真央', '出演', '27日'].sort((a, b) => text.indexOf(a) - text.indexOf(b)));
    await expect(page.getByTestId('credit')).toContainText('CC BY-NC 4.0');
    await page.screenshot({ path: 'test-results/screenshots/preview-tcree.png', fullPage: true });
  });

  test('a pasted NER output is read, with warnings for what could not be', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
    await page.getByRole('textbox', { name: 'Source text' }).fill('NTTドコモは28日、東京や名古屋で内覧会を実施する。');
    await page.getByRole('textbox', { name: 'Model output' }).fill('＜技術＞固有表現抽出：法人名；ＮＴＴドコモ：地名；東京：地名；名古屋：壊れた：地名；大阪</s>');
    await expect(page.getByTestId('category')).toHaveText('技術');
    await expect(page.getByTestId('entities').locator('tbody tr')).toHaveCount(4);
    await expect(page.getByTestId('highlighted').locator('mark')).toHaveText(['NTTドコモ', '東京', '名古屋']);
    await expect(page.getByTestId('warnings')).toContainText('could not read "壊れた" as Label;Span');
    await expect(page.getByTestId('warnings')).toContainText('span 地名 "大阪" was not found in the text');
  });

  test('model output containing markup is shown as text, never run', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
    const hostile = '<img src=x onerror=alert(1)>の発表';
    await page.getByRole('textbox', { name: 'Source text' }).fill(hostile);
    await page.getByRole('textbox', { name: 'Model output' }).fill('<社会>固有表現抽出:製品名;<img src=x onerror=alert(1)>');
    await expect(page.getByTestId('highlighted').locator('mark')).toHaveText('<img src=x onerror=alert(1)>');
    await expect(page.locator('img')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });
});
