import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { importFile } from './support/corpus.ts';

// One document, one view: opened from the corpus it is shown and corrected in the editor; the workspace
// shows the same document as it now stands (never a second, drifting copy). Wide screens put the list,
// the document and its items side by side; the model panel folds away.
const RE = { text: '『マイブリッジの糸』(11) 監督:山村浩二', iw: '関係抽出', category: '映画', output: '<映画>関係抽出:山村浩二;監督;マイブリッジの糸:' };

async function openDoc(page: Page) {
  await page.goto('/');
  await importFile(page, 'tcree.jsonl', Buffer.from(`${JSON.stringify(RE)}\n`));
  // The import counts the items its outputs hold.
  await expect(page.getByTestId('import-summary-row')).toContainText('1 stored, 1 items');
  await page.getByTestId('documents').getByRole('button', { name: /マイブリッジ/ }).click();
}

const box = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())!;

test('wide screens: the list, the document and its items side by side; narrower, stacked', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openDoc(page);
  const [corpus, editor] = [await box(page, 'corpus'), await box(page, 'annotator')];
  expect(corpus.x + corpus.width).toBeLessThanOrEqual(editor.x);
  expect(Math.abs(corpus.y - editor.y)).toBeLessThan(2);
  const [text, items] = [await box(page, 'annotated-text'), await box(page, 'relations-editor')];
  expect(text.x + text.width).toBeLessThanOrEqual(items.x);
  // The page uses the width: no wide empty margin beside a narrow column.
  expect(editor.x + editor.width).toBeGreaterThan(1500);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  const [corpus2, editor2] = [await box(page, 'corpus'), await box(page, 'annotator')];
  expect(editor2.y).toBeGreaterThanOrEqual(corpus2.y + corpus2.height);
  // Narrowed in one step and read at once, before the arcs are measured again (a ResizeObserver frame later):
  // the arcs over the text must not keep the old width and widen what holds them.
  const overflow = await page.getByTestId('annotated-text').evaluate((el) => {
    const holder = el.parentElement!;
    holder.style.width = '300px';
    const over = holder.scrollWidth - holder.clientWidth;
    holder.style.width = '';
    return over;
  });
  expect(overflow).toBeLessThanOrEqual(4);
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('the workspace is the open document: its output follows every correction, its items are not shown twice', async ({ page }) => {
  await openDoc(page);
  const bound = page.getByTestId('workspace-bound');
  await expect(bound).toContainText('tcree.jsonl:1');
  await expect(page.getByTestId('highlighted')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Source text' })).toHaveAttribute('readonly', '');
  // A correction in the editor is what the workspace shows at once.
  await page.getByTestId('category-select').selectOption('スポーツ');
  await expect(page.getByRole('textbox', { name: 'Model output' })).toHaveValue('<スポーツ>関係抽出:山村浩二;監督;マイブリッジの糸:');
  await page.getByTestId('annotated-text').getByTestId('arcs').locator('[data-arc-label="監督"]').click();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('textbox', { name: 'Model output' })).toHaveValue('<スポーツ>関係抽出');
  // Closing the document frees the workspace: its text box can be typed in, its result is shown again.
  await bound.getByRole('button', { name: /Close the document/ }).click();
  await expect(page.getByTestId('annotator')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Source text' })).not.toHaveAttribute('readonly', '');
  await expect(page.getByTestId('highlighted')).toBeVisible();
});

test('the model panel folds to its status line, and stays folded after a reload', async ({ page }) => {
  await page.goto('/');
  const models = page.getByTestId('models');
  await expect(page.getByText('Add a custom model')).toBeVisible();
  await page.getByTestId('models-fold').click();
  await expect(models).toHaveAttribute('data-folded', 'true');
  await expect(page.getByText('Add a custom model')).toBeHidden();
  await expect(models.getByTestId('engine-status')).toHaveText('No model loaded');
  await expect(page.getByTestId('models-fold')).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await expect(models).toHaveAttribute('data-folded', 'true');
  await page.getByTestId('models-fold').click();
  await expect(page.getByText('Add a custom model')).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[data-testid="models"]').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});
