// Debian's Chromium through Playwright, one throwaway profile per scenario: a persistent profile (not an
// incognito context) so the service worker, storage quota and installability behave as for a reader.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../find-chromium.mjs';
import { isStopping, removeDir, trackProfile } from './cleanup';

/** A phone-sized screen (the list and LCP figures are about phones). */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 };

/** A browser on a fresh profile, with its first page; `dispose()` closes it and deletes the profile. */
export interface Profile {
  context: BrowserContext;
  page: Page;
  dispose(): Promise<void>;
}

/** Launches Chromium on a new temporary profile directory. */
export async function launchProfile(): Promise<Profile> {
  if (isStopping()) throw new Error('interrupted');
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-bench-'));
  try {
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
      headless: true,
      ...PHONE,
      isMobile: false,
      serviceWorkers: 'allow',
    });
    let disposed = false;
    const dispose = async () => {
      if (disposed) return;
      disposed = true;
      unregister();
      await context.close().catch(() => undefined);
      await removeDir(dir);
    };
    const unregister = trackProfile({ close: () => context.close(), dir });
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, page, dispose };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
