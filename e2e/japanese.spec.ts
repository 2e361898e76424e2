import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { sharedPath } from '../src/testing/sharedData.ts';
import { PERTURBED_OUTPUTS } from '../src/testing/perturbedTcree.ts';
import { englishOnPage } from './support/language.ts';

// The flows a Japanese annotator goes through, in Japanese: none of them may show an English sentence.
test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
});

test('the workspace with a broken output: warnings, tables and legend in Japanese', async ({ page }) => {
  await page.getByRole('combobox', { name: 'タスク', exact: true }).selectOption('ner');
  await page.getByRole('textbox', { name: '入力テキスト' }).fill('NTTドコモは東京と名古屋で発表した。');
  await page.getByRole('textbox', { name: 'モデル出力' }).fill('<不明>固有表現抽出:法人名;NTTドコモ:地名;東京:壊れた:地名;大阪:未知;名古屋\n余計な行');
  const warnings = page.getByTestId('warnings');
  await expect(warnings).toContainText('地名のスパン「大阪」が本文に見つかりません。');
  await expect(warnings).toContainText('「壊れた」を ラベル;スパン として読めませんでした。');
  // A bad IW typed into the format editor is refused in Japanese, naming the field as the editor does.
  await page.getByText(/^形式:/).click();
  await page.getByRole('textbox', { name: '指示語（IW）' }).fill('固有:表現');
  await expect(page.getByTestId('profile-errors')).toHaveText('指示語（IW）（ner）：空でなく、: ; < > や改行を含まない文字列にしてください。');
  expect(await englishOnPage(page)).toEqual([]);
});

test('importing, opening and correcting a document in Japanese', async ({ page }) => {
  await page.getByText(/^コーパス/).click();
  const doc = JSON.stringify({ id: 1, text: '名古屋市の名古屋城に行った。', label: [[0, 4, '地名'], [0, 3, '施設名']] });
  await page.getByLabel('ファイルを読み込む').setInputFiles({ name: 'doccano.jsonl', mimeType: 'application/json', buffer: Buffer.from(`${doc}\n`) });
  await expect(page.getByTestId('import-result')).toContainText('1件');
  expect(await englishOnPage(page)).toEqual([]);
  await page.getByTestId('documents').getByRole('button', { name: /名古屋市/ }).click();
  await page.getByTestId('annotated-text').locator('mark[data-start="0"]').click();
  await page.keyboard.press('a');
  await expect(page.getByTestId('propagated')).toBeVisible();
  expect(await englishOnPage(page)).toEqual([]);
  await page.locator('body').press('Shift+?');
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  expect(await englishOnPage(page)).toEqual([]);
});

test('a file with bad lines, and a custom model with bad fields, are explained in Japanese', async ({ page }) => {
  await page.getByText(/^コーパス/).click();
  const lines = ['{"id":"a","text":"東京","task":"ner"}', '{"id":"b",', '{"id":"c","task":"ner"}', '{"id":"d","text":"大阪","task":"未知"}'];
  await page.getByLabel('ファイルを読み込む').setInputFiles({ name: 'bad.jsonl', mimeType: 'application/json', buffer: Buffer.from(`${lines.join('\n')}\n`) });
  await expect(page.getByTestId('import-summary-row').or(page.getByRole('alert')).first()).toBeVisible();
  expect(await englishOnPage(page)).toEqual([]);

  await page.getByText('カスタムモデルを追加').click();
  const form = page.getByRole('form', { name: 'カスタムモデルを追加' });
  await form.getByRole('button', { name: '追加' }).click();
  await expect(page.getByTestId('custom-model-errors')).toBeVisible();
  expect(await englishOnPage(page)).toEqual([]);
});

test('evaluating two files, and the model panel, in Japanese', async ({ page }) => {
  const tcree = readFileSync(sharedPath('tcree-sample.jsonl'), 'utf8').trim();
  const perturbed = tcree
    .split('\n')
    .map((l, i) => JSON.stringify({ ...(JSON.parse(l) as object), output: PERTURBED_OUTPUTS[i] }))
    .join('\n');
  await page.getByText(/^コーパス/).click();
  const input = page.getByLabel('ファイルを読み込む');
  await input.setInputFiles({ name: 'gold.jsonl', mimeType: 'application/json', buffer: Buffer.from(tcree) });
  await expect(page.getByTestId('import-result')).toContainText('6件');
  await input.setInputFiles({ name: 'pred.jsonl', mimeType: 'application/json', buffer: Buffer.from(perturbed) });
  await page.getByRole('button', { name: '両方残す' }).click();
  await page.getByText('評価', { exact: true }).click();
  const evaluation = page.getByTestId('evaluation');
  await evaluation.getByRole('combobox', { name: '正解' }).selectOption('gold.jsonl');
  await evaluation.getByRole('combobox', { name: '予測' }).selectOption('pred.jsonl');
  await evaluation.getByRole('button', { name: '評価する' }).click();
  await expect(evaluation.getByTestId('evaluation-summary')).toContainText('6件の文書を採点しました');
  expect(await englishOnPage(page)).toEqual([]);
});

test('a Label Studio file with a moved region, and drawing an arc, in Japanese', async ({ page }) => {
  await page.getByText(/^コーパス/).click();
  // Label Studio counts code points; this region's text is not the text at its offsets, so it is refused.
  const tasks = [{ id: 4, data: { text: '東京で会見した。' }, annotations: [{ result: [{ id: 's', type: 'labels', value: { start: 0, end: 2, text: '大阪', labels: ['地名'] } }] }] }];
  await page.getByLabel('ファイルを読み込む').setInputFiles({ name: 'ls.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tasks)) });
  // With its one region refused, nothing says the task: the import asks (in Japanese too).
  const choice = page.getByTestId('task-choice');
  expect(await englishOnPage(page)).toEqual([]);
  await choice.getByRole('combobox').selectOption('ner');
  await choice.getByRole('button', { name: 'このタスクとして読み込む' }).click();
  await expect(page.getByTestId('import-errors')).toContainText('タスク 4、領域 s：語句 "大阪" が 0–2 の本文（"東京"）と違います。');
  expect(await englishOnPage(page)).toEqual([]);

  // A TCREE relation, an arc drawn with the keyboard: the bars that say what the keys act on are Japanese.
  const record = { text: '『マイブリッジの糸』(11) 監督:山村浩二', iw: '関係抽出', category: '映画', output: '<映画>関係抽出:山村浩二;監督;マイブリッジの糸:' };
  await page.getByLabel('ファイルを読み込む').setInputFiles({ name: 'tcree.jsonl', mimeType: 'application/json', buffer: Buffer.from(`${JSON.stringify(record)}\n`) });
  await page.getByTestId('documents').getByRole('button', { name: /マイブリッジ/ }).click();
  await page.getByTestId('annotated-text').getByTestId('arcs').locator('[data-arc-label="監督"]').click();
  await expect(page.getByTestId('arc-bar')).toContainText('「山村浩二」→「マイブリッジの糸」：監督');
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await page.keyboard.press('l');
  await expect(page.getByTestId('link-bar')).toContainText('への弧：種類を選んでください');
  expect(await englishOnPage(page)).toEqual([]);
});
