// Renders public/icon.svg to the PNG icons the web app manifest names (run: npx tsx scripts/make-icons.ts).
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const svg = await readFile('public/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [size, name, pad] of [[192, 'icon-192.png', 0], [512, 'icon-512.png', 0], [512, 'icon-maskable-512.png', 0.1]] as const) {
  await page.setViewportSize({ width: size, height: size });
  // A maskable icon keeps its content inside the safe zone, on a full-bleed background.
  await page.setContent(`<body style="margin:0;background:#4338ca"><div style="padding:${size * pad}px">${svg.replace('<svg ', `<svg width="${size * (1 - 2 * pad)}" height="${size * (1 - 2 * pad)}" `)}</div></body>`);
  await page.screenshot({ path: `public/${name}`, omitBackground: pad === 0 });
}
await browser.close();
