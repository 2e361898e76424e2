import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { downloadFrom, importFile } from './support/corpus.ts';
import { sharedPath } from '../src/testing/sharedData.ts';

// The real Label Studio editor (label-studio-frontend from npm, scripts/label-studio-frontend.sh) loads the
// app's Label Studio export, tasks and labeling config as the app wrote them: every region it shows must be
// the span the app exported, and its own serialization of what it loaded must be what the app wrote.

const LSF = process.env.LABEL_STUDIO_FRONTEND ?? execFileSync('bash', ['scripts/label-studio-frontend.sh'], { encoding: 'utf8' }).trim();
const HOST = 'http://label-studio.test';

interface Result {
  id?: string;
  type: string;
  from_id?: string;
  to_id?: string;
  labels?: string[];
  value?: { start?: number; end?: number; text?: string; labels?: string[]; choices?: string[] };
}
interface Task {
  id: number;
  data: { text: string };
  annotations?: { result: Result[] }[];
  predictions?: { result: Result[]; model_version: string }[];
}

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

  const files: Record<string, [string, string]> = {
    '/index.html': ['<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/main.css"><script src="/main.js"></script></head><body><div id="ls"></div></body></html>', 'text/html'],
    '/main.js': [readFileSync(join(LSF, 'static/js/main.js'), 'utf8'), 'text/javascript'],
    '/main.css': [readFileSync(join(LSF, 'static/css/main.css'), 'utf8'), 'text/css'],
  };
  await context.route(`${HOST}/**`, (route) => {
    const file = files[new URL(route.request().url()).pathname];
    return file ? route.fulfill({ body: file[0], contentType: file[1] }) : route.fulfill({ status: 404 });
  });
  const editor = await context.newPage();
  let relationsSeen = 0;
  for (const task of tasks) {
    await editor.goto(`${HOST}/index.html`);
    const loaded = await editor.evaluate(
      ({ config, task }) =>
        new Promise<{ serialized: Result[]; marks: string[]; relations: number }>((done) => {
          const LS = (window as unknown as { LabelStudio: new (el: string, o: object) => unknown }).LabelStudio;
          new LS('ls', {
            config,
            task,
            interfaces: ['panel', 'side-column'],
            onLabelStudioLoad: (ls: { annotationStore: { annotations: { id: string }[]; selectAnnotation(id: string): void; selected: { serializeAnnotation(): Result[]; relationStore: { relations: unknown[] } } } }) => {
              const store = ls.annotationStore;
              if (store.annotations[0]) store.selectAnnotation(store.annotations[0].id);
              // The editor draws its regions after load: wait until the marks are in the page.
              const ready = () => {
                const marks = [...document.querySelectorAll('.htx-highlight')];
                if (marks.length === 0 && task.annotations?.[0]?.result.some((r: Result) => r.type === 'labels')) return void setTimeout(ready, 50);
                done({ serialized: store.selected?.serializeAnnotation() ?? [], marks: marks.map((m) => m.textContent ?? ''), relations: store.selected?.relationStore.relations.length ?? 0 });
              };
              ready();
            },
          });
        }),
      { config, task },
    );
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
