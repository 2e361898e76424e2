import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { downloadFrom, importFile } from './support/corpus.ts';
import { labelStudioEditor, loadTask, type Task } from './support/labelStudioFrontend.ts';

// A model's pre-annotations, as Label Studio holds them (task.predictions with a model_version): in the
// editor they are suggestions, drawn apart, accepted or rejected one by one (Y, X) or all at once.
const TEXT = 'NTTドコモは東京と名古屋で発表した。';
const region = (id: string, start: number, end: number, label: string) => ({ id, from_name: 'label', to_name: 'text', type: 'labels', value: { start, end, text: [...TEXT].slice(start, end).join(''), labels: [label] } });
const TASK = { id: 1, data: { text: TEXT }, predictions: [{ model_version: 'giellm-7b', result: [region('a', 0, 6, '法人名'), region('b', 7, 9, '地名'), region('c', 10, 13, '地名')] }] };

async function openPredicted(page: Page) {
  await page.goto('/');
  await importFile(page, 'ls.json', Buffer.from(JSON.stringify([TASK])));
  const choice = page.getByTestId('task-choice');
  // One import question at most: Label Studio files say no task; these are entities.
  if (await choice.isVisible().catch(() => false)) {
    await choice.getByRole('combobox').selectOption('ner');
    await choice.getByRole('button', { name: 'Import as this task' }).click();
  }
  await expect(page.getByTestId('import-result')).toHaveText('1 document imported');
  await page.getByTestId('documents').getByRole('button', { name: /NTTドコモ/ }).click();
  await page.getByTestId('annotator-name').fill('山田');
  return page.getByTestId('annotator');
}

const rows = (page: Page) => page.getByTestId('span-list').locator('tbody tr');
const mark = (page: Page, start: number) => page.getByTestId('annotated-text').locator(`mark[data-start="${start}"]`);

