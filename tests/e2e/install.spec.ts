// Protects what the home screen sees: the manifest parses without a single error or warning (a
// missing share-target enctype once logged one on every page load), Chromium finds the app
// installable, and the shortcuts and share target the issue asks for are there.
import { expect, test } from '@playwright/test';
import { launchProfile } from './launch';

test('the manifest parses cleanly and the app is installable, with its shortcuts and share target', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: Array<{ message: string }>; data: string };
    expect(manifest.errors.map((e) => e.message)).toEqual([]);
    const data = JSON.parse(manifest.data) as { shortcuts: Array<{ name: string; url: string }>; share_target: { action: string; params: Record<string, string> } };
    expect(data.shortcuts.map((s) => [s.name, s.url])).toEqual([
      ['Continue reading', '/continue'],
      ['Search stories', '/search'],
      ['Saved stories', '/saved'],
    ]);
    expect(data.share_target).toMatchObject({ action: '/save', params: { url: 'url' } });
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: Array<{ errorId: string }> };
    expect(installability.installabilityErrors.map((e) => e.errorId)).toEqual([]);
  } finally {
    await context.dispose();
  }
});
