import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { sharedPath } from '../../src/testing/sharedData.ts';
import { PERTURBED_EXPECTED, PERTURBED_OUTPUTS } from '../../src/testing/perturbedTcree.ts';
import { addCustomModel } from '../support/models.ts';
import { installScriptedBackend } from '../support/scriptedBackend.ts';
import { importFile } from '../support/corpus.ts';

const rows = readFileSync(sharedPath('tcree-sample.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { text: string; iw: string; output: string });
const EXTRA = '審査の対象外となる一文。';

async function loadModel(page: Page, add: boolean) {
  if (add) await addCustomModel(page, { id: 'batch-q4f32_1', folder: 'tiny-q4f32_1', lib: 'not-tvm.wasm', mode: 'giellm' });
  else await page.getByRole('combobox', { name: 'Model' }).selectOption('batch-q4f32_1');
  await page.getByRole('button', { name: /Download and load/ }).click();
  await expect(page.getByTestId('engine-status')).toHaveText('Ready: batch-q4f32_1');
}

test('a batch run pre-annotates every document, survives a reload mid-way, skips a failing one, and its predictions score as worked out by hand', async ({ page }) => {
  test.setTimeout(90_000);
  // The model answers each TCREE document's first sentence with its perturbed output (a later sentence
  // gets the fallback: a category vote the first sentence wins), and fails on the extra document.
  const firstSentence = (t: string) => t.slice(0, t.indexOf('。') + 1) || t;
  await installScriptedBackend(page, {
    outputs: Object.fromEntries(rows.map((r, i) => [firstSentence(r.text), PERTURBED_OUTPUTS[i]!])),
    fallback: '<スポーツ>関係抽出',
    errors: { [EXTRA]: 'ContextWindowSizeExceededError: Prompt tokens exceed context window size: number of prompt tokens: 5000; context window size: 4096' },
    delayMs: 40,
  });
  await page.goto('/');
  await loadModel(page, true);
  const gold = rows.map((r) => JSON.stringify(r)).join('\n') + `\n${JSON.stringify({ text: EXTRA, task: 're' })}\n`;
  await importFile(page, 'gold.jsonl', Buffer.from(gold));
  await expect(page.getByTestId('import-result')).toHaveText('7 documents imported');

  const batch = page.getByTestId('batch');
  await batch.getByRole('button', { name: 'Run the model on the 7 shown documents' }).click();
  await expect(batch.getByTestId('batch-progress')).toContainText(/^[2-4] \/ 7 documents/, { timeout: 20_000 });
  await page.reload();

  // After the reload the job is there, paused where it stopped; nothing done is lost or redone.
  await page.getByText(/^Corpus \(7\)/).click();
  const progress = page.getByTestId('batch').getByTestId('batch-progress');
  await expect(progress).toContainText('paused');
  const doneBefore = Number((await progress.textContent())!.split(' ')[0]);
  expect(doneBefore).toBeGreaterThanOrEqual(2);
  await loadModel(page, false);
  await page.getByTestId('batch').getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('batch-finished')).toHaveText('Pre-annotation finished: 6 documents. · 1 failed', { timeout: 30_000 });
  // Only the documents not done before the reload ran again (the one cut off by it included).
  const calls = await page.evaluate(() => window.__SCRIPTED_CALLS__!);
  const texts = [...rows.map((r) => r.text), EXTRA];
  texts.forEach((text, i) => expect(calls.some((c) => c.startsWith(text.slice(0, 20))), `document ${i + 1} ran after the reload`).toBe(i >= doneBefore));

  // Pause and resume within the page: a new run, paused, then finished.
  await page.getByRole('searchbox', { name: 'Search text and outputs' }).fill('監督');
  await page.getByTestId('batch').getByRole('button', { name: 'Run the model on the 2 shown documents' }).click();
  await page.getByTestId('batch').getByRole('button', { name: 'Pause' }).click();
  await expect(progress).toContainText('paused');
  await page.getByTestId('batch').getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('batch-finished')).toHaveText('Pre-annotation finished: 2 documents.', { timeout: 30_000 });
  await page.getByRole('searchbox', { name: 'Search text and outputs' }).fill('');

  // The predictions against the imported gold: the hand-computed numbers.
  await page.getByText('Evaluation', { exact: true }).click();
  const evaluation = page.getByTestId('evaluation');
  await evaluation.getByRole('button', { name: 'Evaluate' }).click();
  // The extra document has no gold (and its run failed): it is left out, and said so.
  await expect(evaluation.getByTestId('evaluation-summary')).toHaveText('6 documents scored. 1 without gold left out.');
  const overall = evaluation.locator('tr[data-task="overall"]');
  await expect(overall.locator('[data-metric="tl"]')).toContainText(PERTURBED_EXPECTED.overall.tl.toFixed(2));
  await expect(overall.locator('[data-metric="all"]')).toContainText(PERTURBED_EXPECTED.overall.all.toFixed(2));
  await expect(overall.locator('[data-metric="f1"]')).toContainText(PERTURBED_EXPECTED.overall.f1.toFixed(2));

  // A document the batch ran on shows its prediction in the editor, ready to correct.
  await page.getByTestId('documents').getByRole('button', { name: /今月8日/ }).click();
  await expect(page.getByTestId('category-select')).toHaveValue('スポーツ');
  await expect(page.getByTestId('prediction-info')).toHaveText('The batch run predicted this with batch-q4f32_1.');
  // The failed document says why, in the list and in the editor.
  await expect(page.getByTestId('documents').locator('li', { hasText: EXTRA })).toContainText('the batch run failed on it');
  await page.getByTestId('documents').getByRole('button', { name: new RegExp(EXTRA) }).click();
  await expect(page.getByTestId('prediction-info')).toContainText('The batch run failed here: The input is longer than the model’s context window.');
});