test('a model’s items are suggestions: drawn dashed, tagged with the model, accepted with Y, rejected with X, undone', async ({ page }) => {
  await openPredicted(page);
  await expect(page.getByTestId('suggestions')).toContainText('3 suggestions of giellm-7b');
  await expect(rows(page).locator('[data-testid="suggestion-tag"]')).toHaveCount(3);
  await expect(rows(page).first()).toContainText('suggested by giellm-7b');
  // Drawn apart: a dashed bar (a repeating gradient) where a decided span has a solid one.
  await expect(mark(page, 0)).toHaveAttribute('data-suggested', 'true');
  expect(await mark(page, 0).evaluate((m) => getComputedStyle(m).backgroundImage)).toContain('repeating-linear-gradient');

  await mark(page, 0).click();
  await page.keyboard.press('y');
  // Accepted: the model is kept, the person who accepted it added; the next suggestion is selected.
  await expect(rows(page).nth(0)).toContainText('giellm-7b, accepted by 山田');
  await expect(mark(page, 0)).not.toHaveAttribute('data-suggested', 'true');
  await expect(rows(page).nth(1)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('x');
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId('suggestions')).toContainText('1 suggestion of giellm-7b');
  await page.keyboard.press('Control+z');
  await expect(rows(page)).toHaveCount(3);
  // A suggestion a person changes becomes theirs, the model named as where it came from.
  await rows(page).nth(2).getByRole('combobox').selectOption('施設名');
  await expect(rows(page).nth(2)).toContainText('山田, from giellm-7b');
  // The row's ✓ is the same command as Y, on its own row.
  await rows(page).nth(1).getByRole('button', { name: 'Accept 地名:東京' }).click();
  await expect(page.getByTestId('suggestions')).toBeHidden();
  // No key fires while an IME composes.
  await page.keyboard.press('Control+z');
  await mark(page, 7).click();
  await page.getByTestId('annotated-text').dispatchEvent('keydown', { key: 'y', isComposing: true, bubbles: true });
  await expect(page.getByTestId('suggestions')).toContainText('1 suggestion');
  // Shift+Y accepts every suggestion left; the page survives a reload with who did what.
  await page.keyboard.press('Shift+Y');
  await expect(page.getByTestId('suggestions')).toBeHidden();
  await page.reload();
  await page.getByText(/^Corpus \(/).click();
  await page.getByTestId('documents').getByRole('button', { name: /NTTドコモ/ }).click();
  await expect(rows(page).nth(1)).toContainText('giellm-7b, accepted by 山田');
});

test('Shift+X rejects every suggestion; what is left exports to Label Studio, which loads it with each region’s origin', async ({ page, context }) => {
  test.setTimeout(90_000);
  await openPredicted(page);
  await mark(page, 0).click();
  await page.keyboard.press('y');
  // 東京 stays a suggestion; 名古屋 is made the person's own by relabelling.
  await rows(page).nth(2).getByRole('combobox').selectOption('施設名');
  await page.getByRole('combobox', { name: 'Export format' }).selectOption('label-studio');
  const { download } = await downloadFrom(page, () => page.getByRole('button', { name: 'Export', exact: true }).click());
  const zip = unzipSync(readFileSync((await download.path())!));
  const [task] = JSON.parse(strFromU8(zip['label-studio-tasks.json']!)) as Task[];
  const config = strFromU8(zip['label-studio-config.xml']!);
  const labels = (rs: Task['annotations'] & object) => rs[0]!.result.filter((r) => r.type === 'labels').map((r) => [r.value!.text, r.origin]);
  expect(labels(task!.annotations!)).toEqual([
    ['NTTドコモ', 'prediction'],
    ['名古屋', 'prediction-changed'],
  ]);
  expect(task!.predictions!.map((p) => p.model_version)).toEqual(['giellm-7b']);
  // The real editor loads both: the annotation with each region's origin as written, the suggestion as its prediction.
  const loaded = await loadTask(await labelStudioEditor(context), config, task!);
  expect(loaded.serialized.filter((r) => r.type === 'labels').map((r) => [r.value!.text, r.origin])).toEqual(labels(task!.annotations!));
  expect(loaded.predictions.map((p) => p.filter((r) => r.type === 'labels').map((r) => r.value!.text))).toEqual([['東京']]);
  // The export says what Label Studio cannot hold.
  await expect(page.getByTestId('export-losses')).toContainText('Label Studio keeps which items a model suggested');

  await page.keyboard.press('Shift+X');
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId('suggestions')).toBeHidden();
});

test('suggested relations are dashed arcs, accepted from the arc; axe is clean in light and dark', async ({ page }) => {
  const text = '『マイブリッジの糸』(11) 監督:山村浩二';
  const chars = [...text];
  const at = (s: string) => chars.join('').indexOf(s);
  const span = (id: string, s: string) => ({ id, from_name: 'label', to_name: 'text', type: 'labels', value: { start: at(s), end: at(s) + [...s].length, text: s, labels: ['Argument'] } });
  const task = { id: 1, data: { text }, predictions: [{ model_version: 'giellm-7b', result: [span('h', '山村浩二'), span('t', 'マイブリッジの糸'), { from_id: 'h', to_id: 't', type: 'relation', direction: 'right', labels: ['監督'] }] }] };
  await page.goto('/');
  await importFile(page, 'ls.json', Buffer.from(JSON.stringify([task])));
  await expect(page.getByTestId('import-result')).toHaveText('1 document imported');
  await page.getByTestId('documents').getByRole('button', { name: /マイブリッジ/ }).click();
  const arcs = page.getByTestId('annotated-text').getByTestId('arcs');
  await expect(arcs.locator('g[data-suggested]')).toHaveCount(1);
  expect(await arcs.locator('g[data-suggested] path').first().getAttribute('stroke-dasharray')).toBe('5 3');
  await arcs.locator('[data-arc-label="監督"]').click();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).include('[data-testid="annotator"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  }
  await page.keyboard.press('y');
  await expect(arcs.locator('g[data-suggested]')).toHaveCount(0);
  await expect(page.getByTestId('relations-editor').locator('[data-testid="provenance"]')).toHaveText('giellm-7b, accepted by an annotator');
});
