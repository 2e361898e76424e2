import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_PROFILE } from '../src/index.ts';
import { loadStockmark } from '../src/testing/sharedData.ts';
import { watchCsp } from './support/csp.ts';
import { addGgufModel, MODEL_HOST as HOST, stopAfterFirstSentence } from './support/models.ts';

// The CPU engine (wllama) with the real tiny GIELLM model, in the no-adapter project: this Chromium has no
// WebGPU adapter, so every WebLLM model says it cannot run here, and the GGUF model runs on the processor.
// Real generation, real tokenisation, real grammar: no scripted backend anywhere in this file.
const TINY = process.env.GIELLM_TINY_MODEL ?? '../shared/models/giellm-tiny-char.gguf';

/** Adds the tiny model by URL (each test its own path: a fresh download) and loads it. */
async function loadTiny(page: Page, path: string) {
  await addGgufModel(page, `${path}/giellm-tiny-char.gguf`);
  await expect(page.getByTestId('model-details')).toContainText('Engine: wllama on the CPU');
  await page.getByRole('button', { name: /^(Download and load|Load)/ }).click();
  await expect(page.getByTestId('engine-status')).toHaveText('Ready: giellm-tiny-char.gguf', { timeout: 30_000 });
}

const stockmark = loadStockmark();

/** Runs the loaded model on one NER sentence and waits until it is done. */
async function runOneSentence(page: Page, text: string) {
  await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
  await page.getByLabel('Source text').fill(text);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-progress')).toHaveText('1 / 1 sentences', { timeout: 20_000 });
  await expect(page.locator('[data-status="done"]')).toHaveCount(1);
}

test('without WebGPU, a GGUF model runs on the CPU: tokens stream into place and the grammar holds', async ({ page }) => {
  const csp = await watchCsp(page);
  await page.goto('/');
  // No WebLLM model can run here: the panel picks a CPU one and says why.
  await expect(page.getByTestId('picked-cpu')).toContainText('no usable WebGPU');
  await expect(page.getByTestId('capabilities')).toContainText('CPU engine: 1 thread (the page is not cross-origin isolated)');
  // No engine code is in the page before a model is chosen.
  const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /wllama|worker-/.test(n)));
  expect(await scripts()).toEqual([]);
  await loadTiny(page, 'stream');
  await expect(page.getByTestId('cpu-info')).toHaveText('Running on the CPU: 1 thread (the page is not cross-origin isolated) · weights downloaded · chat template from the GGUF');
  // The note that a CPU model was picked for the user goes once the user picks their own.
  await expect(page.getByTestId('picked-cpu')).toHaveCount(0);
  expect((await scripts()).some((n) => /wllamaWorker-.*\.js$/.test(n))).toBe(true);

  await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
  await page.getByLabel('Source text').fill(stockmark[0]!.text);
  // Streaming: the raw output grows in several steps before the sentence is done (seen in the page itself).
  await page.evaluate(() => {
    const w = window as unknown as { __raw: Set<string> };
    w.__raw = new Set();
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid="run-raw"]')?.textContent;
      if (t) w.__raw.add(t);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-progress')).toHaveText('1 / 1 sentences', { timeout: 20_000 });
  const seen = await page.evaluate(() => [...(window as unknown as { __raw: Set<string> }).__raw]);
  // Each step extends the one before: tokens arrive in order, none replaced.
  for (let i = 1; i < seen.length; i++) expect(seen[i]!.startsWith(seen[i - 1]!)).toBe(true);
  await expect(page.locator('[data-status="done"]')).toHaveCount(1);
  expect(DEFAULT_PROFILE.categories.ner).toContain(await page.getByTestId('category').first().innerText());
  expect(seen.length).toBeGreaterThan(2);
  expect(await csp()).toEqual([]);
  // Only the CPU engine's worker may start blob: workers: the page still may not (its policy is not widened).
  const pageBlobWorker = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(`blocked by ${e.effectiveDirective}`), { once: true });
        const w = new Worker(URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' })));
        w.onmessage = () => resolve('ran');
        setTimeout(() => resolve('no answer'), 5000);
      }),
  );
  expect(pageBlobWorker).toBe('blocked by worker-src');
});

test('Stop ends a CPU run mid-way, and the engine takes the next run', async ({ page }) => {
  await page.goto('/');
  await loadTiny(page, 'stop');
  await stopAfterFirstSentence(page, stockmark.slice(0, 40).map((s) => s.text).join(''), 40);
  // The engine was not restarted (it answered Stop): the same model runs the next text at once.
  await expect(page.getByText('did not answer Stop')).toHaveCount(0);
  await runOneSentence(page, stockmark[1]!.text);
});

