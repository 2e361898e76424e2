import { expect, test } from '@playwright/test';
import { addCustomModel } from '../support/models.ts';
import { importFile } from '../support/corpus.ts';
import { installScriptedBackend } from '../support/scriptedBackend.ts';

// The workspace's run over the document open in the editor goes to the editor as the model's suggestions.
const S1 = '松友美佐紀は、日本のバドミントン選手。';
const S2 = 'レッドフォックス株式会社は、東京都千代田区に本社を置く。';

test('a run over the open document is handed to the editor as suggestions, without repeating what it has', async ({ page }) => {
  test.setTimeout(60_000);
  await installScriptedBackend(page, { outputs: { [S1]: '<社会>固有表現抽出:人名;松友美佐紀:地名;日本', [S2]: '<技術>固有表現抽出:法人名;レッドフォックス株式会社' }, fallback: '<社会>固有表現抽出', delayMs: 0 });
  await page.goto('/');
  await addCustomModel(page, { id: 'tiny-q4f32_1', folder: 'tiny-q4f32_1', lib: 'not-tvm.wasm', mode: 'giellm' });
  await page.getByRole('button', { name: /Download and load/ }).click();
  await expect(page.getByTestId('engine-status')).toHaveText('Ready: tiny-q4f32_1');
  // A document that already has one of the entities the model will find.
  const doc = { text: S1 + S2, task: 'ner', output: '<社会>固有表現抽出:地名;日本' };
  await importFile(page, 'doc.jsonl', Buffer.from(`${JSON.stringify(doc)}\n`));
  await page.getByTestId('documents').getByRole('button', { name: /松友美佐紀/ }).click();
  const suggest = page.getByTestId('suggest-from-run');
  await expect(suggest).toBeDisabled();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-progress')).toHaveText('2 / 2 sentences', { timeout: 30_000 });
  await suggest.click();
  // 日本 was there already; 松友美佐紀 and レッドフォックス株式会社 (in the second sentence, at its own offsets) are suggested.
  const rows = page.getByTestId('span-list').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('suggestions')).toContainText('2 suggestions of tiny-q4f32_1');
  await expect(rows.filter({ hasText: 'レッドフォックス株式会社' })).toContainText(`${[...S1].length}–${[...S1].length + 12}`);
  await expect(rows.filter({ hasText: '日本' }).locator('[data-testid="suggestion-tag"]')).toHaveCount(0);
  // Handing it again adds nothing; one undo takes the hand-over back.
  await suggest.click();
  await expect(rows).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(1);
});
