import { expect, test, type Page } from '@playwright/test';
import { addCustomModel } from '../support/models.ts';
import { installScriptedBackend } from '../support/scriptedBackend.ts';

const S1 = '松友美佐紀は、日本のバドミントン選手。';
const S2 = 'レッドフォックス株式会社は、東京都千代田区に本社を置く。';

async function loadScriptedModel(page: Page) {
  await page.goto('/');
  // A model on the local host, so the real preflight passes; the scripted backend stands in for WebLLM.
  await addCustomModel(page, { id: 'tiny-q4f32_1', folder: 'tiny-q4f32_1', lib: 'not-tvm.wasm', mode: 'giellm' });
  await page.getByRole('button', { name: /Download and load/ }).click();
  await expect(page.getByTestId('engine-status')).toHaveText('Ready: tiny-q4f32_1');
  await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
}

test('a run streams per-sentence results into place, then shows the final state', async ({ page }) => {
  test.setTimeout(60_000);
  await installScriptedBackend(page, {
    outputs: { [S1]: '<社会>固有表現抽出:人名;松友美佐紀:地名;日本', [S2]: '<技術>固有表現抽出:法人名;レッドフォックス株式会社:地名;東京都千代田区' },
    fallback: '<社会>固有表現抽出',
    // Slow enough to see the stream between its first entity and its end (~1.8 s) on a loaded machine too.
    delayMs: 300,
  });
  await loadScriptedModel(page);
  await page.getByRole('textbox', { name: 'Source text' }).fill(S1 + S2);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const runs = page.getByTestId('sentence-runs').locator('> li');
  await expect(runs).toHaveCount(2);
  // While streaming, the first sentence already shows its first entity and the run is not finished.
  await expect(runs.nth(0).locator('mark').first()).toHaveText('松友美佐紀', { timeout: 15_000 });
  await expect(page.getByTestId('run-progress')).toHaveText('0 / 2 sentences');
  await page.screenshot({ path: 'test-results/screenshots/run-streaming.png', fullPage: true });
  await expect(page.getByTestId('run-progress')).toHaveText('2 / 2 sentences', { timeout: 40_000 });
  await expect(runs.nth(0).getByTestId('category')).toHaveText('社会');
  await expect(runs.nth(1).getByTestId('category')).toHaveText('技術');
  await expect(runs.nth(0).locator('mark')).toHaveText(['松友美佐紀', '日本']);
  await expect(runs.nth(1).locator('mark')).toHaveText(['レッドフォックス株式会社', '東京都千代田区']);
  await runs.nth(0).getByText('Prompt, raw output and timings').click();
  await expect(runs.nth(0).getByTestId('run-prompt')).toContainText(`[user]\n${S1}\n<社会><文芸><学問><技術><自然>\n固有表現抽出`);
  await expect(runs.nth(0).getByTestId('run-raw')).toHaveText('<社会>固有表現抽出:人名;松友美佐紀:地名;日本');
  await expect(runs.nth(0)).toContainText('decode 25.0 tok/s');
  await page.screenshot({ path: 'test-results/screenshots/run-done.png', fullPage: true });
});

test('an output cut at the token limit is marked, and its cut-off last item is not shown as an entity', async ({ page }) => {
  await installScriptedBackend(page, { outputs: { [S1]: '<社会>固有表現抽出:人名;松友美佐紀:地名;日' }, truncated: [S1], fallback: '<社会>固有表現抽出', delayMs: 0 });
  await loadScriptedModel(page);
  await page.getByRole('textbox', { name: 'Source text' }).fill(S1);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-progress')).toHaveText('1 / 1 sentences');
  const run = page.getByTestId('sentence-runs').locator('> li').first();
  await expect(run.getByTestId('truncated')).toHaveText('Cut at the token limit: the last, incomplete item was dropped');
  // 日 is the start of 日本, cut short: only the complete entity is highlighted.
  await expect(run.locator('mark')).toHaveText(['松友美佐紀']);
  await expect(run.getByTestId('warnings')).toContainText('the output was cut at the token limit: the last item "地名;日" was dropped');
});

