import { expect, test } from '@playwright/test';

test('after one online visit the app and its samples load with the network off', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 20_000 });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'GIELLM Web' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Load a sample' }).selectOption('tcree-2');
  await expect(page.getByTestId('category')).toHaveText('スポーツ');
  // web-llm's code is cached too, so a downloaded model could load offline; the manifest is installable.
  const cached = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).map((r) => r.url)))).flat());
  expect(cached.some((u) => /webLlmBackend-.*\.js/.test(u))).toBe(true);
  expect(cached.some((u) => /worker-.*\.js/.test(u))).toBe(true);
  expect(cached.some((u) => /\.bin$|tensor-cache/.test(u))).toBe(false);
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href)).json());
  expect(manifest).toMatchObject({ short_name: 'GIELLM', display: 'standalone' });
  await context.setOffline(false);
});

test('the service worker never answers a model path with the app shell', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  // A model path is left to the network (so offline it fails), never answered with the precached app.
  // Offline, only the service worker could answer: the navigation must fail, not get index.html.
  for (const path of ['/models/none/resolve/main/mlc-chat-config.json', '/x.wasm', '/weights/a.bin', '/assets/gone-1234.js']) {
    const answer = await page.goto(path).then((r) => `answered ${r?.status()}`, (e: Error) => e.message);
    expect(answer, path).toMatch(/ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
  }
  // An app route still gets the app, offline (in a new tab: the failed navigations above leave error pages committing in this one).
  const tab = await context.newPage();
  await tab.goto('/?embed');
  await expect(tab.getByTestId('embed')).toBeVisible();
  await context.setOffline(false);
});

test('the static build works from a sub-path of another host', async ({ page }) => {
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  await page.goto(`http://127.0.0.1:${process.env.MODEL_SERVER_PORT ?? 4174}/giellm/`);
  await page.getByRole('combobox', { name: 'Load a sample' }).selectOption('tcree-5');
  await expect(page.getByTestId('category')).toHaveText('映画');
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 20_000 });
  expect(failed).toEqual([]);
});

test('a new deployment shows an update prompt, and Reload moves to it', async ({ page }) => {
  const site = `http://127.0.0.1:${process.env.MODEL_SERVER_PORT ?? 4174}/giellm/`;
  await page.goto(site);
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.request.post(`${site}__deploy`);
  // The browser checks for a new service worker on navigation; the new one waits for the user's OK.
  await page.reload();
  await expect(page.getByTestId('pwa-update')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('pwa-update').getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByTestId('pwa-update')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('offline-ready')).toBeVisible();
});

test.describe('an old tab after a new deployment', () => {
  // Without a service worker, as on a first visit or in a browser that has none: the chunks come from the server.
  test.use({ serviceWorkers: 'block' });

  test('a chunk that is gone says a new version is live and offers the reload, and nothing is lost', async ({ page }) => {
    const site = `http://127.0.0.1:${process.env.MODEL_SERVER_PORT ?? 4174}/stale/`;
    await page.goto(site);
    await expect(page.getByTestId('corpus')).toBeVisible();
    await page.request.post(`${site}__gone`);
    await page.getByTestId('corpus').locator('summary').first().click();
    await page.getByLabel('Import a file').setInputFiles({ name: 'd.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from('{"text": "東京", "label": [[0, 2, "地名"]]}\n') });
    await expect(page.getByTestId('import-errors')).toContainText('a new version is probably live): reload the page and import again');
    await expect(page.getByTestId('app-stale')).toContainText('A new version is live');
    await page.getByTestId('app-stale').getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByTestId('app-stale')).toHaveCount(0);
  });
});
