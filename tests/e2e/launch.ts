// Launches Debian's Chromium with a fresh persistent profile (installability needs a non-incognito profile).
import { chromium, type BrowserContext } from '@playwright/test';
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
