import { APP, MODEL_PORT, withBrowser, writeResults } from './browser.ts';
import { loadStockmark } from '../src/testing/sharedData.ts';
import { median, quantile } from './stats.ts';

// Rendering speed in Chromium, on the production build (run `npm run build` first; `npm run bench` does).
// The e2e model host serves both the built app (under /giellm/) and the bench model.
const SENTENCES = 500;
const SPANS_PER_SENTENCE = 10;


/** 500 real stockmark sentences, each with 10 spans: its gold entities topped up with other pieces of it. */
function article() {
  const sentences = loadStockmark().filter((s) => Array.from(s.text).length >= 24).slice(0, SENTENCES);
  const pairs: string[] = [];
  const outputs: string[] = [];
  for (const s of sentences) {
    const own = s.entities.slice(0, SPANS_PER_SENTENCE).map((e) => `:${e.type};${e.name}`);
    const chars = Array.from(s.text);
    for (let k = 0; own.length < SPANS_PER_SENTENCE; k++) own.push(`:地名;${chars.slice(k * 2, k * 2 + 2).join('')}`);
    pairs.push(...own);
    outputs.push(`<社会>固有表現抽出${own.join('')}`);
  }
  return { text: sentences.map((s) => s.text).join('\n'), output: `<社会>固有表現抽出${pairs.join('')}`, sentences: sentences.map((s) => s.text), outputs };
}


/** Arcs and pieces drawn for 30 sentences with 100 relations between their gold entities. */
const ARC_SENTENCES = 30;
const ARCS = 100;

/**
 * 30 real stockmark sentences and 100 relations between entities of the same sentence (each entity to the
 * next ones), as a relation-extraction output; and the same mentions as entity spans, the floor's output.
 */
function arcArticle() {
  const sentences = loadStockmark().filter((s) => new Set(s.entities.map((e) => e.name)).size >= 3).slice(0, ARC_SENTENCES);
  const relations: string[] = [];
  const spans: string[] = [];
  for (let round = 1; relations.length < ARCS && round < 10; round++)
    for (const s of sentences) {
      const names = [...new Set(s.entities.map((e) => e.name))];
      for (let i = 0; i + round < names.length && relations.length < ARCS && i < 2; i++) relations.push(`:${names[i]};所属;${names[i + round]}`);
    }
  for (const s of sentences) for (const n of new Set(s.entities.map((e) => e.name))) spans.push(`:地名;${n}`);
  return { text: sentences.map((s) => s.text).join(''), re: `<スポーツ>関係抽出${relations.join('')}`, ner: `<社会>固有表現抽出${spans.join('')}`, arcs: relations.length };
}

/** Time from pasting `output` into the workspace until `done()` holds in the page (polled every millisecond). */
async function pasteAndWait(page: import('@playwright/test').Page, output: string, done: string): Promise<number> {
  return page.evaluate(
    async ({ output, done }) => {
      const box = document.querySelector('textarea[aria-label="Model output"]') as HTMLTextAreaElement;
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      const check = new Function(`return (${done})`) as () => boolean;
      const t0 = performance.now();
      setter.call(box, output);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      while (!check() && performance.now() - t0 < 30_000) await new Promise((ok) => setTimeout(ok, 1));
      return performance.now() - t0;
    },
    { output, done },
  );
}

/**
 * The floor of a first render: the same pieces the app put in the page (text, tint and bars: every
 * attribute the app gave them, classes included, and any inline style through the CSSOM, as React sets it
 * — a style attribute set from script is refused by the page's CSP, and each refusal's report once made
 * this floor 10× slower than the work it stands for), built as plain DOM nodes in one pass and appended,
 * as the app's figure (until the spans are in the page, before layout) counts.
 */
async function plainDomFloor(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll<HTMLElement>('[data-testid="highlighted"] > div')].map((line) =>
      [...line.querySelectorAll<HTMLElement>('[data-start]')].map((p) => ({ mark: p.tagName === 'MARK', text: p.textContent ?? '', style: p.style.cssText, attributes: [...p.attributes].filter((a) => a.name !== 'style').map((a) => [a.name, a.value] as const) })),
    );
    const host = document.createElement('div');
    host.className = 'text-lg leading-9 break-words';
    const t0 = performance.now();
    for (const line of lines) {
      const div = document.createElement('div');
      for (const p of line) {
        const el = document.createElement(p.mark ? 'mark' : 'span');
        el.textContent = p.text;
        for (const [name, value] of p.attributes) el.setAttribute(name, value);
        if (p.style) el.style.cssText = p.style;
        div.appendChild(el);
      }
      host.appendChild(div);
    }
    document.body.appendChild(host);
    const ms = performance.now() - t0;
    host.remove();
    return ms;
  });
}

