import { cpus } from 'node:os';
import { APP, MODEL_PORT, withBrowser, writeResults } from './browser.ts';
import { loadStockmark } from '../src/testing/sharedData.ts';
import { median, printTable } from './stats.ts';

// The CPU engine (wllama) with the real tiny model, through the built app in Chromium without WebGPU: load
// time (download, then from the cache), prompt and decode speed as llama.cpp reports them, and the app's own
// cost per streamed token (the page's main-thread script, style and layout time, from Chromium's own
// Performance.getMetrics) beside the floor it competes with: the decode time of the same tokens.
// Target: the app's cost under 5% of decode time.
const SENTENCES = Number(process.env.BENCH_CPU_SENTENCES ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const HOST = `http://127.0.0.1:${MODEL_PORT}`;

interface RunFigures {
  downloadLoadMs: number;
  cacheLoadMs: number;
  promptTps: number;
  decodeTps: number;
  outputTokens: number;
  decodeMs: number;
  appMainThreadMs: number;
  wallMs: number;
}

async function main() {
  const sentences = loadStockmark().slice(30, 30 + SENTENCES).map((s) => s.text);
  const runs: RunFigures[] = [];
  await withBrowser([], async (browser) => {
    for (let r = 0; r < RUNS; r++) {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      await page.goto(APP);
      await page.getByText('Use a GGUF model on the CPU').click();
      const form = page.getByRole('form', { name: 'Use a GGUF model on the CPU (URL or a file on this computer)' });
      await form.getByLabel('GGUF URL (for a split model, its first part)').fill(`${HOST}/gguf/bench-${r}/giellm-tiny-char.gguf`);
      await form.getByLabel('Mode', { exact: true }).selectOption('giellm');
      await form.getByRole('button', { name: 'Add' }).click();
      const ready = page.getByTestId('engine-status');
      let t0 = performance.now();
      await page.getByRole('button', { name: /^Download and load/ }).click();
      await ready.getByText('Ready: giellm-tiny-char.gguf').waitFor({ timeout: 60_000 });
      const downloadLoadMs = performance.now() - t0;
      await page.reload();
      t0 = performance.now();
      await page.getByRole('button', { name: 'Load', exact: true }).click();
      await ready.getByText('Ready: giellm-tiny-char.gguf').waitFor({ timeout: 60_000 });
      const cacheLoadMs = performance.now() - t0;

      await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
      await page.getByLabel('Source text').fill(sentences.join('\n'));
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const busy = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
        return (get('ScriptDuration') + get('RecalcStyleDuration') + get('LayoutDuration')) * 1000;
      };
      const before = await busy();
      t0 = performance.now();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      // Polled rarely from here: Playwright's own locator polling runs on the page's main thread every frame.
      await page.waitForFunction((want) => document.querySelector('[data-testid="run-progress"]')?.textContent === want, `${SENTENCES} / ${SENTENCES} sentences`, { polling: 500, timeout: 120_000 });
      const wallMs = performance.now() - t0;
      const appMainThreadMs = (await busy()) - before;
      // llama.cpp's own figures per sentence, as the run details show them.
      const usages = await page.locator('[data-status="done"] details p').allTextContents();
      const nums = usages.map((u) => /(\d+) prompt \+ (\d+) output tokens · prefill ([\d.]+) tok\/s · decode ([\d.]+) tok\/s/.exec(u)).filter((m): m is RegExpExecArray => m !== null);
      const outputTokens = nums.reduce((n, m) => n + Number(m[2]), 0);
      const decodeMs = nums.reduce((n, m) => n + (Number(m[2]) / Number(m[4])) * 1000, 0);
      runs.push({ downloadLoadMs, cacheLoadMs, promptTps: median(nums.map((m) => Number(m[3]))), decodeTps: median(nums.map((m) => Number(m[4]))), outputTokens, decodeMs, appMainThreadMs, wallMs });
      await context.close();
    }
  });
  const m = (k: keyof RunFigures) => median(runs.map((x) => x[k]));
  const appShare = median(runs.map((x) => x.appMainThreadMs / x.decodeMs));
  const perTokenUs = median(runs.map((x) => (x.appMainThreadMs / x.outputTokens) * 1000));
  const decodePerTokenUs = median(runs.map((x) => (x.decodeMs / x.outputTokens) * 1000));
  printTable([
    ['CPU engine (wllama, tiny model, 1 thread)', 'median', 'floor', 'ratio', 'target'],
    ['download + load', `${m('downloadLoadMs').toFixed(0)} ms`, '', '', ''],
    ['load from the cache', `${m('cacheLoadMs').toFixed(0)} ms`, '', '', ''],
    ['prompt (prefill)', `${m('promptTps').toFixed(0)} tok/s`, '', '', ''],
    ['decode', `${m('decodeTps').toFixed(0)} tok/s`, '', '', ''],
    [`app per streamed token (${SENTENCES} sentences)`, `${perTokenUs.toFixed(0)} µs`, `${decodePerTokenUs.toFixed(0)} µs decode`, `${(appShare * 100).toFixed(1)}%`, '< 5%'],
    ['sentences per hour (this run)', `${Math.round((SENTENCES / m('wallMs')) * 3_600_000)}`, '', '', ''],
  ]);
  await writeResults('cpu', {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model },
    engine: 'wllama 3.13.0 (llama.cpp in WebAssembly), single thread (the page is not cross-origin isolated)',
    model: 'giellm-tiny-char.gguf (2.31 M parameters, f16)',
    sentences: SENTENCES,
    runs,
    medians: { downloadLoadMs: m('downloadLoadMs'), cacheLoadMs: m('cacheLoadMs'), promptTps: m('promptTps'), decodeTps: m('decodeTps'), appPerTokenUs: perTokenUs, decodePerTokenUs, appShareOfDecode: appShare, sentencesPerHour: (SENTENCES / m('wallMs')) * 3_600_000 },
    targets: { appShareOfDecode: 0.05 },
  });
}

await main();
