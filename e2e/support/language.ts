import type { Page } from '@playwright/test';

/**
 * The English sentences a page shows: runs of three or more Latin words in visible text, outside what is
 * data or code (form fields, `<code>`, `<kbd>`, `<pre>`, and elements marked `translate="no"`, such as
 * model ids and file names). A Japanese UI should show none in the flows the e2e suite covers.
 */
export async function englishOnPage(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const skip = 'code, kbd, pre, script, style, textarea, input, select, option, [translate="no"], [aria-hidden="true"], .sr-only';
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    // Three words in a row with spaces between: a sentence; a comma-separated list of ids (ner, re, ee) is not.
    const words = /[A-Za-z][A-Za-z’'-]+(?: +(?:[A-Za-z][A-Za-z’'-]*|\d+)){2,}/g;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip)) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || el.closest('details:not([open]) > :not(summary)')) continue;
      for (const m of (n as Text).data.matchAll(words)) found.push(m[0]);
    }
    // Attributes people read: titles, labels and placeholders.
    for (const el of document.querySelectorAll<HTMLElement>('[title], [aria-label], [placeholder]')) {
      if (el.closest('[translate="no"]')) continue;
      for (const a of ['title', 'aria-label', 'placeholder']) for (const m of (el.getAttribute(a) ?? '').matchAll(words)) found.push(`${a}: ${m[0]}`);
    }
    return [...new Set(found)];
  });
  return found.filter((s) => !NAMES.some((name) => name.test(s)));
}

/** Proper names, not sentences: formats, corpora, licences and citations keep their own spelling. */
const NAMES = [/^Label Studio( JSON)?$/, /^stockmark ner-wikipedia JSON$/, /^Livedoor News Corpus$/, /^CC BY(-NC)?(-SA)? \d$/, /^Gan et al$/];
