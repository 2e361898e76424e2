import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sharedPath } from '../src/testing/sharedData.ts';
import { downloadFrom, importFile, pointAfter, selectText } from './support/corpus.ts';

const tcree = readFileSync(sharedPath('tcree-sample.jsonl'), 'utf8').trim();
const NER_TEXT = '国母和宏は東海大の学生だ。';
const ner = JSON.stringify({ id: 'n1', text: NER_TEXT, task: 'ner', output: '<社会>固有表現抽出:人名;国母和宏' });

test('import outputs → correct spans, tuples and category with undo/redo → reload keeps everything → export has the corrections', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/');
  await importFile(page, 'mixed.jsonl', Buffer.from(`${tcree}\n${ner}\n`));
  await expect(page.getByTestId('import-result')).toHaveText('7 documents imported');

  // The NER document: add a span by selecting text and pressing a number key.
  await page.getByTestId('documents').getByRole('button', { name: /国母和宏は東海大/ }).click();
  const annotator = page.getByTestId('annotator');
  await expect(annotator.getByRole('heading')).toHaveText('Document 7 of 7');
  const rows = annotator.getByTestId('span-list').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await selectText(page, 5, 8); // 東海大
  await expect(annotator.locator('[data-selection]')).toHaveText('東海大');
  await page.keyboard.press('2'); // 法人名, the second NER label
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).locator('td').nth(1)).toHaveText('東海大');
  await expect(rows.nth(1).getByRole('combobox')).toHaveValue('法人名');

  // Undo and redo through their shortcuts.
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(rows).toHaveCount(2);
  // The buttons are the same commands, with their shortcuts shown.
  await expect(annotator.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('aria-keyshortcuts', 'Control+Z');
  await annotator.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(annotator.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  await annotator.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(rows).toHaveCount(2);

  // Adjust a span's end with the keyboard: shrink, then grow back.
  await rows.nth(0).locator('td').nth(1).click();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('国母和');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('国母和宏');
  // Or drag its end handle: over は, then undo the drag as one edit.
  const handle = (await annotator.locator('[data-handle="end"]').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  const target = await pointAfter(page, 4);
  await page.mouse.move(target.x, target.y, { steps: 4 });
  await page.mouse.up();
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('国母和宏は');
  await page.keyboard.press('Control+z');
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('国母和宏');
  // Change a label and the category.
  await rows.nth(1).getByRole('combobox').selectOption('施設名');
  await annotator.getByTestId('category-select').selectOption('技術');
  // Mark reviewed with its key (focus out of the select first: keys there pick options).
  await annotator.getByTestId('annotated-text').click();
  await page.keyboard.press('r');
  await expect(annotator.getByTestId('reviewed-badge')).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[data-testid="annotator"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/annotator.png', fullPage: true });

  // An RE document: change the relation, and take the tail from the text.
  await page.getByTestId('documents').getByRole('button', { name: /国母和宏\(東海大\)/ }).click();
  await expect(annotator.getByRole('heading')).toHaveText('Document 2 of 7');
  const relation = annotator.getByLabel('Relation of row 1', { exact: true });
  await relation.fill('職業');
  await relation.press('Enter');
  await selectText(page, 0, 6); // スノーボード
  await annotator.getByRole('button', { name: 'Tail of row 1: take it from the selected text' }).click();
  await expect(annotator.getByRole('textbox', { name: 'Tail of row 1' })).toHaveValue('スノーボード');

  await page.reload();
  await page.getByText(/^Corpus \(7\)/).click();
  await page.getByRole('combobox', { name: 'Review filter' }).selectOption('yes');
  await expect(page.getByTestId('documents').locator('li')).toHaveCount(1);
  await page.getByTestId('documents').getByRole('button', { name: /国母和宏は東海大/ }).click();
  await expect(rows.locator('td:nth-child(2)')).toHaveText(['国母和宏', '東海大']);
  await expect(annotator.getByTestId('category-select')).toHaveValue('技術');
  await expect(annotator.getByTestId('reviewed-badge')).toBeVisible();
  // Export follows the filter: the reviewed document alone.
  await page.getByRole('combobox', { name: 'Export format' }).selectOption('training');
  await expect(page.getByTestId('export-scope')).toHaveText('the 1 shown documents');
  const reviewedOnly = await downloadFrom(page, () => page.getByRole('button', { name: 'Export', exact: true }).click());
  expect(reviewedOnly.content.trimEnd().split('\n').map((l) => (JSON.parse(l) as { output: string }).output)).toEqual(['<技術>固有表現抽出:人名;国母和宏:施設名;東海大']);
  await page.getByRole('combobox', { name: 'Review filter' }).selectOption('any');

  const save = async (format: string) => {
    await page.getByRole('combobox', { name: 'Export format' }).selectOption(format);
    return downloadFrom(page, () => page.getByRole('button', { name: 'Export', exact: true }).click());
  };
  const training = (await save('training')).content.trimEnd().split('\n').map((l) => JSON.parse(l) as { input: string; output: string });
  expect(training.find((l) => l.input.startsWith(NER_TEXT))!.output).toBe('<技術>固有表現抽出:人名;国母和宏:施設名;東海大');
  expect(training.find((l) => l.input.startsWith('スノーボード男子'))!.output).toBe('<スポーツ>関係抽出:国母和宏;職業;スノーボード:');
  const extraction = (await save('extraction')).content.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; extraction: { entities: { text: string; start: number }[] } });
  expect(extraction.find((d) => d.id === 'n1')!.extraction.entities.map((e) => [e.text, e.start])).toEqual([
    ['国母和宏', 0],
    ['東海大', 5],
  ]);
  // brat: a zip with the standoff of the corrected document.
  const brat = await save('brat');
  expect(brat.name).toBe('brat.zip');
  const { unzipSync, strFromU8 } = await import('fflate');
  const files = unzipSync(readFileSync((await brat.download.path())!));
  // ASCII storage names (brat's projectconfig.py turns any other character into _), Japanese labels in visual.conf.
  // Each span with a note saying who made it (brat's AnnotatorNotes): these two are the annotator's own.
  const ann = strFromU8(files['brat/0007.ann']!).split('\n');
  expect(ann.filter((l) => !l.startsWith('#'))).toEqual(['T1\tPERSON 0 4\t国母和宏', 'T2\tFACILITY 5 8\t東海大', '']);
  expect(ann.filter((l) => l.startsWith('#')).map((l) => l.replace(/ at=\S+$/, ''))).toEqual(['#1\tAnnotatorNotes T1\tgiellm: person; name=""', '#2\tAnnotatorNotes T2\tgiellm: person; name=""']);
  expect(strFromU8(files['brat/0007.txt']!)).toBe(NER_TEXT);
  expect(strFromU8(files['brat/visual.conf']!)).toContain('PERSON | 人名');
  expect(strFromU8(files['brat/categories.tsv']!)).toContain('0007\tn1\tner\t技術');
});