test('a GGUF file picked from this computer loads in place, with nothing fetched for it', async ({ page }) => {
  await page.goto('/');
  const fetched: string[] = [];
  page.on('request', (r) => r.url().endsWith('.gguf') && fetched.push(r.url()));
  await page.getByText('Use a GGUF model on the CPU').click();
  await page.getByLabel('Or open GGUF file(s) from this computer').setInputFiles({ name: 'giellm-tiny-char.gguf', mimeType: 'application/octet-stream', buffer: readFileSync(TINY) });
  await expect(page.getByRole('combobox', { name: 'Model' }).locator('option:checked')).toHaveText(/giellm-tiny-char\.gguf · file on this computer · CPU/);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByTestId('engine-status')).toHaveText('Ready: giellm-tiny-char.gguf', { timeout: 30_000 });
  await expect(page.getByTestId('cpu-info')).toContainText('weights read from the picked file');
  await runOneSentence(page, stockmark[2]!.text);
  expect(fetched).toEqual([]);
  // A file that is not a GGUF model is refused by name, before any engine starts.
  await page.getByLabel('Or open GGUF file(s) from this computer').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByTestId('gguf-file-errors')).toContainText('notes.txt is not a .gguf file');
});

test('a GGUF URL that answers a web page or 404 gets a message naming it, and nothing is cached', async ({ page }) => {
  await page.goto('/');
  for (const [name, words] of [
    ['web-page.gguf', 'answered with a web page instead of the GGUF file'],
    ['missing.gguf', 'The GGUF file is not at'],
  ] as const) {
    await addGgufModel(page, `bad/${name}`);
    await page.getByRole('button', { name: /^(Download and load|Load)/ }).click();
    await expect(page.getByTestId('engine-failure')).toContainText(words);
    await page.getByText('Use a GGUF model on the CPU').click();
  }
  await expect(page.getByTestId('cached-models')).toHaveCount(0);
});

test('a 10-document batch pre-annotates on the CPU, and resumes after a reload with the model from the cache', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const docs = stockmark.slice(0, 10).map((s) => JSON.stringify({ id: String(s.curid), text: s.text, task: 'ner' }));
  await page.getByText(/^Corpus \(/).click();
  await page.getByLabel('Import a file').setInputFiles({ name: 'docs.jsonl', mimeType: 'application/json', buffer: Buffer.from(docs.join('\n')) });
  await expect(page.getByTestId('import-result')).toHaveText('10 documents imported');
  await loadTiny(page, 'batch');
  const batch = page.getByTestId('batch');
  await batch.getByRole('button', { name: 'Run the model on the 10 shown documents' }).click();
  await expect(batch.getByTestId('batch-progress')).toContainText(/^[1-8] \/ 10 documents/, { timeout: 30_000 });
  const ggufRequests: string[] = [];
  page.on('request', (r) => r.url().endsWith('.gguf') && ggufRequests.push(r.url()));
  await page.reload();

  await page.getByText(/^Corpus \(10\)/).click();
  const progress = page.getByTestId('batch').getByTestId('batch-progress');
  await expect(progress).toContainText('paused');
  // The model record was saved, its weights are in wllama's cache: Load, not Download, and no fetch.
  await expect(page.getByRole('combobox', { name: 'Model' }).locator('option:checked')).toHaveText(/giellm-tiny-char\.gguf · .* · CPU · downloaded/);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByTestId('engine-status')).toHaveText('Ready: giellm-tiny-char.gguf', { timeout: 30_000 });
  await expect(page.getByTestId('cpu-info')).toContainText('weights from the cache');
  expect(ggufRequests).toEqual([]);
  await page.getByTestId('batch').getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('batch-finished')).toHaveText('Pre-annotation finished: 10 documents.', { timeout: 60_000 });
  await page.getByRole('combobox', { name: 'Output filter' }).selectOption('without');
  await expect(page.getByTestId('shown-count')).toHaveText('0 of 10');
  // The cache lists the model with its size, and Delete empties it.
  await page.getByTestId('cached-models').locator('summary').click();
  await expect(page.getByTestId('cached-models')).toContainText('giellm-tiny-char.gguf: 4 MB');
  await page.getByRole('button', { name: 'Delete giellm-tiny-char.gguf from the cache' }).click();
  await expect(page.getByTestId('cached-models')).toHaveCount(0);
});

test('with the network off, a reload loads the CPU model from the cache and runs it', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await loadTiny(page, 'offline');
  // The engine's WebAssembly was kept by the service worker when first used (not precached with the page).
  expect(await page.evaluate(async () => (await (await caches.open('giellm-cpu-engine')).keys()).map((r) => r.url))).toEqual([expect.stringMatching(/\/assets\/wllama-[\w-]+\.wasm$/)]);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByTestId('engine-status')).toHaveText('Ready: giellm-tiny-char.gguf', { timeout: 30_000 });
  await expect(page.getByTestId('cpu-info')).toContainText('weights from the cache');
  await runOneSentence(page, stockmark[3]!.text);
});

