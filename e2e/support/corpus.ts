import { readFileSync } from 'node:fs';
import type { BrowserContext, Download, Page } from '@playwright/test';

/** Opens the corpus panel (once) and imports a file through its file input, as a user would. */
export async function importFile(page: Page, name: string, buffer: Buffer, mimeType = 'application/json') {
  const corpus = page.getByTestId('corpus');
  if (!(await corpus.evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByText(/^Corpus \(/).click();
  await page.getByLabel('Import a file').setInputFiles({ name, mimeType, buffer });
}

/** Clicks a button that downloads, and returns the file's name and text. */
export async function downloadFrom(page: Page, click: () => Promise<void>): Promise<{ name: string; content: string; download: Download }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), content: readFileSync((await download.path())!, 'utf8'), download };
}

/** Selects `[start, end)` code points of the annotator's text, as a mouse drag would, and lets the app read it. */
export async function selectText(page: Page, start: number, end: number) {
  await page.getByTestId('annotated-text').evaluate(
    (root, [s, e]) => {
      const at = (cp: number): [Node, number] => {
        const pieces = [...root.querySelectorAll<HTMLElement>('[data-start]')];
        const piece = pieces.filter((p) => Number(p.dataset.start) <= cp).at(-1)!;
        const node = piece.firstChild as Text;
        const chars = Array.from(node.data).slice(0, cp - Number(piece.dataset.start));
        return [node, chars.join('').length];
      };
      const range = document.createRange();
      range.setStart(...at(s!));
      range.setEnd(...at(e!));
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    [start, end],
  );
}

/** The page position just inside the right edge of code point `cp` of the annotator's text. */
export async function pointAfter(page: Page, cp: number): Promise<{ x: number; y: number }> {
  return page.getByTestId('annotated-text').evaluate((root, at) => {
    const piece = [...root.querySelectorAll<HTMLElement>('[data-start]')].filter((p) => Number(p.dataset.start) <= at).at(-1)!;
    const node = piece.firstChild as Text;
    const before = Array.from(node.data).slice(0, at - Number(piece.dataset.start)).join('').length;
    const range = document.createRange();
    range.setStart(node, before);
    range.setEnd(node, before + Array.from(node.data.slice(before))[0]!.length);
    const r = range.getBoundingClientRect();
    return { x: r.right - 2, y: r.top + r.height / 2 };
  }, cp);
}

/** Opens the app in `count` tabs of one browser context (one origin, one IndexedDB, one BroadcastChannel), as a user with two tabs open. */
export async function openTabs(context: BrowserContext, count: number, path = '/'): Promise<Page[]> {
  const pages: Page[] = [];
  for (let i = 0; i < count; i++) {
    const p = await context.newPage();
    await p.goto(path);
    pages.push(p);
  }
  return pages;
}

/** Opens the corpus panel of a tab if it is closed. */
export async function openCorpus(page: Page) {
  const corpus = page.getByTestId('corpus');
  if (!(await corpus.evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByText(/^Corpus \(/).click();
}

/**
 * Writes `values` into the app's localStorage before any of its scripts run on the next navigation, as
 * another version of the app, a hand edit or a broken extension could have left them (strings verbatim).
 */
export async function corruptStorage(page: Page, values: Record<string, string>) {
  await page.addInitScript((v: Record<string, string>) => {
    if (sessionStorage.getItem('__corrupted')) return; // once: a reload after it sees what the app wrote back
    sessionStorage.setItem('__corrupted', '1');
    for (const [k, value] of Object.entries(v)) localStorage.setItem(k, value);
  }, values);
}
