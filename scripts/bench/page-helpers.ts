// What the scenarios wait for and read in the app's page: its performance marks, the service worker,
// the sync's progress line and the stored article count.
import type { Page } from 'playwright';

/** Startup of a profile's first page can be slow on a loaded 2-core machine; nothing here should take longer. */
export const LONG_WAIT_MS = 60_000;

/** Waits for the first `name` mark and returns its startTime (ms from navigation start). */
export async function markTime(page: Page, name: string, timeout = LONG_WAIT_MS): Promise<number> {
  // Polled from here every 25 ms rather than with waitForFunction: one short evaluate adds next to no
  // main-thread work to what we time, and a navigation that swaps the document just means "ask again".
  const deadline = Date.now() + timeout;
  for (;;) {
    const at = await page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null, name).catch(() => null);
    if (at !== null) return at;
    if (Date.now() > deadline) throw new Error(`no '${name}' mark within ${timeout / 1000} s on ${page.url()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The app's "first article list on screen" time of the current document. */
export function listVisibleTime(page: Page, timeout = LONG_WAIT_MS): Promise<number> {
  return markTime(page, 'list-visible', timeout);
}

/** Waits until a service worker is active and controls the page (the app sets clientsClaim). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: LONG_WAIT_MS, polling: 100 });
}

/** Whether the status bar shows a sync in progress ("Syncing… n of m sources"). */
export function syncShowing(page: Page): Promise<boolean> {
  return page.evaluate(() => document.querySelector('[data-testid="sync-status"]')?.textContent?.startsWith('Syncing') ?? false);
}

/** Stories stored in IndexedDB (database 'broadsheet', store 'articles'), read from the page. */
export function storedCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('broadsheet');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('articles').objectStore('articles').count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => {
            db.close();
            reject(req.error);
          };
        };
      }),
  );
}

/** Waits until `count` stories are stored and no sync shows progress (the first-run sample sync is over). */
export async function waitForStoredAndIdle(page: Page, count: number, timeout = LONG_WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if ((await storedCount(page)) >= count && !(await syncShowing(page))) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} stored stories and an idle sync (have ${await storedCount(page)})`);
    await page.waitForTimeout(200);
  }
}

/** Durations of every `name` measure of the current document. */
export function measureDurations(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), name);
}

/** The last largest-contentful-paint candidate's startTime, or null if the page reported none. */
export function lastLcp(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        let last: number | null = null;
        const observer = new PerformanceObserver((list) => {
          const entries = list.getEntries();
          if (entries.length) last = entries[entries.length - 1].startTime;
        });
        // buffered: the entries recorded before we asked; they arrive in a callback, hence the short wait.
        observer.observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => {
          const pending = observer.takeRecords();
          if (pending.length) last = pending[pending.length - 1].startTime;
          observer.disconnect();
          resolve(last);
        }, 50);
      }),
  );
}
