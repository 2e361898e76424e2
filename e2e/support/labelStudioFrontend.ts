import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';

// The real Label Studio editor: label-studio-frontend from npm (scripts/label-studio-frontend.sh), served
// to a page of its own under a made-up host, loading tasks and a labeling config as a Label Studio
// server hands them to it.

const LSF = process.env.LABEL_STUDIO_FRONTEND ?? execFileSync('bash', ['scripts/label-studio-frontend.sh'], { encoding: 'utf8' }).trim();
const HOST = 'http://label-studio.test';

export interface Result {
  id?: string;
  type: string;
  from_id?: string;
  to_id?: string;
  labels?: string[];
  origin?: string;
  value?: { start?: number; end?: number; text?: string; labels?: string[]; choices?: string[] };
}
export interface Task {
  id: number;
  data: { text: string };
  annotations?: { result: Result[] }[];
  predictions?: { result: Result[]; model_version: string }[];
}

/** A page that serves the editor's build. */
export async function labelStudioEditor(context: BrowserContext): Promise<Page> {
  const files: Record<string, [string, string]> = {
    '/index.html': ['<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/main.css"><script src="/main.js"></script></head><body><div id="ls"></div></body></html>', 'text/html'],
    '/main.js': [readFileSync(join(LSF, 'static/js/main.js'), 'utf8'), 'text/javascript'],
    '/main.css': [readFileSync(join(LSF, 'static/css/main.css'), 'utf8'), 'text/css'],
  };
  await context.route(`${HOST}/**`, (route) => {
    const file = files[new URL(route.request().url()).pathname];
    return file ? route.fulfill({ body: file[0], contentType: file[1] }) : route.fulfill({ status: 404 });
  });
  return context.newPage();
}

/**
 * Loads one task in the editor, selects its first annotation and returns what the editor made of it: its
 * own serialization, the text it highlights, its relations, and its serialization of each prediction it holds.
 */
export async function loadTask(editor: Page, config: string, task: Task): Promise<{ serialized: Result[]; marks: string[]; relations: number; predictions: Result[][] }> {
  await editor.goto(`${HOST}/index.html`);
  return editor.evaluate(
    ({ config, task }) =>
      new Promise<{ serialized: Result[]; marks: string[]; relations: number; predictions: Result[][] }>((done) => {
        const LS = (window as unknown as { LabelStudio: new (el: string, o: object) => unknown }).LabelStudio;
        new LS('ls', {
          config,
          task,
          interfaces: ['panel', 'side-column'],
          onLabelStudioLoad: (ls: {
            annotationStore: {
              annotations: { id: string }[];
              predictions: { serializeAnnotation(): Result[] }[];
              selectAnnotation(id: string): void;
              selected: { serializeAnnotation(): Result[]; relationStore: { relations: unknown[] } };
            };
          }) => {
            const store = ls.annotationStore;
            if (store.annotations[0]) store.selectAnnotation(store.annotations[0].id);
            // The editor draws its regions after load: wait until the marks are in the page.
            const ready = () => {
              const marks = [...document.querySelectorAll('.htx-highlight')];
              if (marks.length === 0 && task.annotations?.[0]?.result.some((r: Result) => r.type === 'labels')) return void setTimeout(ready, 50);
              done({
                serialized: store.selected?.serializeAnnotation() ?? [],
                marks: marks.map((m) => m.textContent ?? ''),
                relations: store.selected?.relationStore.relations.length ?? 0,
                predictions: (store.predictions ?? []).map((p) => p.serializeAnnotation()),
              });
            };
            ready();
          },
        });
      }),
    { config, task },
  );
}
