import { expect, test } from '@playwright/test';
import { addCustomModel, cachedUrls, MODEL_HOST, serverStats } from '../support/models.ts';
import { watchCsp } from '../support/csp.ts';

// The real worker and the real web-llm, against model folders the test server serves.
test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('capabilities')).toContainText('WebGPU: yes');
});

test('a CPU adapter without shader-f16: f16 models say why, f32 models are offered', async ({ page }) => {
  await expect(page.getByTestId('capabilities')).toContainText('shader-f16: no');
  await expect(page.getByTestId('capabilities')).not.toContainText('GPU adapter: none');
  const model = page.getByRole('combobox', { name: 'Model' });
  await model.selectOption('gemma-2-2b-jpn-it-q4f16_1-MLC');
  await expect(page.getByTestId('model-reasons')).toContainText('shader-f16');
  await expect(page.getByTestId('model-reasons')).toContainText('pick a q4f32 model');
  await expect(page.getByRole('button', { name: /Download and load/ })).toBeDisabled();
  await model.selectOption('gemma-2-2b-jpn-it-q4f32_1-MLC');
  await expect(page.getByTestId('model-reasons')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Download and load/ })).toBeEnabled();
});

test('config and library are fetched and cached by web-llm, then the unloadable library is reported clearly', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.reload();
  await addCustomModel(page, { id: 'tiny-q4f32_1', folder: 'tiny-q4f32_1', lib: 'not-tvm.wasm' });
  await page.getByRole('button', { name: /Download and load/ }).click();
  const failure = page.getByTestId('engine-failure');
  await expect(failure).toBeVisible({ timeout: 20_000 });
  await expect(failure).toContainText('model library');
  await expect(failure).not.toContainText(/at \S+:\d+:\d+/); // no stack trace
  expect(await cachedUrls(page, 'webllm/config')).toContain(`${MODEL_HOST}/models/tiny-q4f32_1/resolve/main/mlc-chat-config.json`);
  expect(await cachedUrls(page, 'webllm/wasm')).toContain(`${MODEL_HOST}/libs/not-tvm.wasm`);
  await page.screenshot({ path: 'test-results/screenshots/engine-library-failure.png', fullPage: true });
  // The worker, web-llm's wasm and the model host all ran under the app's CSP.
  expect(await violations()).toEqual([]);
  // The worker is locked down as well: its script comes with the CSP header (which, unlike the page's <meta>,
  // reaches a worker), and its own connect policy refuses any URL that is not the model's (connectPolicy.ts),
  // even one the CSP allows. (Playwright's evaluate runs outside the worker's CSP, so eval is not probed here.)
  const worker = page.workers().find((w) => w.url().includes('worker'))!;
  expect((await page.request.get(worker.url())).headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(await worker.evaluate(async (host) => fetch(`${host}/__stats`).then(() => 'fetched', (e: unknown) => String(e)), MODEL_HOST)).toContain("the engine's connect policy");
  expect(await worker.evaluate(() => typeof (self as unknown as { WebSocket?: unknown }).WebSocket)).toBe('undefined');
  // web-llm (≈6 MB) is in its worker only: the page reached it through the app's own protocol, with a client
  // of a few kilobytes (web-llm's RPC client would have brought the whole library into the page again).
  const pageScripts = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/assets\/[^/]+\.js$/.test(e.name)).map((e) => ({ name: e.name, bytes: (e as PerformanceResourceTiming).decodedBodySize })));
  const client = pageScripts.filter((x) => /webLlmBackend/.test(x.name));
  expect(client).toHaveLength(1);
  expect(client[0]!.bytes).toBeLessThan(20_000);
  // The worker's own script is fetched on the page's behalf (new Worker): everything else stays small.
  expect(Math.max(...pageScripts.filter((x) => !/\/worker-[^/]+\.js$/.test(x.name)).map((x) => x.bytes))).toBeLessThan(1_000_000);
});

test('a missing config (404) is named, not shown as a JSON error', async ({ page }) => {
  await addCustomModel(page, { id: 'missing-q4f32_1', folder: 'missing-q4f32_1', lib: 'not-tvm.wasm' });
  await page.getByRole('button', { name: /Download and load/ }).click();
  await expect(page.getByTestId('engine-failure')).toContainText(`mlc-chat-config.json was not found at ${MODEL_HOST}/models/missing-q4f32_1/resolve/main/mlc-chat-config.json (HTTP 404)`);
});

test('an SPA-style 200 index.html is recognised and never reaches the cache', async ({ page }) => {
  await addCustomModel(page, { id: 'spa-q4f32_1', folder: 'spa-q4f32_1', lib: 'not-tvm.wasm' });
  await page.getByRole('button', { name: /Download and load/ }).click();
  await expect(page.getByTestId('engine-failure')).toContainText('answered with a web page instead of mlc-chat-config.json');
  expect((await cachedUrls(page, 'webllm/config')).filter((u) => u.includes('spa-q4f32_1'))).toEqual([]);
});

test('a download that breaks off gives the network message, and a retry resumes from the cache', async ({ page }) => {
  const run = Date.now().toString(36);
  await addCustomModel(page, { id: `flaky-${run}-q4f32_1`, folder: `flaky-${run}-q4f32_1`, lib: `flaky.wasm?run=${run}` });
  await page.getByRole('button', { name: /Download and load/ }).click();
  const failure = page.getByTestId('engine-failure');
  await expect(failure).toContainText('network failed during the download', { timeout: 20_000 });
  const configUrl = `/models/flaky-${run}-q4f32_1/resolve/main/mlc-chat-config.json`;
  const configFetches = (await serverStats(page)).filter((p) => p === configUrl).length;
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(failure).toContainText('model library', { timeout: 20_000 });
  // The config was cached on the first try: the retry did not download it again.
  expect((await serverStats(page)).filter((p) => p === configUrl).length).toBe(configFetches);
  expect(await cachedUrls(page, 'webllm/wasm')).toContain(`${MODEL_HOST}/libs/flaky.wasm?run=${run}`);
});

test('a model that needs more GPU memory than most laptops give asks before anything is downloaded', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('Llama-3.1-8B-Instruct-q4f32_1-MLC');
  await page.getByRole('button', { name: /^Download and load/ }).click();
  await expect(page.getByTestId('memory-warning')).toHaveText(/needs about 6\.0 GB of GPU memory, more than the 4\.0 GB most laptop GPUs give a tab/);
  await page.getByTestId('confirm-download').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('confirm-download')).toHaveCount(0);
  await expect(page.getByTestId('engine-status')).toHaveText('No model loaded');
  expect(requests.filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([]);
  // A small model loads at once, without the question.
  await page.getByRole('combobox', { name: 'Model' }).selectOption('Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
  await expect(page.getByRole('button', { name: /^Download and load/ })).toBeEnabled();
});