test('a CSV is imported through a column mapping, and a TCREE ,, CSV directly', async ({ page }) => {
  await page.goto('/');
  const csv = '番号,sentence,answer\nc1,東京で会見した。,<社会>固有表現抽出:地名;東京\nc2,,x\n';
  await importFile(page, 'mine.csv', Buffer.from(csv), 'text/csv');
  const form = page.getByTestId('csv-mapping');
  await expect(form).toBeVisible();
  // "sentence" is recognised; the output and id columns are not, and are mapped by hand.
  await expect(form.getByRole('combobox', { name: 'Text' })).toHaveValue('sentence');
  await form.getByRole('combobox', { name: 'Output (gold or prediction)' }).selectOption('answer');
  await form.getByRole('combobox', { name: 'Id' }).selectOption('番号');
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-result')).toHaveText('1 document imported');
  await expect(page.getByTestId('import-errors')).toHaveText('mine.csv:3: the text column "sentence" is empty');

  const rows = tcree.split('\n').map((l) => JSON.parse(l) as { text: string; iw: string; output: string });
  // The authors' five columns: {text}{IW},,{topic},,{IW}:…: (the output without its <topic>).
  await importFile(page, 'tcree.csv', Buffer.from(rows.map((r) => `"${r.text}${r.iw}",,${r.output.match(/^<([^>]*)>/)![1]},,${r.output.replace(/^<[^>]*>/, '')}`).join('\n')), 'text/csv');
  await expect(page.getByTestId('import-result')).toHaveText('6 documents imported');
  await page.getByTestId('documents').getByRole('button', { name: /マイブリッジ/ }).click();
  await expect(page.getByTestId('category-select')).toHaveValue('映画');
  await expect(page.getByTestId('relations-editor').getByRole('textbox', { name: 'Head of row 1' })).toHaveValue('山村浩二');
});