test('Stop ends the run mid-way: the running sentence keeps what it had, the rest are stopped', async ({ page }) => {
  // Slow enough that Stop lands inside the first sentence on a loaded machine too (~7 s for its output).
  await installScriptedBackend(page, { outputs: {}, fallback: '<社会>固有表現抽出:人名;松友美佐紀:地名;日本:地名;東京:地名;大阪', delayMs: 150 });
  await loadScriptedModel(page);
  await page.getByRole('textbox', { name: 'Source text' }).fill(`${S1}二文目です。三文目です。`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const first = page.getByTestId('sentence-runs').locator('> li').first();
  await expect(first.locator('mark').first()).toHaveText('松友美佐紀', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('sentence-runs').locator('> li[data-status="stopped"]')).toHaveCount(3);
  await expect(page.getByTestId('engine-status')).toHaveText('Ready: tiny-q4f32_1');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});

test('a 50-sentence article runs sentence by sentence with progress', async ({ page }) => {
  await installScriptedBackend(page, { outputs: {}, fallback: '<社会>固有表現抽出:地名;日本', delayMs: 0 });
  await loadScriptedModel(page);
  const article = Array.from({ length: 50 }, (_, i) => `日本の第${i + 1}文です。`).join('');
  await page.getByRole('textbox', { name: 'Source text' }).fill(article);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-progress')).toHaveText('50 / 50 sentences', { timeout: 20_000 });
  await expect(page.getByTestId('sentence-runs').locator('> li[data-status="done"]')).toHaveCount(50);
  await expect(page.getByTestId('sentence-runs').locator('mark')).toHaveCount(50);
});

test('a long run frees grammar memory by making the engine anew between sentences, and says so', async ({ page }) => {
  // A budget of 2 distinct grammars stands for WebLLM's 4,000 (src/engine/grammarBudget.ts).
  await installScriptedBackend(page, { outputs: {}, fallback: '<社会>固有表現抽出:地名;日本', delayMs: 0, grammarBudget: 2 });
  await loadScriptedModel(page);
  const notices: string[] = [];
  await page.exposeFunction('__notice', (t: string) => notices.push(t));
  await page.evaluate(() => new MutationObserver(() => document.querySelectorAll('[role="status"]').forEach((n) => (window as unknown as { __notice(t: string): void }).__notice(n.textContent ?? ''))).observe(document.body, { subtree: true, childList: true, characterData: true }));
  await page.getByRole('textbox', { name: 'Source text' }).fill(Array.from({ length: 5 }, (_, i) => `日本の第${i + 1}文です。`).join(''));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-progress')).toHaveText('5 / 5 sentences', { timeout: 20_000 });
  await expect(page.getByTestId('sentence-runs').locator('> li[data-status="done"]')).toHaveCount(5);
  // Five distinct grammars, two a backend: made anew before the 3rd and the 5th.
  expect(await page.evaluate(() => window.__SCRIPTED_LOADS__)).toBe(3);
  expect(notices.some((t) => t.includes('Freeing the grammar memory of a long run'))).toBe(true);
  await expect(page.getByTestId('engine-status')).toHaveText('Ready: tiny-q4f32_1');
});

test('Ctrl+Enter runs from the text box, but not while an IME is composing', async ({ page }) => {
  await installScriptedBackend(page, { outputs: {}, fallback: '<社会>固有表現抽出:人名;松友美佐紀', delayMs: 0 });
  await loadScriptedModel(page);
  const box = page.getByRole('textbox', { name: 'Source text' });
  await box.fill(S1);
  // The Enter that confirms a kana-kanji conversion arrives with isComposing: it must not run anything.
  await box.evaluate((el) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, isComposing: true, bubbles: true })));
  await page.waitForTimeout(300);
  await expect(page.getByTestId('sentence-runs').locator('> li')).toHaveCount(0);
  await box.press('Control+Enter');
  await expect(page.getByTestId('run-progress')).toHaveText('1 / 1 sentences');
  await expect(page.getByTestId('document-summary')).toContainText('社会 1');
});
