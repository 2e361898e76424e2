import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_PROFILE } from '../src/index.ts';
import { loadStockmark } from '../src/testing/sharedData.ts';
import { stopAfterFirstSentence } from './support/models.ts';

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
  // Nothing is downloaded for a server model: the list says where it runs, not a size.
  await expect(page.getByRole('combobox', { name: 'Model' }).locator('option:checked')).toHaveText(/giellm-tiny @ 127\.0\.0\.1:\d+ · on a server/);
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
  await stopAfterFirstSentence(page, loadStockmark().slice(0, 40).map((s) => s.text).join(''), 40);
});

test('a server that is not there gets a message naming it', async ({ page }) => {
  await connect(page, 'http://127.0.0.1:9');
  await expect(page.getByTestId('engine-failure')).toContainText('Could not reach a server at http://127.0.0.1:9');
});

test('a batch over the server sends 4 requests at once and pre-annotates every document', async ({ page }) => {
  test.setTimeout(90_000);
  // Counted in the page, from each completion request's start to the end of its streamed body or its release
  // by the app (Playwright's request events see the connection, which can outlive the answer, and count 5).
  await page.addInitScript(() => {
    const w = window as unknown as { __inFlight: number; __most: number };
    w.__inFlight = 0;
    w.__most = 0;
    const original = window.fetch.bind(window);
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.endsWith('/v1/completions')) return original(input, init);
      w.__most = Math.max(w.__most, ++w.__inFlight);
      let ended = false;
      const end = () => void (!ended && ((ended = true), w.__inFlight--));
      try {
        const res = await original(input, init);
        if (!res.body) return end(), res;
        // The body as the app reads it: the request ends when its body ends, fails, or the app lets it go.
        const source = res.body.getReader();
        const body = new ReadableStream<Uint8Array>({
          async pull(c) {
            const { done, value } = await source.read().catch((e: unknown) => (end(), Promise.reject(e)));
            if (done) return end(), c.close();
            c.enqueue(value);
          },
          cancel: (reason) => (end(), source.cancel(reason)),
        });
        return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
      } catch (e) {
        end();
        throw e;
      }
    };
  });
  await connect(page, SERVER);
  await expect(page.getByTestId('engine-status')).toHaveText(/^Ready/);
  const docs = loadStockmark().slice(0, 16).map((s) => JSON.stringify({ id: String(s.curid), text: s.text, task: 'ner' }));
  await page.getByText(/^Corpus \(/).click();
  await page.getByLabel('Import a file').setInputFiles({ name: 'docs.jsonl', mimeType: 'application/json', buffer: Buffer.from(docs.join('\n')) });
  await expect(page.getByTestId('import-result')).toHaveText('16 documents imported');
  await page.getByTestId('batch').getByRole('button', { name: 'Run the model on the 16 shown documents' }).click();
  await expect(page.getByTestId('batch-finished')).toContainText('Pre-annotation finished: 16 documents.', { timeout: 60_000 });
  expect(await page.evaluate(() => (window as unknown as { __most: number }).__most)).toBe(4);
  // Every document now has its prediction: none is left without an output.
  await page.getByRole('combobox', { name: 'Output filter' }).selectOption('without');
  await expect(page.getByTestId('shown-count')).toHaveText('0 of 16');
});
