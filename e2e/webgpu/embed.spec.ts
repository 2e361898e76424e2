import { expect, test, type Page } from '@playwright/test';
import { addCustomModel, MODEL_HOST } from '../support/models.ts';
import { installScriptedBackend } from '../support/scriptedBackend.ts';

// The app framed by a page of the same site on another port (127.0.0.1:4174 frames 127.0.0.1:4173: cross-origin,
// same-site, so the frame keeps its storage; a frame on another site is refused storage, see e2e/embed.spec.ts)
// with a model loaded in the frame: the scripted backend stands in for WebLLM (addInitScript reaches every frame).
const APP = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const frameSrc = `${APP}/?embed&origins=${encodeURIComponent(MODEL_HOST)}`;
const messages = (page: Page) => page.evaluate(() => (window as unknown as { __msgs: { type: string; id?: unknown; result?: { category: string | null; entities: { text: string }[] } }[] }).__msgs);
const send = (page: Page, msg: unknown) => page.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), msg);

const S = ['松友美佐紀は選手。', 'レッドフォックス株式会社は東京の会社。', '山村浩二は監督。'];

test('requests without an output wait for the user’s yes, run one at a time and are each answered with their own text', async ({ page }) => {
  test.setTimeout(90_000);
  await installScriptedBackend(page, {
    outputs: { [S[0]!]: '<スポーツ>固有表現抽出:人名;松友美佐紀', [S[1]!]: '<技術>固有表現抽出:法人名;レッドフォックス株式会社', [S[2]!]: '<文芸>固有表現抽出:人名;山村浩二' },
    fallback: '<社会>固有表現抽出',
    delayMs: 20,
  });
  await page.goto(`${MODEL_HOST}/host.html?src=${encodeURIComponent(frameSrc)}`);
  const frame = page.frameLocator('#f');
  await frame.locator('summary').first().click();
  await addCustomModel(frame, { id: 'tiny-q4f32_1', folder: 'tiny-q4f32_1', lib: 'not-tvm.wasm', mode: 'giellm' });
  // A download in a frame asks again, in words, before anything is fetched.
  await frame.getByRole('button', { name: /Download and load/ }).click();
  await expect(frame.getByTestId('confirm-download')).toContainText('Download');
  await expect(frame.getByTestId('engine-status')).toHaveText('No model loaded');
  await frame.getByTestId('confirm-download').getByRole('button', { name: 'Download' }).click();
  await expect(frame.getByTestId('engine-status')).toHaveText('Ready: tiny-q4f32_1');

  for (const [i, text] of S.entries()) await send(page, { type: 'giellm:extract', id: i + 1, text, task: 'ner' });
  // Nothing runs until the user says yes in the frame.
  await expect(frame.getByTestId('run-consent')).toContainText(`${MODEL_HOST} asks to run the model`);
  await page.waitForTimeout(500);
  expect((await messages(page)).filter((m) => m.type === 'giellm:result' || m.type === 'giellm:error')).toEqual([]);
  await frame.getByRole('button', { name: 'Allow this page until reload' }).click();
  await expect.poll(async () => (await messages(page)).filter((m) => m.type === 'giellm:result').length, { timeout: 30_000 }).toBe(3);
  const answers = (await messages(page)).filter((m) => m.type === 'giellm:result' || m.type === 'giellm:error');
  expect(answers.map((m) => [m.type, m.id, m.result?.category, m.result?.entities.map((e) => e.text)])).toEqual([
    ['giellm:result', 1, 'スポーツ', ['松友美佐紀']],
    ['giellm:result', 2, '技術', ['レッドフォックス株式会社']],
    ['giellm:result', 3, '文芸', ['山村浩二']],
  ]);
  await expect(frame.getByRole('textbox', { name: 'Source text' })).toHaveValue(S[2]!);
});
