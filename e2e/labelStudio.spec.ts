import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { downloadFrom, importFile } from './support/corpus.ts';
import { labelStudioEditor, loadTask, type Result, type Task } from './support/labelStudioFrontend.ts';
import { sharedPath } from '../src/testing/sharedData.ts';

// The real Label Studio editor (label-studio-frontend from npm, scripts/label-studio-frontend.sh) loads the
// app's Label Studio export, tasks and labeling config as the app wrote them: every region it shows must be
// the span the app exported, and its own serialization of what it loaded must be what the app wrote.

test('the app’s Label Studio export loads into the Label Studio editor with every region on its span', async ({ page, context }) => {
  test.setTimeout(120_000);
  const astral = { id: 'a1', text: '𠮷野家の社長が😀東京で会見。\n翌日は大阪へ。', task: 'ner', output: '<社会>固有表現抽出:法人名;𠮷野家:地名;東京:地名;大阪' };
  const tcree = readFileSync(sharedPath('tcree-sample.jsonl'), 'utf8').trim();
  await page.goto('/');
  await importFile(page, 'mixed.jsonl', Buffer.from(`${JSON.stringify(astral)}\n${tcree}\n`));
  await expect(page.getByTestId('import-result')).toHaveText('7 documents imported');
  await page.getByRole('combobox', { name: 'Export format' }).selectOption('label-studio');
  const { download } = await downloadFrom(page, () => page.getByRole('button', { name: 'Export', exact: true }).click());
  const zip = unzipSync(readFileSync((await download.path())!));
  const tasks = JSON.parse(strFromU8(zip['label-studio-tasks.json']!)) as Task[];
  const config = strFromU8(zip['label-studio-config.xml']!);
  expect(tasks).toHaveLength(7);

  const editor = await labelStudioEditor(context);
  let relationsSeen = 0;
  for (const task of tasks) {
    const loaded = await loadTask(editor, config, task);
    const exported = (task.annotations ?? task.predictions ?? [])[0]!.result;
    const regions = exported.filter((r) => r.type === 'labels');
    // What the editor highlights is the text the app says each region covers, and that text is the
    // document's at those offsets counted in code points.
    const chars = [...task.data.text];
    for (const r of regions) expect(r.value!.text, `task ${task.id} ${r.id}`).toBe(chars.slice(r.value!.start!, r.value!.end!).join(''));
    expect([...loaded.marks].sort(), `task ${task.id}`).toEqual(regions.map((r) => r.value!.text!).sort());
    // Its own serialization of what it loaded: the same regions on the same offsets, the same category.
    const shown = loaded.serialized.filter((r) => r.type === 'labels').map((r) => [r.id, r.value!.start, r.value!.end, r.value!.text, r.value!.labels]);
    expect(shown, `task ${task.id}`).toEqual(regions.map((r) => [r.id, r.value!.start, r.value!.end, r.value!.text, r.value!.labels]));
    const choices = (rs: Result[]) => rs.filter((r) => r.type === 'choices').map((r) => r.value!.choices);
    expect(choices(loaded.serialized), `task ${task.id}`).toEqual(choices(exported));
    expect(loaded.relations, `task ${task.id}`).toBe(exported.filter((r) => r.type === 'relation').length);
    relationsSeen += loaded.relations;
  }
  // The RE and EE documents' relations (triples, and trigger → role links) all arrived.
  expect(relationsSeen).toBeGreaterThan(6);
  expect(tasks[0]!.annotations![0]!.result.filter((r) => r.type === 'labels').map((r) => r.value!.text)).toEqual(['𠮷野家', '東京', '大阪']);
});
