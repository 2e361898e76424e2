import { expect, type FrameLocator, type Page } from '@playwright/test';

export const MODEL_HOST = `http://127.0.0.1:${process.env.MODEL_SERVER_PORT ?? 4174}`;

export interface CustomModel {
  id: string;
  folder: string;
  lib: string;
  mode?: 'giellm' | 'prompted';
}

/** Adds a model through the app's own form, as a user does, and selects it. */
export async function addCustomModel(page: Page | FrameLocator, m: CustomModel) {
  await page.getByText('Add a custom model').click();
  const form = page.getByRole('form', { name: 'Add a custom model' });
  await form.getByLabel('Id', { exact: true }).fill(m.id);
  await form.getByLabel('Weights URL').fill(`${MODEL_HOST}/models/${m.folder}`);
  await form.getByLabel('Model library URL (.wasm)').fill(`${MODEL_HOST}/libs/${m.lib}`);
  await form.getByLabel('Mode', { exact: true }).selectOption(m.mode ?? 'prompted');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue(m.id);
}

export const serverStats = async (page: Page): Promise<string[]> => (await page.request.get(`${MODEL_HOST}/__stats`)).json();

/** The URLs WebLLM stored in one of its Cache Storage caches. */
export const cachedUrls = (page: Page, cacheName: string) =>
  page.evaluate(async (name) => ((await caches.has(name)) ? (await (await caches.open(name)).keys()).map((r) => r.url) : []), cacheName);

/** Adds a GGUF model by URL through the CPU engine's form, as a user does (the form is left open). */
export async function addGgufModel(page: Page | FrameLocator, path: string, mode: 'giellm' | 'prompted' = 'giellm') {
  await page.getByText('Use a GGUF model on the CPU').click();
  const form = page.getByRole('form', { name: 'Use a GGUF model on the CPU (URL or a file on this computer)' });
  await form.getByLabel('GGUF URL (for a split model, its first part)').fill(`${MODEL_HOST}/gguf/${path}`);
  await form.getByLabel('Mode', { exact: true }).selectOption(mode);
  await form.getByRole('button', { name: 'Add' }).click();
}

/** Runs the loaded model over `text`, presses Stop after the first sentence is done, and checks the run ended there. */
export async function stopAfterFirstSentence(page: Page, text: string, sentences: number) {
  await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
  await page.getByLabel('Source text').fill(text);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="done"]').first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('engine-status')).toHaveText(/^Ready/);
  await expect(page.locator('[data-status="stopped"]').first()).toBeVisible();
  expect(await page.locator('[data-status="done"]').count()).toBeLessThan(sentences);
}
