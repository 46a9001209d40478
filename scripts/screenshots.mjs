// Takes the README screenshots of the built app: every screen at phone size (light and dark) and
// desktop size. Usage: npm run screenshots (builds first). Writes docs/screenshots/*.png.
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
  { name: 'phone-dark', viewport: { width: 390, height: 844 }, scheme: 'dark' },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, scheme: 'light' },
];

async function settle(page) {
  // Lazy images below the fold never load; only those on screen must be ready.
  await page.waitForFunction(() => [...document.images].filter((i) => i.getBoundingClientRect().top < innerHeight).every((i) => i.complete));
}

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
    const snap = async (name) => {
      await settle(page);
      await page.screenshot({ path: `${out}/${name}-${shot.name}.png` });
    };
    await page.goto(`${base}/`);
    await page.locator('[data-testid="story-list"] article').nth(8).waitFor();
    // The list shows at once on a first visit; wait for its first sync to finish, as a reader would see it a moment later.
    await page.getByTestId('sync-status').filter({ hasText: /synced/i }).waitFor();
    await snap('home');
    await page.goto(`${base}/section/Climate`);
    await page.getByRole('link', { name: /Forty closures and counting/ }).click();
    await page.getByTestId('related').waitFor();
    await snap('article');
    await page.getByTestId('article-body').locator('p').nth(6).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 300));
    await page.waitForTimeout(300);
    await snap('article-reading');
    await page.getByTestId('story-nav').scrollIntoViewIfNeeded();
    await snap('article-end');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Saved' }).waitFor();
    await page.goto(`${base}/section/Science`);
    await page.locator('[data-testid="story-list"] article').first().waitFor();
    await snap('section');
    await page.goto(`${base}/saved`);
    await page.locator('[data-testid="story-list"] article').first().waitFor();
    await snap('saved');
    // Reached the end of the Climate story above: it is in the reading history.
    await page.goto(`${base}/history`);
    await page.locator('[data-testid="story-list"] article').first().waitFor();
    await snap('history');
    await page.goto(`${base}/search?q=tidal%20barr`);
    await page.locator('.search-result').first().waitFor();
    await snap('search');
    await page.goto(`${base}/sources`);
    await page.getByTestId('source-row').first().waitFor();
    await snap('sources');
    await page.goto(`${base}/settings`);
    await page.getByTestId('storage-use').waitFor();
    await snap('settings');
    await page.goto(`${base}/save`);
    await snap('save-page');
    // The "?" keyboard help, over home.
    await page.goto(`${base}/`);
    await page.locator('[data-testid="story-list"] article').first().waitFor();
    await page.keyboard.press('?');
    await page.locator('dialog[aria-labelledby="shortcuts-title"][open]').waitFor();
    await snap('shortcuts');
    await page.keyboard.press('Escape');
    // No network: the service worker serves the app, the banner says so.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('offline-banner').waitFor();
    await page.locator('[data-testid="story-list"] article').first().waitFor();
    await snap('home-offline');
    await context.setOffline(false);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`screenshots written to ${out}/`);
} finally {
  await server.close();
}
