// Protects syncing without the page: a Periodic Background Sync event handled by the service worker
// fetches new stories into IndexedDB (dispatched through the DevTools protocol, as Chromium would).
import { expect, test } from '@playwright/test';
import { launchProfile } from './launch';
import { startFeedServer, type FeedServer } from './fixtures/feed-server';

let server: FeedServer;
test.beforeAll(async () => {
  server = await startFeedServer();
});
test.afterAll(async () => {
  await server.close();
});

test('a periodic sync in the service worker stores new stories', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/sources`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByLabel('Feed or site address').fill(`${server.url}/rss.xml`);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: 'Follow this source' }).click();
    await expect(page.getByTestId('sources-notice')).toContainText('Added');
    await expect(page.getByText(/new stor/)).toBeVisible();

    server.publishMore();
    const cdp = await context.newCDPSession(page);
    const registrationId = await new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const reg = registrations.find((r) => r.scopeURL === `${baseURL}/` && !r.isDeleted);
        if (reg) resolve(reg.registrationId);
      });
      void cdp.send('ServiceWorker.enable');
    });
    await cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', { origin: baseURL!, registrationId, tag: 'broadsheet-periodic-sync' });
    // The worker fetches and stores the new edition by itself.
    await expect
      .poll(() => page.evaluate(async () => {
        const open = indexedDB.open('broadsheet');
        const db: IDBDatabase = await new Promise((res) => (open.onsuccess = () => res(open.result)));
        const titles: string[] = await new Promise((res) => {
          const r = db.transaction('articles').objectStore('articles').getAll();
          r.onsuccess = () => res((r.result as Array<{ title: string }>).map((a) => a.title));
        });
        db.close();
        return titles.includes('Night trams return after repairs');
      }), { timeout: 20_000 })
      .toBe(true);
    await cdp.detach();

    // And the page lists it.
    await page.goto(`${baseURL}/section/Transport`);
    await expect(page.getByRole('link', { name: 'Night trams return after repairs' })).toBeVisible({ timeout: 20_000 });
  } finally {
    await context.dispose();
  }
});
