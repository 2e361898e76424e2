import { expect, test } from '@playwright/test';
import { watchCsp } from './support/csp.ts';

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">の発表',
  '<script>window.__pwned=2</script>',
  '<a href="javascript:window.__pwned=3">リンク</a>',
  '\u202Eأخبار\u202C 東京\u200B都\u200Dです。',
].join('\n');

test('the built app ships a CSP and runs without violating it', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("connect-src 'self' https://huggingface.co");
  expect(csp).toContain("object-src 'none'");
  await page.getByRole('combobox', { name: 'Load a sample' }).selectOption('tcree-3');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.getByRole('button', { name: 'Show the model input' }).click();
  expect(await violations()).toEqual([]);
});

test('hostile text and model output stay text: no script runs, no dialog, the app stays usable', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const violations = await watchCsp(page);
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
  await page.getByRole('textbox', { name: 'Source text' }).fill(HOSTILE);
  await page
    .getByRole('textbox', { name: 'Model output' })
    .fill('<社会>固有表現抽出:製品名;<img src=x onerror="window.__pwned=1">:製品名;<a href="javascript:window.__pwned=3">リンク</a>:地名;東京\u200B都');
  const highlighted = page.getByTestId('highlighted');
  await expect(highlighted.locator('mark')).toHaveText(['<img src=x onerror="window.__pwned=1">', '<a href="javascript:window.__pwned=3">リンク</a>', '東京\u200B都']);
  await page.getByRole('button', { name: 'Show the model input' }).click();
  await expect(page.getByTestId('model-input')).toContainText('<script>window.__pwned=2</script>');
  expect(await page.locator('#root img, #root script, #root a, #root iframe').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
  expect(await violations()).toEqual([]);
  // Still usable: change task and read a normal output.
  await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('re');
  await page.getByRole('textbox', { name: 'Model output' }).fill('<スポーツ>関係抽出:東京;所属;都:');
  await expect(page.getByTestId('category')).toHaveText('スポーツ');
});

test('a 1 MB paste is taken without freezing the page', async ({ page }) => {
  // Chromium's own layout of a 1 MB textarea takes seconds on a loaded 2-core machine.
  test.setTimeout(90_000);
  await page.goto('/');
  const big = `${'東京都千代田区に本社を置く企業である。'.repeat(53_000)}`; // ≈1 MB of UTF-16
  expect(big.length).toBeGreaterThan(1_000_000);
  await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
  await page.getByRole('textbox', { name: 'Source text' }).evaluate((el, value) => {
    const box = el as HTMLTextAreaElement;
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, value);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  await page.getByRole('textbox', { name: 'Model output' }).fill('<社会>固有表現抽出:地名;東京都千代田区');
  await expect(page.getByTestId('category')).toHaveText('社会', { timeout: 45_000 });
  await expect(page.getByTestId('highlighted').locator('mark')).toHaveCount(1);
  // The page answers input right after.
  await page.getByRole('button', { name: 'Show the model input' }).click();
  await expect(page.getByTestId('model-input')).toContainText('characters not shown; Copy copies them all');
});
