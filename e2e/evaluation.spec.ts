import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { sharedPath } from '../src/testing/sharedData.ts';
import { PERTURBED_EXPECTED, PERTURBED_OUTPUTS } from '../src/testing/perturbedTcree.ts';
import { downloadFrom, importFile } from './support/corpus.ts';

const tcree = readFileSync(sharedPath('tcree-sample.jsonl'), 'utf8').trim();
const perturbed = tcree
  .split('\n')
  .map((l, i) => JSON.stringify({ ...(JSON.parse(l) as object), output: PERTURBED_OUTPUTS[i] }))
  .join('\n');

/** Answers the duplicates question of a predictions file: keep both, the gold and its predictions. */
async function keepBoth(page: Page, name: string, count?: number) {
  await expect(page.getByTestId('duplicates')).toContainText(count === undefined ? `of ${name} are already in the corpus` : `${count} documents of ${name} are already in the corpus`);
  await page.getByRole('button', { name: 'Keep both' }).click();
}

/** Opens the evaluation panel, picks the gold and prediction files, and evaluates. */
async function evaluateFiles(page: Page, gold: string, pred: string) {
  await page.getByText('Evaluation', { exact: true }).click();
  const evaluation = page.getByTestId('evaluation');
  await evaluation.getByRole('combobox', { name: 'Gold' }).selectOption(gold);
  await evaluation.getByRole('combobox', { name: 'Predictions' }).selectOption(pred);
  await evaluation.getByRole('button', { name: 'Evaluate' }).click();
  return evaluation;
}

