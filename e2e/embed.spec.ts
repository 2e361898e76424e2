import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_PROFILE, extract } from '../src/index.ts';
import { MODEL_HOST } from './support/models.ts';

// The app on one origin (localhost), framed by a host page on another (127.0.0.1), as on a project site.
const APP = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
const HOST = MODEL_HOST; // http://127.0.0.1:4174
const THIRD = MODEL_HOST.replace('127.0.0.1', 'localhost'); // same server, another origin

const frameSrc = `${APP}/?embed&origins=${encodeURIComponent(HOST)}`;
const messages = (page: Page) => page.evaluate(() => (window as unknown as { __msgs: { type: string; id?: unknown }[] }).__msgs);
const send = (page: Page, msg: unknown) => page.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), msg);

async function openHost(page: Page, origin: string) {
  await page.goto(`${origin}/host.html?src=${encodeURIComponent(frameSrc)}`);
  await page.frameLocator('#f').getByTestId('embed').waitFor();
}

test('ready, then extract with an output: the result is the core’s Extraction, and the frame resizes', async ({ page }) => {
  await openHost(page, HOST);
  await expect.poll(async () => (await messages(page)).find((m) => m.type === 'giellm:ready')).toEqual({ type: 'giellm:ready', version: 1 });
  const before = await page.locator('#f').evaluate((f) => f.getBoundingClientRect().height);
  const text = '27日に生放送された日本テレビ「バンクーバー2010」には、女子フィギュアスケートで銀メダルを獲得した浅田真央が出演した。';
  const output = '<スポーツ>イベント抽出:浅田真央;出演;日本テレビ;27日:';
  await send(page, { type: 'giellm:extract', id: 'r1', text, task: 'ee', output });
  await expect.poll(async () => (await messages(page)).find((m) => m.type === 'giellm:result')).toEqual({ type: 'giellm:result', id: 'r1', result: JSON.parse(JSON.stringify(extract(output, 'ee', DEFAULT_PROFILE, text))) });
  await expect(page.frameLocator('#f').getByTestId('events').locator('tbody td').first()).toHaveText('浅田真央');
  // The host sizes the frame from giellm:resize; a longer text makes it taller.
  const lastSize = async () => ((await messages(page)).filter((m) => m.type === 'giellm:resize').at(-1) as unknown as { height: number }).height;
  await expect.poll(async () => Math.round(await page.locator('#f').evaluate((f) => f.getBoundingClientRect().height))).toBe(await lastSize());
  const long = Array.from({ length: 12 }, () => text).join('\n');
  await send(page, { type: 'giellm:extract', id: 'r2', text: long, task: 'ee', output });
  await expect.poll(() => page.locator('#f').evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(before + 100);
});

test('custom labels, malformed messages and a run without a model get giellm:error, never a crash', async ({ page }) => {
  await openHost(page, HOST);
  await send(page, { type: 'giellm:extract', id: 2, text: 'x', task: 'nope' });
  await send(page, { type: 'giellm:extract', id: 3, text: '松友美佐紀は選手。', task: 'ner' });
  await send(page, { type: 'giellm:dance', id: 4 });
  await send(page, { type: 'giellm:extract', id: 5, text: '松友美佐紀は選手。', task: 'ner', labels: ['スポーツ', '芸能'], output: '<スポーツ>固有表現抽出:人名;松友美佐紀' });
  await expect.poll(async () => (await messages(page)).filter((m) => m.type === 'giellm:error' || m.type === 'giellm:result').length).toBe(4);
  const msgs = await messages(page);
  const byId = (id: unknown) => msgs.find((m) => m.id === id) as { type: string; message?: string; result?: { category: string; warnings: string[] } };
  expect(byId(2)).toMatchObject({ type: 'giellm:error', message: expect.stringContaining('task') });
  expect(byId(3)).toMatchObject({ type: 'giellm:error', message: expect.stringContaining('No model is loaded') });
  expect(byId(4)).toMatchObject({ type: 'giellm:error', message: expect.stringContaining('unknown message type') });
  expect(byId(5)).toMatchObject({ type: 'giellm:result', result: { category: 'スポーツ', warnings: [] } });
  await expect(page.frameLocator('#f').getByTestId('embed')).toBeVisible();
  // A frame on another site, with third-party storage blocked (as in this Chromium), says models cannot be downloaded in it.
  await page.frameLocator('#f').locator('summary').first().click();
  await expect(page.frameLocator('#f').getByTestId('model-reasons')).toContainText('does not let this page store anything');
});

test('a frame sandboxed without allow-same-origin says it cannot start instead of staying blank', async ({ page }) => {
  await page.goto(`${HOST}/host.html?sandbox=allow-scripts&src=${encodeURIComponent(frameSrc)}`);
  await expect(page.frameLocator('#f').getByTestId('boot-fallback')).toBeVisible({ timeout: 20_000 });
  await expect(page.frameLocator('#f').getByTestId('boot-fallback')).toContainText('could not start here');
});

test('a third origin gets no ready and no reply', async ({ page }) => {
  await openHost(page, THIRD);
  await send(page, { type: 'giellm:extract', id: 'x', text: 'a', task: 'ner', output: '<社会>固有表現抽出' });
  await send(page, { type: 'giellm:extract', id: 'y', text: 5 });
  await page.waitForTimeout(1000);
  expect(await messages(page)).toEqual([]);
});
