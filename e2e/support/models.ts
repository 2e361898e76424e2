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
