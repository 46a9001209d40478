// Takes the README screenshots of the built app: home and an article, phone and desktop sizes.
// Usage: npm run screenshots (builds first). Writes docs/screenshots/*.png.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const port = 4199;
const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: true }, logLevel: 'warn' });
const base = `http://127.0.0.1:${port}`;

const shots = [
  { name: 'phone', viewport: { width: 390, height: 844 }, scheme: 'light' },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, scheme: 'light' },
  { name: 'phone-dark', viewport: { width: 390, height: 844 }, scheme: 'dark' },
];

try {
  for (const shot of shots) {
    const dir = mkdtempSync(join(tmpdir(), 'broadsheet-shots-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
      viewport: shot.viewport,
      colorScheme: shot.scheme,
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.locator('[data-testid="story-list"] article').nth(8).waitFor();
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    await page.screenshot({ path: `${out}/home-${shot.name}.png` });
    // The long climate feature shows every part of the article page.
    await page.goto(`${base}/section/Climate`);
    await page.locator('[data-testid="story-list"] article .card__title a').last().click();
    await page.getByTestId('article-body').locator('p').first().waitFor();
    await page.getByTestId('related').waitFor();
    await page.screenshot({ path: `${out}/article-${shot.name}.png` });
    await page.getByTestId('story-nav').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/article-end-${shot.name}.png` });
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`screenshots written to ${out}/`);
} finally {
  await server.close();
}
