import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { downloadFrom, importFile } from './support/corpus.ts';

// Reviewing a corpus: warnings that lead to their item, flag, comment, skip, un-review, and who reviewed
// when; the list shows and filters by what the review left.
const DOCS = [
  { id: 'a', text: 'NTTドコモは東京で発表した。', task: 'ner', output: '<技術>固有表現抽出:法人名;NTTドコモ:地名;大阪' },
  { id: 'b', text: '名古屋城に行った。', task: 'ner', output: '<社会>固有表現抽出:施設名;名古屋城' },
];

async function open(page: Page) {
  await page.goto('/');
  await importFile(page, 'docs.jsonl', Buffer.from(DOCS.map((d) => JSON.stringify(d)).join('\n') + '\n'));
  await expect(page.getByTestId('import-result')).toHaveText('2 documents imported');
  await page.getByTestId('documents').getByRole('button', { name: /NTTドコモ/ }).click();
  await page.getByTestId('annotator-name').fill('山田');
  await page.getByTestId('annotated-text').focus();
}

const list = (page: Page) => page.getByTestId('documents').locator('li');

test('a warning leads to its item; once corrected away it is gone', async ({ page }) => {
  await open(page);
  const warnings = page.getByTestId('editor-warnings');
  await expect(warnings).toContainText('span 地名 "大阪" was not found in the text');
  await warnings.getByRole('button', { name: 'Show it' }).click();
  const row = page.getByTestId('span-list').locator('tbody tr[data-selected]');
  await expect(row).toContainText('大阪');
  await expect(row).toContainText('not found');
  await page.getByTestId('annotated-text').focus();
  await page.keyboard.press('Delete');
  await expect(warnings).toHaveCount(0);
});

