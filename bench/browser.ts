import { spawn } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';

export { writeResults } from './results.ts';

// The e2e model host serves both the built app (under /giellm/) and the bench model.
export const MODEL_PORT = 4181;
export const APP = `http://127.0.0.1:${MODEL_PORT}/giellm/`;

/** Starts the model host and Debian's Chromium with `args`, runs `fn`, and stops both whatever happens. */
export async function withBrowser<T>(args: string[], fn: (browser: Browser) => Promise<T>): Promise<T> {
  const modelHost = spawn(process.execPath, ['e2e/support/modelServer.mjs'], { env: { ...process.env, MODEL_SERVER_PORT: String(MODEL_PORT) }, stdio: 'ignore' });
  await new Promise((ok) => setTimeout(ok, 500));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', ...args] });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
    modelHost.kill();
  }
}

