// Launches Debian's Chromium with a fresh persistent profile (installability needs a non-incognito profile).
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';

/** A browser context on its own throwaway profile; `close()` also deletes the profile. */
export async function launchProfile(viewport = { width: 390, height: 844 }): Promise<BrowserContext & { dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport,
    serviceWorkers: 'allow',
  });
  return Object.assign(context, {
    async dispose() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/**
 * Makes the page's navigator.onLine agree with an offline context after a navigation. With Debian's
 * Chromium 150 a document loaded while the context is offline (served by the service worker) starts
 * with navigator.onLine true and no `offline` event (measured 2026-12-02; 156 kept it false), so the
 * app would not know it is offline, and going online later would fire no `online` event. Toggling
 * the emulation tells the page again; where the browser got it right, this does nothing.
 */
export async function settleOffline(context: BrowserContext, page: Page): Promise<void> {
  if (!(await page.evaluate(() => navigator.onLine))) return;
  await context.setOffline(false);
  await context.setOffline(true);
  await page.waitForFunction(() => !navigator.onLine);
}
