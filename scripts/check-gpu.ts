// npm run check:gpu — the one check of the WebLLM path that needs a real GPU and the network (no CI machine
// has either). It builds nothing itself: `npm run check:gpu` builds the app, serves it with `vite preview`,
// and drives a real Chrome through it as a user would: load a small prebuilt model from Hugging Face, run
// 20 sentences with constrained decoding and 20 without, and print WebLLM's own figures. It fails on any
// error. README: Models and inference → Checking a GPU.
//
//   npm run check:gpu
//   GIELLM_CHROME=/usr/bin/google-chrome GIELLM_CHECK_MODEL=Qwen3-0.6B-q4f32_1-MLC npm run check:gpu
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { MODEL_CATALOG } from '../src/models/catalog.ts';
import { sharedPath } from '../src/testing/sharedData.ts';
import { printTable } from '../bench/stats.ts';
import { writeResults } from '../bench/results.ts';
import { problemsOf, runFigures, type RunFigures, type SentenceSeen } from './gpuCheck.ts';

const MODEL_ID = process.env.GIELLM_CHECK_MODEL ?? 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC';
const SENTENCES = 20;
// Not a port the e2e suite uses (4173, 4174, 4181, 4190).
const PORT = Number(process.env.GIELLM_CHECK_PORT ?? 4196);
const APP = `http://127.0.0.1:${PORT}/`;
const LOAD_TIMEOUT_MS = 8 * 60_000;

const CHROMES = [process.env.GIELLM_CHROME, '/usr/bin/google-chrome', '/usr/bin/chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'].filter((p): p is string => Boolean(p));

/** Twenty sentences: stockmark's where the shared data is here, else the app's bundled samples, repeated. */
function sentences(): string[] {
  const stockmark = sharedPath('stockmark-ner-wikipedia.json');
  if (existsSync(stockmark)) return (JSON.parse(readFileSync(stockmark, 'utf8')) as { text: string }[]).slice(0, SENTENCES).map((s) => s.text);
  const samples = ['livedoor-sample.jsonl', 'tcree-sample.jsonl'].flatMap((f) => readFileSync(`app/shared/samples/${f}`, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text));
  return Array.from({ length: SENTENCES }, (_, i) => samples[i % samples.length]!);
}

async function runOnce(page: Page, texts: string[], grammar: boolean): Promise<RunFigures> {
  const constrain = page.getByLabel('Constrained decoding');
  if ((await constrain.isChecked()) !== grammar) await constrain.click();
  await page.getByLabel('Source text').fill(texts.join('\n'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForFunction((want) => document.querySelector('[data-testid="run-progress"]')?.textContent === want, `${texts.length} / ${texts.length} sentences`, { polling: 1000, timeout: 10 * 60_000 });
  const seen: SentenceSeen[] = await page.locator('li[data-status]').evaluateAll((items) => items.map((li) => ({ status: li.getAttribute('data-status') ?? '', usage: li.querySelector('details p')?.textContent ?? null })));
  return runFigures(seen);
}

async function main() {
  const model = MODEL_CATALOG.find((m) => m.id === MODEL_ID);
  if (!model || model.gguf || model.server) throw new Error(`GIELLM_CHECK_MODEL=${MODEL_ID} is not a WebLLM model of the catalog`);
  const chrome = CHROMES.find((p) => existsSync(p));
  if (!chrome) throw new Error(`no Chrome found: set GIELLM_CHROME (tried ${CHROMES.join(', ')})`);
  // vite itself, not through npx: killing npx would leave the server running on the port.
  const preview = spawn(process.execPath, [fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url)), 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  process.on('exit', () => preview.kill());
  const browser = await chromium.launch({ executablePath: chrome, headless: process.env.GIELLM_HEADED !== '1', args: ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--ignore-gpu-blocklist'] });
  const pageErrors: string[] = [];
  try {
    await new Promise((ok) => setTimeout(ok, 1500));
    const page = await browser.newPage({ locale: 'en-US' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(APP);
    await page.waitForFunction(() => { const t = document.querySelector('[data-testid="capabilities"]')?.textContent ?? ''; return t !== '' && !t.includes('Checking'); }, undefined, { timeout: 30_000 });
    const caps = await page.getByTestId('capabilities').innerText();
    if (!/WebGPU: yes/.test(caps) || /GPU adapter: none/.test(caps)) throw new Error(`this browser has no WebGPU adapter (${caps.trim()}): run it headed (GIELLM_HEADED=1) or with a Chrome that has WebGPU`);
    if (/swiftshader/i.test(caps) && process.env.GIELLM_ALLOW_SWIFTSHADER !== '1') throw new Error(`the adapter is SwiftShader, a CPU fallback, not a GPU (${caps.trim()})`);
    await page.getByRole('combobox', { name: 'Model' }).selectOption(MODEL_ID);
    const t0 = performance.now();
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: /^(Download and load|Load)/ }).click();
    const failure = page.getByTestId('engine-failure');
    const ready = page.getByTestId('engine-status').getByText(`Ready: ${model.displayName}`);
    await Promise.race([ready.waitFor({ timeout: LOAD_TIMEOUT_MS }), failure.waitFor({ timeout: LOAD_TIMEOUT_MS }).then(async () => Promise.reject(new Error(`the model did not load: ${(await failure.innerText()).replace(/\s+/g, ' ').trim()}`)))]);
    const loadS = (performance.now() - t0) / 1000;
    // WebGPU reports no memory in use: set the catalog's estimate beside the weights that loaded (tensor-cache.json).
    const weightsMB = await page.evaluate(async (url) => {
      const r = await fetch(`${url}/resolve/main/tensor-cache.json`);
      const j = (await r.json()) as { records: { nbytes: number }[] };
      return j.records.reduce((n, x) => n + x.nbytes, 0) / 2 ** 20;
    }, model.weightsUrl);
    await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
    const texts = sentences();
    const runs = { 'with grammar': await runOnce(page, texts, true), 'without grammar': await runOnce(page, texts, false) };
    const problems = problemsOf(runs, SENTENCES, pageErrors);
    const f = (x: number | null, d = 0) => (x === null ? '?' : x.toFixed(d));
    printTable([
      [`${MODEL_ID} on ${caps.replace(/\s+/g, ' ').trim().slice(0, 80)}`, 'prompt tokens', 'prefill tok/s', 'decode tok/s', 'first token s', 'failed'],
      ...Object.entries(runs).map(([name, r]) => [`${SENTENCES} sentences ${name}`, f(r.promptTokens), f(r.prefillTps), f(r.decodeTps), f(r.ttftS, 2), String(r.failed)]),
    ]);
    console.log(`load ${loadS.toFixed(1)} s · weights loaded ${weightsMB.toFixed(0)} MB · catalog: ${model.downloadMB} MB download, ${model.vramMB} MB of GPU memory (estimate, WebGPU reports none)`);
    await writeResults('gpu-check', { model: MODEL_ID, adapter: caps.trim(), loadS, weightsMB, catalog: { downloadMB: model.downloadMB, vramMB: model.vramMB }, runs, problems });
    if (problems.length) throw new Error(problems.join('\n'));
    console.log('check:gpu passed');
  } finally {
    await browser.close();
    preview.kill();
  }
}

main().catch((e: unknown) => {
  console.error(`check:gpu failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
