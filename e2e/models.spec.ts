import { expect, test } from '@playwright/test';

test('without a WebGPU adapter every model says why it cannot run, and nothing downloads', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/');
  await expect(page.getByTestId('capabilities')).toContainText('GPU adapter: none');
  await expect(page.getByTestId('model-reasons')).toContainText('no GPU adapter was found');
  await expect(page.getByRole('button', { name: /Download and load/ })).toBeDisabled();
  // web-llm (≈6 MB) is not part of the page until a model loads.
  expect(requests.filter((u) => /webLlmBackend|worker-/.test(u))).toEqual([]);
  expect(requests.filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([]);
});