test('the annotator and the evaluation fit 360 px without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/');
  await importFile(page, 'mixed.jsonl', Buffer.from(`${tcree}\n${ner}\n`));
  await expect(page.getByTestId('import-result')).toHaveText('7 documents imported');
  const noScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  for (const name of [/浅田真央が出演/, /国母和宏は東海大/]) {
    await page.getByTestId('documents').getByRole('button', { name }).click();
    await expect(page.getByTestId('annotator')).toBeVisible();
    expect(await noScroll()).toBe(true);
  }
  await page.getByText('Evaluation', { exact: true }).click();
  await page.getByTestId('evaluation').getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.getByTestId('evaluation-summary')).toBeVisible();
  expect(await noScroll()).toBe(true);
});

test('a document with hundreds of spans lists them a page at a time, and the page follows the span picked in the text', async ({ page }) => {
  const sentences = Array.from({ length: 450 }, (_, i) => `東京${i}で会見。`);
  const output = `<社会>固有表現抽出${sentences.map((_, i) => `:地名;東京${i}`).join('')}`;
  await page.goto('/');
  await importFile(page, 'many.jsonl', Buffer.from(JSON.stringify({ text: sentences.join(''), task: 'ner', output }) + '\n'));
  await page.getByTestId('documents').getByRole('button', { name: /東京0で会見/ }).click();
  const annotator = page.getByTestId('annotator');
  await expect(annotator.getByTestId('span-list').locator('tbody tr')).toHaveCount(200);
  await expect(annotator.getByTestId('span-pages')).toContainText('Spans 1–200 of 450');
  await annotator.getByRole('button', { name: 'Next spans' }).click();
  await expect(annotator.getByTestId('span-pages')).toContainText('Spans 201–400 of 450');
  await expect(annotator.getByTestId('span-list').locator('tbody tr').first().locator('td').nth(1)).toHaveText('東京200');
  // Picking the last span in the text turns to its page, with its row marked.
  await annotator.getByTestId('annotated-text').locator('mark', { hasText: '東京449' }).click();
  await expect(annotator.getByTestId('span-pages')).toContainText('Spans 401–450 of 450');
  await expect(annotator.locator('tr[data-selected]').locator('td').nth(1)).toHaveText('東京449');
});

test('a document too long to edit opens read-only at once, and the workspace keeps its own text', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Source text' }).fill('作業中の文。');
  const text = '東京都千代田区の会社が新製品を発表した。'.repeat(12_000); // 240,000 characters
  await importFile(page, 'long.jsonl', Buffer.from(JSON.stringify({ text, task: 'ner' }) + '\n'));
  await page.getByTestId('documents').getByRole('button', { name: /東京都千代田区/ }).click();
  await expect(page.getByTestId('read-only')).toContainText('240000 characters');
  await expect(page.getByTestId('read-only-text')).toContainText('東京都千代田区の会社');
  await expect(page.getByTestId('annotated-text')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Source text' })).toHaveValue('作業中の文。');
});
