import type { Page } from '@playwright/test';
import { APP, withBrowser, writeResults } from './browser.ts';
import { median, printTable } from './stats.ts';

// The annotation editor on one long document, in Chromium on the production build: opening it, and one
// correction (a span added from selected text with a number key, then undone) timed from the key to the
// laid-out page. The same edit on a document ten times shorter is the floor: an edit whose cost follows the
// sentence it touches costs the same on both (ratio near 1×); one that re-does the whole document costs ~10×.
const SIZES = [500, 5000];
const EDITS = Number(process.env.BENCH_EDITS ?? 7);

const sentence = (i: number) => `第${i}駅は東京にある。`;

function documentOf(n: number): string {
  const text = Array.from({ length: n }, (_, i) => sentence(i)).join('');
  const output = `<社会>固有表現抽出${Array.from({ length: n }, (_, i) => `:施設名;第${i}駅`).join('')}`;
  return `${JSON.stringify({ id: `long-${n}`, text, task: 'ner', output })}\n`;
}

/** One key in the page, timed to the end of the layout it causes (React commits, then style and layout). */
const timedKey = (page: Page, key: string, ctrl = false) =>
  page.evaluate(
    async ([k, c]) => {
      const t0 = performance.now();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k as string, code: k === 'z' ? 'KeyZ' : `Digit${k}`, ctrlKey: c as boolean, bubbles: true, cancelable: true }));
      await new Promise((ok) => setTimeout(ok, 0));
      void document.body.offsetHeight;
      return performance.now() - t0;
    },
    [key, ctrl] as const,
  );

async function measure(page: Page, n: number) {
  await page.goto(APP);
  await page.getByText(/^Corpus \(/).click();
  await page.getByLabel('Import a file').setInputFiles({ name: `long-${n}.jsonl`, mimeType: 'application/json', buffer: Buffer.from(documentOf(n)) });
  await page.getByTestId('import-result').waitFor();
  const marks = page.getByTestId('annotated-text').locator('mark');
  const t0 = performance.now();
  await page.getByTestId('documents').getByRole('button', { name: /第0駅は東京/ }).click();
  await page.waitForFunction((want) => document.querySelectorAll('[data-testid="annotated-text"] mark').length === want, n, { polling: 50, timeout: 120_000 });
  const openMs = performance.now() - t0;
  // 東京 in the middle sentence: its offset in code points.
  const k = Math.floor(n / 2);
  const at = Array.from({ length: k }, (_, i) => sentence(i)).join('').length + `第${k}駅は`.length;
  const adds: number[] = [];
  const undos: number[] = [];
  for (let e = 0; e < EDITS; e++) {
    await page.getByTestId('annotated-text').evaluate(
      (root, [s, end]) => {
        const pointAt = (cp: number): [Node, number] => {
          const piece = [...root.querySelectorAll<HTMLElement>('[data-start]')].filter((p) => Number(p.dataset.start) <= cp).at(-1)!;
          return [piece.firstChild!, cp - Number(piece.dataset.start)];
        };
        const range = document.createRange();
        range.setStart(...pointAt(s!));
        range.setEnd(...pointAt(end!));
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      },
      [at, at + 2],
    );
    await page.locator('[data-selection]').first().waitFor();
    adds.push(await timedKey(page, '2'));
    if ((await marks.count()) <= n) throw new Error(`the edit did not add a span (${await marks.count()} marks)`);
    undos.push(await timedKey(page, 'z', true));
    await page.waitForFunction((want) => document.querySelectorAll('[data-testid="annotated-text"] mark').length === want, n);
  }
  return { n, openMs, addMs: median(adds), undoMs: median(undos), adds, undos };
}

const results = await withBrowser([], async (browser) => {
  const out = [];
  for (const n of SIZES) {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    out.push(await measure(await context.newPage(), n));
    await context.close();
  }
  return out;
});
const [small, large] = results as [Awaited<ReturnType<typeof measure>>, Awaited<ReturnType<typeof measure>>];
printTable([
  ['annotation editor, one long document', `${small.n} sentences`, `${large.n} sentences`, 'ratio', 'target'],
  ['open (spans in the page)', `${small.openMs.toFixed(0)} ms`, `${large.openMs.toFixed(0)} ms`, `${(large.openMs / small.openMs).toFixed(1)}×`, ''],
  ['add a span (key to layout), median', `${small.addMs.toFixed(1)} ms`, `${large.addMs.toFixed(1)} ms`, `${(large.addMs / small.addMs).toFixed(1)}×`, '≈1× (cost of the sentence)'],
  ['undo it, median', `${small.undoMs.toFixed(1)} ms`, `${large.undoMs.toFixed(1)} ms`, `${(large.undoMs / small.undoMs).toFixed(1)}×`, '≈1×'],
]);
await writeResults('editor', { edits: EDITS, results, ratios: { open: large.openMs / small.openMs, add: large.addMs / small.addMs, undo: large.undoMs / small.undoMs } });