async function main() {
  const a = article();
  const results: Record<string, unknown> = {};
  await withBrowser(['--enable-unsafe-webgpu'], async (browser) => {
    // 1. First render of the pasted 5,000-span output over the 500-sentence text (5 runs, fresh page each).
    const firstRender: { commitMs: number; frameMs: number; floorMs: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ locale: 'en-US' });
      await page.goto(APP);
      await page.getByRole('textbox', { name: 'Source text' }).fill(a.text);
      await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
      const r = await page.evaluate(async ({ output, want }) => {
        const box = document.querySelector('textarea[aria-label="Model output"]') as HTMLTextAreaElement;
        const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
        const count = () => document.querySelectorAll('[data-testid="highlighted"] mark').length;
        const t0 = performance.now();
        setter.call(box, output);
        box.dispatchEvent(new Event('input', { bubbles: true }));
        // The result renders in the background (useDeferredValue): wait until its spans are in the page.
        while (count() < want && performance.now() - t0 < 30_000) await new Promise((ok) => setTimeout(ok, 1));
        const commitMs = performance.now() - t0;
        await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        return { commitMs, frameMs: performance.now() - t0, marks: count() };
      }, { output: a.output, want: Math.floor(SENTENCES * SPANS_PER_SENTENCE * 0.9) });
      if (r.marks < SENTENCES * SPANS_PER_SENTENCE * 0.9) throw new Error(`only ${r.marks} spans rendered`);
      firstRender.push({ ...r, floorMs: await plainDomFloor(page) });
      await page.close();
    }
    results.firstRender = {
      runs: firstRender,
      medianCommitMs: median(firstRender.map((r) => r.commitMs)),
      medianFrameMs: median(firstRender.map((r) => r.frameMs)),
      medianFloorMs: median(firstRender.map((r) => r.floorMs)),
      targetMs: 100,
    };

    // 3. Arcs: 100 relations over 30 sentences, until every arc is drawn; the floor is the same mentions as spans.
    const arcs = arcArticle();
    const arcRuns: { arcsMs: number; spansMs: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ locale: 'en-US' });
      await page.goto(APP);
      await page.getByRole('textbox', { name: 'Source text' }).fill(arcs.text);
      await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
      // Arcs are drawn from the laid-out text, so the floor waits for layout too (reading a box forces it).
      const spansMs = await pasteAndWait(page, arcs.ner, `document.querySelectorAll('[data-testid="highlighted"] mark').length > 0 && document.body.offsetHeight > 0`);
      await page.getByRole('textbox', { name: 'Model output' }).fill('');
      await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('re');
      const arcsMs = await pasteAndWait(page, arcs.re, `document.querySelectorAll('[data-testid="arcs"] [data-arc-label]').length >= ${arcs.arcs}`);
      const drawn = await page.locator('[data-testid="arcs"]').getAttribute('data-arcs');
      if (Number(drawn) !== arcs.arcs) throw new Error(`${drawn} of ${arcs.arcs} arcs drawn`);
      arcRuns.push({ arcsMs, spansMs });
      await page.close();
    }
    results.arcs = { sentences: ARC_SENTENCES, arcs: arcs.arcs, runs: arcRuns, medianMs: median(arcRuns.map((r) => r.arcsMs)), medianFloorMs: median(arcRuns.map((r) => r.spansMs)), targetMs: 50 };

    // 2. Token updates: 499 finished sentences on screen while the 500th streams, through the test seam.
    const page = await browser.newPage({ locale: 'en-US' });
    await page.addInitScript(({ sentences, outs }: { sentences: string[]; outs: string[] }) => {
      const tick = () => new Promise<void>((ok) => { const c = new MessageChannel(); c.port1.onmessage = () => ok(); c.port2.postMessage(0); });
      const w = window as unknown as { __times: number[]; __GIELLM_TEST_BACKEND__: unknown };
      w.__times = [];
      w.__GIELLM_TEST_BACKEND__ = () => ({
        name: 'bench',
        load: async () => undefined,
        async generate(req: { messages: { content: string }[] }, onText: (s: string) => void) {
          const prompt = req.messages[req.messages.length - 1]!.content;
          const i = sentences.findIndex((s) => prompt.startsWith(s));
          const full = i >= 0 ? outs[i]! : '<社会>固有表現抽出';
          // Earlier sentences arrive whole; the last one streams, timed, over all the others on screen.
          if (i !== sentences.length - 1) {
            onText(full);
            return { text: full, finishReason: 'stop', usage: null };
          }
          for (let k = 1; k <= full.length; k++) {
            const t0 = performance.now();
            onText(full.slice(0, k));
            await tick(); // React's scheduled render runs in the task posted before this one
            await tick();
            w.__times.push(performance.now() - t0);
          }
          return { text: full, finishReason: 'stop', usage: null };
        },
        interrupt() {},
        unload: async () => undefined,
        dispose() {},
        onCrash() {},
      });
    }, { sentences: a.sentences, outs: a.outputs });
    await page.goto(APP);
    await page.getByText('Add a custom model').click();
    const form = page.getByRole('form', { name: 'Add a custom model' });
    await form.getByLabel('Id', { exact: true }).fill('bench-q4f32_1');
    // The model preflight is real: the bench model lives on the e2e model host this bench starts.
    await form.getByLabel('Weights URL').fill(`http://127.0.0.1:${MODEL_PORT}/models/tiny-q4f32_1`);
    await form.getByLabel('Model library URL (.wasm)').fill(`http://127.0.0.1:${MODEL_PORT}/libs/not-tvm.wasm`);
    await form.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('button', { name: /Download and load/ }).click();
    await page.getByText('Ready: bench-q4f32_1').waitFor({ timeout: 20_000 });
    await page.getByRole('combobox', { name: 'Task', exact: true }).selectOption('ner');
    await page.getByRole('textbox', { name: 'Source text' }).fill(a.sentences.join('\n'));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => /^(\d+) \/ \1 sentences$/.test(document.querySelector('[data-testid="run-progress"]')?.textContent ?? ''), null, { timeout: 300_000 });
    const onScreen = await page.getByTestId('sentence-runs').locator('> li').count();
    const times = await page.evaluate(() => (window as unknown as { __times: number[] }).__times);
    results.tokenUpdates = { updates: times.length, sentencesOnScreen: onScreen, medianMs: median(times), p95Ms: quantile(times, 0.95), targetMs: 16 };
    await page.close();
  });

  const fr = results.firstRender as { medianCommitMs: number; medianFrameMs: number };
  const tu = results.tokenUpdates as { updates: number; medianMs: number; p95Ms: number; sentencesOnScreen: number };
  const ar = results.arcs as { medianMs: number; medianFloorMs: number; arcs: number };
  console.log('\nrendering in Chromium (production build)');
  const frFloor = (results.firstRender as { medianFloorMs: number }).medianFloorMs;
  console.log(`first render, ${SENTENCES} sentences / ${SENTENCES * SPANS_PER_SENTENCE} spans: median ${fr.medianCommitMs.toFixed(0)} ms until the spans are in the page, ${fr.medianFrameMs.toFixed(0)} ms to the next frame; plain-DOM floor ${frFloor.toFixed(0)} ms (${(fr.medianCommitMs / frFloor).toFixed(1)}×; target < 100 ms, ≤ 3×)`);
  console.log(`arcs, ${ARC_SENTENCES} sentences / ${ar.arcs} relations: median ${ar.medianMs.toFixed(0)} ms until every arc is drawn; the same mentions as spans ${ar.medianFloorMs.toFixed(0)} ms (${(ar.medianMs / ar.medianFloorMs).toFixed(1)}×; target < 50 ms)`);
  console.log(`streamed token update with ${tu.sentencesOnScreen} sentences on screen: median ${tu.medianMs.toFixed(1)} ms, p95 ${tu.p95Ms.toFixed(1)} ms over ${tu.updates} updates (target < 16 ms)`);
  await writeResults('render', results);
}

await main();