test('flag, comment, review, un-review and skip: each saved, shown in the list, and filtered on', async ({ page }) => {
  await open(page);
  // No key fires while an IME composes.
  await page.getByTestId('annotated-text').dispatchEvent('keydown', { key: 'f', isComposing: true, bubbles: true });
  await expect(page.getByTestId('flagged-badge')).toHaveCount(0);
  await page.keyboard.press('f');
  await expect(page.getByTestId('flagged-badge')).toBeVisible();
  await expect(list(page).filter({ hasText: 'NTTドコモ' }).getByTestId('flag-mark')).toBeVisible();
  await page.getByTestId('document-comment').fill('大阪は本文にない。モデルの誤り？');
  await page.getByTestId('category-select').focus();
  await expect(list(page).filter({ hasText: 'NTTドコモ' }).getByTestId('comment-mark')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).include('[data-testid="annotator"]').include('[data-testid="corpus"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  }
  // Reviewed by the annotator: the next document opens; back on this one it says who and when.
  await page.getByTestId('annotated-text').focus();
  await page.keyboard.press('r');
  await expect(page.getByTestId('annotator')).toContainText('名古屋城');
  // Skipped: marked, and the queue moves on (there is no next one here, so it stays).
  await page.keyboard.press('Shift+N');
  await expect(page.getByTestId('skipped-badge')).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByTestId('reviewed-by')).toContainText('reviewed by 山田');
  await page.keyboard.press('Shift+R');
  await expect(page.getByTestId('reviewed-badge')).toHaveCount(0);
  // All of it survives a reload, and the list filters on it.
  await page.reload();
  await page.getByText(/^Corpus \(/).click();
  const filter = page.getByRole('combobox', { name: 'Review filter' });
  await filter.selectOption('flagged');
  await expect(list(page)).toHaveCount(1);
  await filter.selectOption('skipped');
  await expect(list(page)).toHaveText([/名古屋城/]);
  await filter.selectOption('commented');
  await list(page).first().getByRole('button').first().click();
  await expect(page.getByTestId('document-comment')).toHaveValue('大阪は本文にない。モデルの誤り？');
  await expect(page.getByTestId('flagged-badge')).toBeVisible();
  await page.getByTestId('annotated-text').focus();
  await page.keyboard.press('f');
  await expect(page.getByTestId('flagged-badge')).toHaveCount(0);
});

test('a review queue: most doubtful first, each row saying why, and the editor steps through it in that order', async ({ page }) => {
  await page.goto('/');
  const docs = [
    { id: 'clean', text: '名古屋城に行った。', task: 'ner', output: '<社会>固有表現抽出:施設名;名古屋城' },
    { id: 'warned', text: 'NTTドコモは東京で発表した。', task: 'ner', output: '<技術>固有表現抽出:法人名;NTTドコモ:地名;大阪' },
    { id: 'cut', text: '京都で会見。', task: 'ner', output: '<社会>固有表現抽出:地名;京都', finish_reason: 'length' },
  ];
  await importFile(page, 'docs.jsonl', Buffer.from(docs.map((d) => JSON.stringify(d)).join('\n') + '\n'));
  await expect(page.getByTestId('import-result')).toHaveText('3 documents imported');
  await expect(list(page)).toHaveText([/名古屋城/, /NTTドコモ/, /京都/]);
  await page.getByRole('combobox', { name: 'Order' }).selectOption('doubt');
  await expect(list(page)).toHaveText([/京都.*cut off/, /NTTドコモ.*warnings/, /名古屋城/]);
  await list(page).first().getByRole('button').first().click();
  await page.getByTestId('annotated-text').focus();
  await page.keyboard.press('n');
  await expect(page.getByTestId('annotator')).toContainText('NTTドコモ');
  // A flag puts a document first.
  await page.keyboard.press('n');
  await page.keyboard.press('f');
  await expect(list(page).first()).toContainText('名古屋城');
  await expect(list(page).first().getByTestId('doubt')).toHaveText('flagged');
});

test('the review queue doubts a category the corpus never shows with the labels seen, until it is corrected', async ({ page }) => {
  await page.goto('/');
  // Five society articles name people; a technology article naming a person is the odd one out.
  const people = ['山田太郎', '佐藤花子', '鈴木一郎', '田中次郎', '高橋三郎'];
  const docs = [
    ...people.map((p, i) => ({ id: `s${i}`, text: `${p}が会見した。`, task: 'ner', output: `<社会>固有表現抽出:人名;${p}` })),
    { id: 'odd', text: '伊藤四郎が会見した。', task: 'ner', output: '<技術>固有表現抽出:人名;伊藤四郎' },
  ];
  await importFile(page, 'docs.jsonl', Buffer.from(docs.map((d) => JSON.stringify(d)).join('\n') + '\n'));
  await expect(page.getByTestId('import-result')).toHaveText('6 documents imported');
  await page.getByRole('combobox', { name: 'Order' }).selectOption('doubt');
  await expect(list(page).first()).toContainText('伊藤四郎');
  await expect(list(page).first().getByTestId('doubt')).toHaveText('category unlike its labels');
  await expect(page.getByTestId('doubt')).toHaveCount(1);
  await list(page).first().getByRole('button').first().click();
  await page.getByTestId('annotator').getByTestId('category-select').selectOption('社会');
  await expect(page.getByTestId('doubt')).toHaveCount(0);
});

test('a review travels in Extraction JSONL and comes back on import; other formats say they cannot keep it', async ({ page, browser }) => {
  await open(page);
  await page.keyboard.press('f');
  await page.getByTestId('document-comment').fill('大阪は本文にない');
  await page.getByTestId('annotated-text').focus();
  await page.keyboard.press('r');
  await expect(page.getByTestId('annotator')).toContainText('名古屋城');
  const exportAs = async (format: string) => {
    await page.getByRole('combobox', { name: 'Export format' }).selectOption(format);
    return downloadFrom(page, () => page.getByRole('button', { name: 'Export', exact: true }).click());
  };
  await expect(page.getByTestId('export-losses')).toHaveCount(0);
  const { content } = await exportAs('doccano');
  expect(content).not.toContain('大阪は本文にない');
  await expect(page.getByTestId('export-losses')).toContainText('document a: who reviewed the document and when, its flag, skip or comment');
  const extraction = await exportAs('extraction');
  const review = JSON.parse(extraction.content.split('\n')[0]!).review;
  expect(review).toMatchObject({ reviewed: true, by: '山田', flagged: true, comment: '大阪は本文にない' });
  expect(typeof review.at).toBe('number');
  // Another browser profile (empty storage) imports the file: flag, comment and review come with it.
  const other = await (await browser.newContext()).newPage();
  await other.goto('/');
  await importFile(other, 'extractions.jsonl', Buffer.from(extraction.content));
  await expect(other.getByTestId('import-result')).toHaveText('2 documents imported');
  const row = list(other).filter({ hasText: 'NTTドコモ' });
  await expect(row.getByTestId('flag-mark')).toBeVisible();
  await expect(row.getByTestId('comment-mark')).toBeVisible();
  await expect(row).toHaveAttribute('data-reviewed', 'true');
  await row.getByRole('button').first().click();
  await expect(other.getByTestId('reviewed-by')).toContainText('reviewed by 山田');
  await expect(other.getByTestId('document-comment')).toHaveValue('大阪は本文にない');
});
