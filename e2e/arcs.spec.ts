import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { importFile, selectText } from './support/corpus.ts';

// Real TCREE records (shared/data/tcree-sample.jsonl), in the authors' dataset JSONL.
const RE_TEXT = 'スノーボード男子ハーフパイプの国母和宏(東海大)が、バンクーバーへの移動中に空港で服装の乱れを指摘されたことから、その謝罪会見や開会式出席の自粛等に発展した問題は現在も賛否が分かれている。';
const RE = { text: RE_TEXT, iw: '関係抽出', category: 'スポーツ', output: '<スポーツ>関係抽出:国母和宏;所属;東海大:' };
const EE_TEXT = '27日に生放送された日本テレビ「バンクーバー2010」には、女子フィギュアスケートで銀メダルを獲得した浅田真央が出演した。';
const EE = { text: EE_TEXT, iw: 'イベント抽出', category: 'スポーツ', output: '<スポーツ>イベント抽出:浅田真央;出演;日本テレビ;27日:' };

async function openDoc(page: Page, record: object, name: RegExp) {
  await page.goto('/');
  await importFile(page, 'tcree.jsonl', Buffer.from(`${JSON.stringify(record)}\n`));
  await expect(page.getByTestId('import-result')).toHaveText('1 document imported');
  await page.getByTestId('documents').getByRole('button', { name }).click();
  return page.getByTestId('annotator');
}

const arcs = (page: Page) => page.getByTestId('annotated-text').getByTestId('arcs');
const arcLabel = (page: Page, label: string) => arcs(page).locator(`[data-arc-label="${label}"]`);
const piece = (page: Page, start: number) => page.getByTestId('annotated-text').locator(`[data-start="${start}"]`);
const relationRows = (page: Page) => page.getByTestId('relations-editor').locator('tbody tr');
const cell = (page: Page, row: number, field: string) => page.getByTestId('relations-editor').getByLabel(`${field} of row ${row}`, { exact: true });

test('a relation is an arc over the text: from its head to its tail, labelled, above the line it sits on', async ({ page }) => {
  await openDoc(page, RE, /スノーボード男子/);
  await expect(arcs(page)).toHaveAttribute('data-arcs', '1');
  const label = arcLabel(page, '所属');
  await expect(label).toBeVisible();
  // The label sits above the text, between the head (国母和宏, 15) and the tail (東海大, 20), and clears the line.
  const [box, head, tail] = [await label.boundingBox(), await piece(page, 15).boundingBox(), await piece(page, 20).boundingBox()];
  expect(box!.y + box!.height).toBeLessThanOrEqual(head!.y + 1);
  expect(box!.x + box!.width / 2).toBeGreaterThan(head!.x);
  expect(box!.x + box!.width / 2).toBeLessThan(tail!.x + tail!.width);
  // The row makes room for the arcs above it: the label lies inside the text's box, not over what is above it.
  const text = (await page.getByTestId('annotated-text').boundingBox())!;
  expect(box!.y).toBeGreaterThanOrEqual(text.y);
});

test('a paragraph with many arcs: no label covers another or any text, on every row', async ({ page }) => {
  // The RE record with four more relations between its own words, over two rows.
  const output = '<スポーツ>関係抽出:国母和宏;所属;東海大:国母和宏;職業;スノーボード:国母和宏;所属;バンクーバー:東海大;監督;空港:謝罪会見;職業;開会式:';
  await openDoc(page, { ...RE, output }, /スノーボード男子/);
  await expect(arcs(page)).toHaveAttribute('data-arcs', '5');
  // At several widths, so the rows wrap at different places and arcs cross rows at different points.
  for (const width of [1280, 1600, 900, 640]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(arcs(page)).toHaveAttribute('width', String((await page.getByTestId('annotated-text').evaluate((e) => e.getBoundingClientRect().width))));
    const boxes = await page.getByTestId('annotated-text').evaluate((root) => {
      const rect = (r: DOMRect) => ({ x: r.left, y: r.top, w: r.width, h: r.height });
      const labels = [...root.querySelectorAll('[data-arc-label] rect')].map((r) => rect(r.getBoundingClientRect()));
      // The text's own boxes, without the bars under it (a mark's bottom padding).
      const text = [...root.querySelectorAll<HTMLElement>('[data-start]')].flatMap((p) => [...p.getClientRects()].map((r) => ({ ...rect(r), h: r.height - Number(p.dataset.pad ?? 0) })));
      const rows = new Set(text.map((t) => Math.round(t.y))).size;
      return { labels, text, rows };
    });
    expect(boxes.rows).toBeGreaterThan(1);
    expect(boxes.labels.length).toBeGreaterThanOrEqual(5);
    const apart = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x + a.w <= b.x + 0.5 || b.x + b.w <= a.x + 0.5 || a.y + a.h <= b.y + 0.5 || b.y + b.h <= a.y + 0.5;
    for (const l of boxes.labels) {
      for (const t of boxes.text) expect(apart(l, t)).toBe(true);
      for (const m of boxes.labels) if (m !== l) expect(apart(l, m)).toBe(true);
    }
  }
});

