import { expect, test } from '@playwright/test';
import { corruptStorage } from './support/corpus.ts';

test('corrupted saved settings: the page starts with defaults and says which were reset, and the next visit is clean', async ({ page }) => {
  await corruptStorage(page, {
    'giellm-models': JSON.stringify({ state: { selectedId: 'gone', customModels: null }, version: 1 }),
    'giellm-profile': '{not json',
    'giellm-theme': JSON.stringify({ state: { theme: 'neon' }, version: 1 }),
    'giellm-server-keys': 'null',
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'GIELLM Web' })).toBeVisible();
  const notice = page.getByTestId('settings-reset');
  await expect(notice).toContainText('models and custom models');
  await expect(notice).toContainText('format and label sets');
  await expect(notice).toContainText('theme');
  // Still fully usable: a sample parses.
  await page.getByRole('combobox', { name: 'Load a sample' }).selectOption('tcree-5');
  await expect(page.getByTestId('category')).toHaveText('映画');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  // What the app saves back is valid: the next visit has nothing to reset.
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'GIELLM Web' })).toBeVisible();
  await expect(page.getByTestId('settings-reset')).toHaveCount(0);
});
