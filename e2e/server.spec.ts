import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_PROFILE } from '../src/index.ts';
import { loadStockmark } from '../src/testing/sharedData.ts';

// The app's server engine against a real llama-server running the tiny GIELLM model (started by the
// Playwright config): real generation streamed into the page, real grammar enforcement, real Stop.
const SERVER = `http://127.0.0.1:${process.env.LLAMA_SERVER_PORT ?? 4190}`;

async function connect(page: Page, url: string) {
  await page.goto('/');
  await page.getByText('Use an inference server').click();
  const form = page.getByRole('form', { name: 'Use an inference server (vLLM, llama-server, Ollama)' });
  await form.getByLabel('Server URL').fill(url);
  await form.getByLabel('Model name on the server').fill('giellm-tiny');
  await form.getByLabel('Mode', { exact: true }).selectOption('giellm');
  await form.getByRole('button', { name: 'Add' }).click();
  await page.getByRole('button', { name: 'Connect' }).click();
}

test('a run on a real llama-server streams into place, constrained to the format', async ({ page }) => {
  await connect(page, SERVER);
  await expect(page.getByTestId('engine-status')).toHaveText(/^Ready: giellm-tiny @ 127\.0\.0\.1/);
  await expect(page.getByTestId('server-info')).toContainText('llama.cpp');
  await expect(page.getByTestId('server-info')).toContainText('grammar: llama.cpp `grammar`');
  await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
  const sentence = loadStockmark()[0]!.text;
  await page.getByLabel('Source text').fill(sentence);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-progress')).toHaveText('1 / 1 sentences', { timeout: 20_000 });
  await expect(page.locator('[data-status="done"]')).toHaveCount(1);
  // The tiny model is weak, but the grammar holds it to the format: a category of the label set.
  expect(DEFAULT_PROFILE.categories.ner).toContain(await page.getByTestId('category').first().innerText());
});

test('Stop ends a run on the server mid-way; the rest of the sentences are stopped', async ({ page }) => {
  await connect(page, SERVER);
  await expect(page.getByTestId('engine-status')).toHaveText(/^Ready/);
  await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
  await page.getByLabel('Source text').fill(loadStockmark().slice(0, 40).map((s) => s.text).join(''));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="done"]').first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('engine-status')).toHaveText(/^Ready/);
  await expect(page.locator('[data-status="stopped"]').first()).toBeVisible();
  expect(await page.locator('[data-status="done"]').count()).toBeLessThan(40);
});

test('a server that is not there gets a message naming it', async ({ page }) => {
  await connect(page, 'http://127.0.0.1:9');
  await expect(page.getByTestId('engine-failure')).toContainText('Could not reach a server at http://127.0.0.1:9');
});