test('evaluating tcree-sample against a perturbed copy gives the hand-computed scores, diffs, chart and reports', async ({ page }) => {
  await page.goto('/');
  await importFile(page, 'tcree-sample.jsonl', Buffer.from(tcree));
  await importFile(page, 'perturbed.jsonl', Buffer.from(perturbed));
  // Predictions repeat the gold's texts: the import asks, and both are kept to be paired.
  await keepBoth(page, 'perturbed.jsonl', 6);
  await expect(page.getByTestId('documents').locator('li')).toHaveCount(12);

  const evaluation = await evaluateFiles(page, 'tcree-sample.jsonl', 'perturbed.jsonl');
  await expect(evaluation.getByTestId('evaluation-summary')).toHaveText('6 documents scored.');
  // The category's agreement beyond chance, per task, as for two annotators.
  await expect(evaluation.getByTestId('evaluation-kappa').locator('li')).toHaveText([/^re: Cohen’s κ of the category.*: (-?\d\.\d{3}|undefined.*)$/, /^ee: Cohen’s κ of the category.*: (-?\d\.\d{3}|undefined.*)$/]);

  for (const [task, expected] of Object.entries(PERTURBED_EXPECTED)) {
    const row = evaluation.locator(`tr[data-task="${task}"]`);
    await expect(row.locator('td').first()).toHaveText(String(expected.n));
    for (const metric of ['tl', 'wl', 'all', 'allStrict', 'f1'] as const) {
      await expect(row.locator(`[data-metric="${metric}"]`), `${task} ${metric}`).toHaveText(new RegExp(`^${expected[metric].toFixed(2)} \\[`));
    }
  }
  await expect(evaluation.locator('tr[data-task="re"] td').last()).toHaveText('TCREE GIELLM-13B-JP: 97.49 / 78.51 / 77.41');
  // Both ALLs are there, named and explained.
  await expect(evaluation.getByTestId('evaluation-table').locator('th')).toContainText(['ALL (paper)', 'ALL (strict)']);
  await expect(evaluation.getByTestId('evaluation-all-explained')).toContainText('ALL (strict): also no extra or unreadable predicted items.');
  // The chart has this evaluation's bars beside the paper's, for TL, WL and ALL of both tasks.
  const chart = evaluation.getByTestId('score-chart');
  await expect(chart.locator('rect[data-series="This evaluation"]')).toHaveCount(6);
  await expect(chart.locator('rect[data-series="GIELLM-13B-JP"]').first()).toHaveAttribute('data-value', '97.49');

  await evaluation.screenshot({ path: 'test-results/screenshots/evaluation.png' });
  // Per label: 監督 was predicted twice (once right, once with the wrong tail) and is gold twice.
  await evaluation.getByTestId('label-scores').getByText('Per label (word level)').click();
  await expect(evaluation.locator('table[data-task="re"] tr[data-label="監督"] td')).toHaveText(['2', '2', '1', '50.00', '50.00', '50.00']);
  const diffs = evaluation.getByTestId('evaluation-diffs');
  await expect(diffs.locator('> li')).toHaveCount(4);
  await expect(diffs.locator('[data-kind="wrong-label"]')).toHaveText(['≠ 浅田真央;出演;日本テレビ;27日 → 浅田真央;対戦;日本テレビ;27日']);
  await expect(diffs.locator('[data-kind="missing"]')).toHaveText(['− 黒澤明;監督;どん底']);
  await expect(diffs.locator('[data-kind="extra"]')).toHaveText(['+ 山村浩二;所属;マイブリッジの糸', '+ 黒澤明;監督;どん底の中']);

  // A differing document opens in the editor, to correct the gold or look closer.
  await diffs.getByRole('button', { name: 'Open tcree-sample.jsonl:6 in the editor' }).click();
  await expect(page.getByTestId('annotator').getByRole('heading')).toHaveText('Document 4 of 4');
  await expect(page.getByTestId('annotator').getByLabel('Tail of row 1', { exact: true })).toHaveValue('どん底');

  const md = await downloadFrom(page, () => evaluation.getByRole('button', { name: 'Markdown', exact: true }).click());
  expect(md.name).toBe('evaluation.md');
  expect(md.content).toMatch(/\| ee \| 3 \| 66\.67 \[[\d.]+–[\d.]+\] \| 66\.67 \[/);
  expect(md.content).toContain('| TCREE | GIELLM-13B-JP | 97.49 | 78.51 | 77.41 |');
  const csv = await downloadFrom(page, () => evaluation.getByRole('button', { name: 'CSV', exact: true }).click());
  expect(csv.content.split('\n').find((l) => l.startsWith('overall,6,ALL (paper),'))).toMatch(/^overall,6,ALL \(paper\),50\.00,/);
  expect(csv.content.split('\n').find((l) => l.startsWith('overall,6,ALL (strict),'))).toMatch(/^overall,6,ALL \(strict\),33\.33,/);
  const json = JSON.parse((await downloadFrom(page, () => evaluation.getByRole('button', { name: 'JSON', exact: true }).click())).content) as {
    overall: { scores: { f1: number } };
    documents: unknown[];
    documentCount: number;
  };
  expect(json.overall.scores.f1.toFixed(2)).toBe('61.54');
  // The report keeps the four documents that differ, and says how many were scored.
  expect(json.documents).toHaveLength(4);
  expect(json.documentCount).toBe(6);
});

test('an unreadable gold document is not scored and is named; an unreadable predicted piece counts as a wrong prediction', async ({ page }) => {
  const rec = (id: string, output: string) => JSON.stringify({ id, text: '山田太郎(東西大)が出場した。', task: 're', output });
  const gold = [rec('1', '<スポーツ>関係抽出:山田太郎;所属:'), rec('2', '<スポーツ>関係抽出:山田太郎;所属;東西大:')].join('\n');
  const pred = [rec('1', '<スポーツ>関係抽出:山田太郎;所属;東西大:'), rec('2', '<スポーツ>関係抽出:山田太郎;所属;東西大:ゴミ;ゴミ:')].join('\n');
  await page.goto('/');
  await importFile(page, 'gold.jsonl', Buffer.from(gold));
  await importFile(page, 'pred.jsonl', Buffer.from(pred));
  await keepBoth(page, 'pred.jsonl');
  const evaluation = await evaluateFiles(page, 'gold.jsonl', 'pred.jsonl');
  await expect(evaluation.getByTestId('evaluation-summary')).toHaveText('1 documents scored. 1 gold documents could not be read whole and were not scored:');
  await expect(evaluation.getByTestId('evaluation-unscorable')).toHaveText('1: 1 piece of the gold output could not be read: could not read "山田太郎;所属" as Head;Relation;Tail (2 parts)');
  const row = evaluation.locator('tr[data-task="re"]');
  await expect(row.locator('[data-metric="all"]')).toHaveText(/^100\.00/);
  await expect(row.locator('[data-metric="allStrict"]')).toHaveText(/^0\.00/);
  await expect(evaluation.getByTestId('evaluation-flags')).toHaveText('re: 0 predictions cut at the token limit, 1 unreadable predicted pieces (scored as wrong predictions).');
  await expect(evaluation.getByTestId('evaluation-diffs').locator('[data-kind="unreadable"]')).toHaveText('1 unreadable predicted pieces (scored as wrong)');
});

for (const width of [1280, 360]) {
  test(`the evaluation panel fits its box at ${width} px, light and dark, with wide tables scrolling inside it`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    await importFile(page, 'tcree-sample.jsonl', Buffer.from(tcree));
    await importFile(page, 'perturbed.jsonl', Buffer.from(perturbed));
    await keepBoth(page, 'perturbed.jsonl', 6);
    const evaluation = await evaluateFiles(page, 'tcree-sample.jsonl', 'perturbed.jsonl');
    await expect(evaluation.getByTestId('evaluation-summary')).toHaveText('6 documents scored.');
    const fills: Record<string, string> = {};
    for (const theme of ['light', 'dark']) {
      await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
      // Nothing sticks out of the panel, except inside a box that scrolls on its own.
      const out = await evaluation.evaluate((box) => {
        const right = box.getBoundingClientRect().right;
        return [...box.querySelectorAll('*')]
          .filter((e) => !e.closest('.overflow-x-auto') && e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > right + 1)
          .map((e) => e.tagName);
      });
      expect(out).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // "This evaluation" has a dark shade on light and a light one on dark, so it stands out from either page.
      fills[theme] = await evaluation.locator('rect[data-series]').first().evaluate((r) => getComputedStyle(r).fill);
      // Chromium gives the colour in CIE Lab: its first number is the lightness, 0–100.
      const lightness = Number(/\(([\d.]+)/.exec(fills[theme])![1]);
      expect(lightness, fills[theme]).toBeGreaterThan(theme === 'dark' ? 55 : 0);
      expect(lightness, fills[theme]).toBeLessThan(theme === 'dark' ? 100 : 45);
      await evaluation.screenshot({ path: `test-results/screenshots/evaluation-${width}-${theme}.png` });
    }
  });
}

test('adjudication: the gold opened with the other side’s items as its suggestions, taken or left one by one, recording who decided', async ({ page }) => {
  await page.goto('/');
  await importFile(page, 'tcree-sample.jsonl', Buffer.from(tcree));
  await importFile(page, 'perturbed.jsonl', Buffer.from(perturbed));
  await keepBoth(page, 'perturbed.jsonl', 6);
  const evaluation = await evaluateFiles(page, 'tcree-sample.jsonl', 'perturbed.jsonl');
  // The differing documents are rows 1, 3, 5 and 6 (see perturbedTcree.ts); row 5's prediction has an extra triple.
  // Side by side first: what both have, and the triple only the other side has.
  await evaluation.getByRole('button', { name: /^Show .* side by side/ }).nth(2).click();
  const table = evaluation.getByTestId('side-by-side');
  await expect(table.locator('thead th')).toHaveText(['Gold (tcree-sample.jsonl)', 'Other (perturbed.jsonl)']);
  await expect(table.locator('tr[data-kind="same"]').last().locator('td')).toHaveText(['山村浩二;監督;マイブリッジの糸', '山村浩二;監督;マイブリッジの糸']);
  await expect(table.locator('tr[data-kind="extra"] td')).toHaveText(['—', '山村浩二;所属;マイブリッジの糸']);
  await evaluation.getByRole('button', { name: /^Adjudicate / }).nth(2).click();
  const suggestions = page.getByTestId('suggestions');
  await expect(suggestions).toContainText('1 suggestion of perturbed.jsonl');
  await expect(page.getByTestId('annotated-text').getByTestId('arcs').locator('g[data-suggested] [data-arc-label="所属"]')).toBeVisible();
  await page.getByTestId('annotator-name').fill('佐藤');
  // Taking every item of the other side: each is now the gold's, accepted by the adjudicator.
  await page.getByTestId('annotated-text').focus();
  await page.keyboard.press('Shift+Y');
  await expect(suggestions).toBeHidden();
  await expect(page.getByTestId('annotator').getByTestId('provenance').filter({ hasText: 'perturbed.jsonl, accepted by 佐藤' }).first()).toBeVisible();
  // One undo takes the decision back, the suggestions with it.
  await page.keyboard.press('Control+z');
  await expect(suggestions).toBeVisible();
});

test('agreement of two NER annotations: Cohen’s κ of the spans character by character beside the category’s', async ({ page }) => {
  await page.goto('/');
  const text = 'NTTドコモは東京で発表した。';
  const a = JSON.stringify({ id: 'd1', text, task: 'ner', output: '<技術>固有表現抽出:法人名;NTTドコモ:地名;東京' });
  const b = JSON.stringify({ id: 'd1', text, task: 'ner', output: '<技術>固有表現抽出:法人名;NTTドコモ:人名;東京' });
  await importFile(page, 'annotator-a.jsonl', Buffer.from(`${a}\n`));
  await importFile(page, 'annotator-b.jsonl', Buffer.from(`${b}\n`));
  await keepBoth(page, 'annotator-b.jsonl', 1);
  const evaluation = await evaluateFiles(page, 'annotator-a.jsonl', 'annotator-b.jsonl');
  // 6 characters agree on 法人名, 2 differ (地名 / 人名), 7 agree on no span: κ = 110/140.
  await expect(evaluation.getByTestId('evaluation-span-kappa')).toHaveText('ner: Cohen’s κ of the spans, character by character: 0.786');
  await expect(evaluation.getByTestId('evaluation-kappa').locator('li').first()).toHaveText(/^ner: Cohen’s κ of the category.*: undefined/);
});
