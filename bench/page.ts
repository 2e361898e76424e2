import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { APP, withBrowser, writeResults } from './browser.ts';
import { median, printTable } from './stats.ts';

// The page itself, on the production build in Chromium: time from navigation to an interactive workspace
// (the source text box editable, measured in the page from navigation start), with an empty cache and then
// warm (HTTP cache and service worker); beside it the floor of navigating to a static file on the same
// server in the same run. Also the entry chunk's gzip size and what script the page loads before a model is
// chosen: no engine code (web-llm, wllama) may be among it.
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ENGINE_CODE = /worker-|wllama|webLlmBackend/;

/** Milliseconds from navigation start until the workspace's text box takes input. */
const interactiveMs = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((ok) => {
        const check = () => {
          const box = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Source text"], textarea#source, [data-testid="source"] textarea');
          const byLabel = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith('Source text'))?.control as HTMLTextAreaElement | null | undefined;
          const el = box ?? byLabel;
          if (el && !el.disabled && el.getBoundingClientRect().height > 0) ok(performance.now());
          else requestAnimationFrame(check);
        };
        check();
      }),
  );

const results = await withBrowser([], async (browser) => {
  const cold: number[] = [];
  const warm: number[] = [];
  const floor: number[] = [];
  let scripts: string[] = [];
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const loaded: string[] = [];
    page.on('request', (q) => q.resourceType() === 'script' && loaded.push(new URL(q.url()).pathname));
    await page.goto(APP);
    cold.push(await interactiveMs(page));
    scripts = [...new Set(loaded)];
    // Warm: the service worker has installed and the HTTP cache holds the chunks.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null || !('serviceWorker' in navigator), undefined, { timeout: 10_000 }).catch(() => undefined);
    await page.reload();
    warm.push(await interactiveMs(page));
    await page.goto(`${APP}icon.svg`);
    floor.push(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd));
    await context.close();
  }
  return { cold, warm, floor, scripts };
});

const html = readFileSync(resolve('dist', 'index.html'), 'utf8');
const entry = /<script type="module" crossorigin src="\.?\/?([^"]+)"/.exec(html)?.[1];
const entryGzipKB = entry ? gzipSync(readFileSync(resolve('dist', entry))).length / 1024 : null;
const engineScripts = results.scripts.filter((s) => ENGINE_CODE.test(s));
const m = { cold: median(results.cold), warm: median(results.warm), floor: median(results.floor) };
printTable([
  ['page (production build, Chromium)', 'median', 'floor, same run', 'ratio', 'target'],
  ['navigation → interactive workspace, cold cache', `${m.cold.toFixed(0)} ms`, `${m.floor.toFixed(0)} ms (a static file)`, `${(m.cold / m.floor).toFixed(1)}×`, ''],
  ['navigation → interactive workspace, warm (service worker)', `${m.warm.toFixed(0)} ms`, `${m.floor.toFixed(0)} ms`, `${(m.warm / m.floor).toFixed(1)}×`, ''],
  ['entry chunk', entryGzipKB === null ? '?' : `${entryGzipKB.toFixed(1)} KB gzip`, '', '', '≤ 190 KB'],
  ['engine code loaded before a model is chosen', engineScripts.length ? engineScripts.join(', ') : 'none', '', '', 'none'],
]);
await writeResults('page', { runs: RUNS, medians: m, raw: results, entry, entryGzipKB, scriptsBeforeModel: results.scripts, engineScripts });