test('two tabs pressing Resume on one stored batch: one runs it, the other says it runs elsewhere, and no document runs twice', async ({ context }) => {
  test.setTimeout(120_000);
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const p of [a, b]) await installScriptedBackend(p, { outputs: {}, fallback: '<スポーツ>関係抽出', delayMs: 30 });
  await a.goto('/');
  await loadModel(a, true);
  const docs = Array.from({ length: 12 }, (_, i) => JSON.stringify({ text: `第${i + 1}の文書です。`, task: 're' })).join('\n');
  await importFile(a, 'twelve.jsonl', Buffer.from(docs));
  await a.getByTestId('batch').getByRole('button', { name: 'Run the model on the 12 shown documents' }).click();
  await expect(a.getByTestId('batch').getByTestId('batch-progress')).toContainText(/^[1-9] \/ 12 documents/, { timeout: 20_000 });
  await a.getByTestId('batch').getByRole('button', { name: 'Pause' }).click();
  await expect(a.getByTestId('batch').getByTestId('batch-progress')).toContainText('paused');

  await b.goto('/');
  await loadModel(b, false);
  await b.getByText(/^Corpus \(12\)/).click();
  // Both press Resume at once: exactly one owns the run.
  await Promise.all([a.getByTestId('batch').getByRole('button', { name: 'Resume' }).click(), b.getByTestId('batch').getByRole('button', { name: 'Resume' }).click()]);
  const elsewhere = async () => (await a.getByText('running in another tab').count()) + (await b.getByText('running in another tab').count());
  await expect.poll(elsewhere, { timeout: 20_000 }).toBe(1);
  await expect.poll(async () => (await a.getByTestId('batch-finished').count()) + (await b.getByTestId('batch-finished').count()), { timeout: 60_000 }).toBeGreaterThan(0);
  const calls = [...(await a.evaluate(() => window.__SCRIPTED_CALLS__ ?? [])), ...(await b.evaluate(() => window.__SCRIPTED_CALLS__ ?? []))];
  const perDocument = Array.from({ length: 12 }, (_, i) => calls.filter((c) => c.startsWith(`第${i + 1}の文書です。`)).length);
  // Each document ran once, but for the one a pause cut short (it runs again, once).
  expect(perDocument.filter((n) => n === 0)).toEqual([]);
  expect(perDocument.filter((n) => n > 2)).toEqual([]);
  expect(perDocument.filter((n) => n === 2).length).toBeLessThanOrEqual(1);
});