test('in an embed frame, an extract request without an output is answered by the loaded CPU model', async ({ page }) => {
  test.setTimeout(90_000);
  const APP = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
  await page.goto(`${HOST}/host.html?src=${encodeURIComponent(`${APP}/?embed&origins=${encodeURIComponent(HOST)}`)}`);
  const frame = page.frameLocator('#f');
  await frame.locator('summary').first().click();
  await addGgufModel(frame, 'embed/giellm-tiny-char.gguf');
  await frame.getByRole('button', { name: /Download and load/ }).click();
  await frame.getByTestId('confirm-download').getByRole('button', { name: 'Download' }).click();
  await expect(frame.getByTestId('engine-status')).toHaveText('Ready: giellm-tiny-char.gguf', { timeout: 30_000 });
  const text = stockmark[4]!.text;
  await page.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), { type: 'giellm:extract', id: 7, text, task: 'ner' });
  await frame.getByRole('button', { name: 'Run it' }).click();
  type Msg = { type: string; id?: number; result?: { category: string | null } };
  const replyTo7 = async () => (await page.evaluate(() => (window as unknown as { __msgs: Msg[] }).__msgs)).find((m) => m.id === 7 && (m.type === 'giellm:result' || m.type === 'giellm:error'));
  await expect.poll(replyTo7, { timeout: 30_000 }).toBeTruthy();
  const reply = (await replyTo7())!;
  expect(reply.type).toBe('giellm:result');
  expect(DEFAULT_PROFILE.categories.ner).toContain(reply.result!.category);
});

test('a CPU model download shows its progress and can be cancelled; a retry downloads it whole', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await addGgufModel(page, 'slow/giellm-tiny-char.gguf');
  await page.getByRole('button', { name: /^Download and load/ }).click();
  await expect(page.getByTestId('load-phase')).toHaveText('Downloading weights');
  await expect(page.getByTestId('load-progress')).toContainText(/[1-9]\d?% · [1-4] MB/, { timeout: 20_000 });
  await page.getByTestId('load-progress').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Download cancelled. Files already downloaded are kept.')).toBeVisible();
  await expect(page.getByTestId('engine-status')).toHaveText('No model loaded');
  // What was cut off is not taken for the model: the button still says Download.
  await expect(page.getByRole('button', { name: /^Download and load/ })).toBeEnabled();
  await page.getByRole('button', { name: /^Download and load/ }).click();
  await expect(page.getByTestId('engine-status')).toHaveText('Ready: giellm-tiny-char.gguf', { timeout: 40_000 });
  await expect(page.getByRole('combobox', { name: 'Model' }).locator('option:checked')).toHaveText(/· downloaded$/);
});

test('a GGUF file dropped on the panel loads like a picked one', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Use a GGUF model on the CPU').click();
  // The file as a drag from the desktop carries it: a DataTransfer holding a File, dropped on the zone.
  await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'giellm-tiny-char.gguf', { type: 'application/octet-stream' }));
    document.querySelector('[data-testid="gguf-drop"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, readFileSync(TINY).toString('base64'));
  await expect(page.getByRole('combobox', { name: 'Model' }).locator('option:checked')).toHaveText(/giellm-tiny-char\.gguf · file on this computer · CPU/);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByTestId('engine-status')).toHaveText('Ready: giellm-tiny-char.gguf', { timeout: 30_000 });
});

test('a model split by gguf-split loads from its first part’s URL, every part downloaded and cached', async ({ page }) => {
  const parts = readdirSync('test-results/gguf-split').filter((f) => f.endsWith('.gguf')).sort();
  expect(parts.length).toBeGreaterThan(1);
  expect(parts[0]).toMatch(/^giellm-tiny-char-00001-of-0000\d\.gguf$/);
  const fetched: string[] = [];
  page.on('request', (r) => r.url().includes('/gguf-split/') && fetched.push(r.url().split('/').pop()!));
  await page.goto('/');
  await page.getByText('Use a GGUF model on the CPU').click();
  const form = page.getByRole('form', { name: 'Use a GGUF model on the CPU (URL or a file on this computer)' });
  await form.getByLabel('GGUF URL (for a split model, its first part)').fill(`${HOST}/gguf-split/${parts[0]}`);
  await form.getByRole('button', { name: 'Add' }).click();
  await page.getByRole('button', { name: /^Download and load/ }).click();
  await expect(page.getByTestId('engine-status')).toHaveText(`Ready: ${parts[0]}`, { timeout: 30_000 });
  expect([...new Set(fetched)].sort()).toEqual(parts);
  await runOneSentence(page, stockmark[5]!.text);
  await expect(page.getByRole('combobox', { name: 'Model' }).locator('option:checked')).toHaveText(/· downloaded$/);
});

test('served cross-origin isolated, the CPU engine runs multi-threaded and says so', async ({ page, context }) => {
  // This machine has 2 cores (half of them: one thread); Chromium is told 4, as a 4-core laptop has.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: 4 });
  await page.goto(`${HOST}/coi/`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId('capabilities')).toContainText('CPU engine: 2 threads (cross-origin isolated)');
  await loadTiny(page, 'coi');
  await expect(page.getByTestId('cpu-info')).toContainText('Running on the CPU: 2 threads (cross-origin isolated)');
  await runOneSentence(page, stockmark[6]!.text);
});