test('keyboard: select text, L, move to the target with J/K, a number picks the relation; then relabel, delete, undo', async ({ page }) => {
  await openDoc(page, RE, /スノーボード男子/);
  await selectText(page, 0, 6); // スノーボード
  await page.keyboard.press('l');
  const bar = page.getByTestId('link-bar');
  // The target starts at the next argument after the source (国母和宏), J moves on (東海大), K back.
  await expect(bar).toContainText('Arc from “スノーボード” to “国母和宏”');
  await expect(piece(page, 15)).toHaveAttribute('data-target', 'true');
  await page.keyboard.press('j');
  await expect(bar).toContainText('to “東海大”');
  await page.keyboard.press('k');
  await page.keyboard.press('ArrowRight');
  await expect(bar).toContainText('to “東海大”');
  // 2 is the second relation label, 職業.
  await page.keyboard.press('2');
  await expect(bar).toBeHidden();
  await expect(relationRows(page)).toHaveCount(2);
  await expect(cell(page, 2, 'Head')).toHaveValue('スノーボード');
  await expect(cell(page, 2, 'Relation')).toHaveValue('職業');
  await expect(cell(page, 2, 'Tail')).toHaveValue('東海大');
  await expect(arcs(page)).toHaveAttribute('data-arcs', '2');
  // The new arc is selected: its row is lit, a number relabels it, Delete removes it, undo brings it back.
  const arcBar = page.getByTestId('arc-bar');
  await expect(arcBar).toContainText('“スノーボード” → “東海大”: 職業');
  await expect(relationRows(page).nth(1)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('3');
  await expect(cell(page, 2, 'Relation')).toHaveValue('監督');
  await expect(arcLabel(page, '監督')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(relationRows(page)).toHaveCount(1);
  await expect(arcs(page)).toHaveAttribute('data-arcs', '1');
  await page.keyboard.press('Control+z');
  await expect(relationRows(page)).toHaveCount(2);
  await expect(cell(page, 2, 'Relation')).toHaveValue('監督');
  // Escape leaves the arc being drawn.
  await selectText(page, 0, 6);
  await page.keyboard.press('l');
  await expect(bar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  await expect(relationRows(page)).toHaveCount(2);
});

test('mouse: a click on an arc label selects it; the ● dragged onto another argument draws an arc', async ({ page }) => {
  await openDoc(page, RE, /スノーボード男子/);
  await arcLabel(page, '所属').click();
  await expect(page.getByTestId('arc-bar')).toContainText('“国母和宏” → “東海大”: 所属');
  await page.getByTestId('arc-bar').getByRole('button', { name: /Delete the arc/ }).click();
  await expect(relationRows(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(relationRows(page)).toHaveCount(1);

  // Click the tail, then drag its ● onto the head: an arc the other way, given its relation by a button.
  await piece(page, 20).click();
  const knob = page.getByTestId('link-knob');
  await expect(knob).toBeVisible();
  const from = (await knob.boundingBox())!;
  const to = (await piece(page, 15).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
  await expect(page.getByTestId('link-preview')).toBeVisible();
  await page.mouse.up();
  const bar = page.getByTestId('link-bar');
  await expect(bar).toContainText('Arc from “東海大” to “国母和宏”');
  await bar.getByRole('button', { name: /^監督/ }).click();
  await expect(relationRows(page)).toHaveCount(2);
  await expect(cell(page, 2, 'Head')).toHaveValue('東海大');
  await expect(cell(page, 2, 'Tail')).toHaveValue('国母和宏');
});

test('an event is its trigger with an arc to each argument, by role; a number gives an argument another role', async ({ page }) => {
  await openDoc(page, EE, /27日に生放送/);
  await expect(arcs(page)).toHaveAttribute('data-arcs', '3');
  for (const role of ['Subject', 'Object', 'Time']) await expect(arcLabel(page, role).first()).toBeVisible();
  // The trigger (出演) wraps to the second row: each arc is two labelled halves, and no label covers another.
  await expect(arcs(page).locator('[data-arc-label]')).toHaveCount(6);
  const boxes = await Promise.all((await arcs(page).locator('[data-arc-label]').all()).map(async (l) => (await l.boundingBox())!));
  for (const a of boxes) for (const b of boxes) if (a !== b) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
  await arcLabel(page, 'Object').first().click();
  // 1 is the first role: the object (日本テレビ) becomes the subject, and the subject takes the object's place.
  await page.keyboard.press('1');
  const events = page.getByTestId('events-editor');
  await expect(events.getByLabel('Subject of row 1', { exact: true })).toHaveValue('日本テレビ');
  await expect(events.getByLabel('Object of row 1', { exact: true })).toHaveValue('浅田真央');
  await page.keyboard.press('Delete');
  await expect(events.getByLabel('Subject of row 1', { exact: true })).toHaveValue('');
  await expect(arcs(page)).toHaveAttribute('data-arcs', '2');
});

test('no key fires while an IME composes; at 360 px the arcs give way to the table; axe is clean in light and dark', async ({ page }) => {
  await openDoc(page, RE, /スノーボード男子/);
  await selectText(page, 0, 6);
  await page.getByTestId('annotated-text').dispatchEvent('keydown', { key: 'l', isComposing: true, bubbles: true });
  await expect(page.getByTestId('link-bar')).toBeHidden();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await arcLabel(page, '所属').click();
    const axe = await new AxeBuilder({ page }).include('[data-testid="annotator"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  }
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(arcs(page)).toHaveCount(0);
  await expect(page.getByTestId('arcs-off')).toBeVisible();
  await expect(relationRows(page)).toHaveCount(1);
  // The page does not widen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const axe = await new AxeBuilder({ page }).include('[data-testid="annotator"]').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});
