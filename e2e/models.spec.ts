import { expect, test } from '@playwright/test';

test('without a WebGPU adapter a CPU model is picked, every GPU model says why it cannot run, and nothing downloads', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/');
  await expect(page.getByTestId('capabilities')).toContainText('GPU adapter: none');
  await expect(page.getByTestId('picked-cpu')).toHaveText(/no usable WebGPU, so a model for the CPU engine \(wllama\) is picked/);
  await expect(page.getByRole('combobox', { name: 'Model' }).locator('option:checked')).toHaveText('Qwen2.5 0.5B Instruct (CPU, Q4_K_M) · 491 MB · CPU');
  await expect(page.getByTestId('model-details')).toContainText('Engine: wllama on the CPU · fast on a 4-core laptop: about 25 tokens/s (estimated)');
  await expect(page.getByRole('button', { name: 'Download and load (491 MB)' })).toBeEnabled();
  // Each GPU model, picked, says why not here, and points to the CPU models.
  await page.getByRole('combobox', { name: 'Model' }).selectOption('Qwen2.5-1.5B-Instruct-q4f32_1-MLC');
  await expect(page.getByTestId('picked-cpu')).toHaveCount(0);
  await expect(page.getByTestId('model-reasons')).toContainText('no GPU adapter was found');
  await expect(page.getByTestId('model-reasons')).toContainText('pick a model marked CPU');
  await expect(page.getByRole('button', { name: /Download and load/ })).toBeDisabled();
  // web-llm (≈6 MB) is not part of the page until a model loads.
  expect(requests.filter((u) => /webLlmBackend|worker-/.test(u))).toEqual([]);
  expect(requests.filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([]);
});

test('a custom model with bad fields is refused with every reason, and the catalog is unchanged', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Add a custom model').click();
  const form = page.getByRole('form', { name: 'Add a custom model' });
  await form.getByLabel('Id', { exact: true }).fill('my model');
  await form.getByLabel('Weights URL').fill('ftp://example.org/m');
  await form.getByLabel('Model library URL (.wasm)').fill('https://example.org/lib.js');
  await form.getByRole('button', { name: 'Add' }).click();
  const errors = page.getByTestId('custom-model-errors');
  await expect(errors.locator('li')).toHaveText([/^Id: /, /^Weights URL: /, /^Model library URL: the model library is a \.wasm file/, /^Quantization: /]);
  await expect(page.getByRole('combobox', { name: 'Model' }).locator('option')).toHaveCount(19);
});

test('a model on a host this build cannot reach is refused by name with the fix, and a custom model can be removed', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Add a custom model').click();
  const form = page.getByRole('form', { name: 'Add a custom model' });
  await expect(page.getByTestId('custom-model')).toContainText('rebuild with GIELLM_MODEL_HOSTS');
  await form.getByLabel('Id', { exact: true }).fill('far-q4f32_1');
  await form.getByLabel('Weights URL').fill('https://models.example.org/far-q4f32_1');
  await form.getByLabel('Model library URL (.wasm)').fill('https://huggingface.co/x/lib.wasm');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('custom-model-errors')).toHaveText('This build cannot reach https://models.example.org (its Content-Security-Policy): rebuild with GIELLM_MODEL_HOSTS="https://models.example.org", or serve the model from this site or from loopback.');
  await expect(page.getByRole('combobox', { name: 'Model' }).locator('option')).toHaveCount(19);

  await page.getByText('Use a GGUF model on the CPU').click();
  const gguf = page.getByRole('form', { name: 'Use a GGUF model on the CPU (URL or a file on this computer)' });
  await gguf.getByLabel('GGUF URL (for a split model, its first part)').fill('http://127.0.0.1:9/gone/m-Q4_K_M.gguf');
  await gguf.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('gguf:m-Q4_K_M.gguf');
  await page.getByRole('button', { name: 'Remove this model' }).click();
  await expect(page.getByRole('combobox', { name: 'Model' }).locator('option')).toHaveCount(19);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Model' }).locator('option')).toHaveCount(19);
});

test('a custom GIELLM model keeps the BOS, EOS, config overrides and manifest it is given, across a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Add a custom model').click();
  const form = page.getByRole('form', { name: 'Add a custom model' });
  await form.getByLabel('Id', { exact: true }).fill('my-jpllm-q4f16_1');
  await form.getByLabel('Weights URL').fill('https://huggingface.co/me/my-jpllm-q4f16_1');
  await form.getByLabel('Model library URL (.wasm)').fill('https://huggingface.co/me/my-jpllm-q4f16_1/lib.wasm');
  await form.getByLabel('Mode', { exact: true }).selectOption('giellm');
  await form.getByLabel(/^BOS token id/).fill('none');
  await form.getByLabel(/^EOS token id/).fill('7');
  await form.getByLabel(/^Config overrides/).fill('{"max_history_size": 1');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('custom-model-errors')).toHaveText(/^Record overrides: not JSON/);
  await form.getByLabel(/^Config overrides/).fill('{"max_history_size": 1}');
  await form.getByLabel(/^Model manifest/).fill('mlc-model-manifest.json');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('my-jpllm-q4f16_1');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Model' }).locator('option[value="my-jpllm-q4f16_1"]')).toHaveCount(1);
  const saved = await page.evaluate(() => Object.values(localStorage).find((v) => v.includes('my-jpllm-q4f16_1')) ?? '');
  expect(saved).toContain('"system_prefix_token_ids":[]');
  expect(saved).toContain('"stop_token_ids":[7]');
  expect(saved).toContain('"max_history_size":1');
  expect(saved).toContain('"modelManifest":"mlc-model-manifest.json"');
});
