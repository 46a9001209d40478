// Protects readers across an app update: version A is used (a story saved, one read, a reading
// position), then version B — a new service worker AND a schema upgrade (v4, built in only with
// VITE_SCHEMA_TEST_BUMP, see src/storage/migrations.ts) — is deployed on the same origin. The open
// page keeps working under the old worker while B waits, the reader is asked to reload, and after
// "Reload" the page runs B on the upgraded database with everything the reader did still there.
// Other tabs still on A let go of the database, ask to be reloaded, and, if the reader opens a story
// there anyway, load it with B rather than fail on A's missing files.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { PreviewServer } from 'vite';
import { buildVersion, buildsFolder, serveBuild } from './fixtures/sw-update-app';
import { launchProfile } from './launch';

const port = Number(process.env.E2E_SW_UPDATE_PORT ?? 4193);
const base = `http://127.0.0.1:${port}`;
// Made in beforeAll, not at load: Playwright also loads this file in processes that never run hooks.
let folder: ReturnType<typeof buildsFolder> | null = null;
let dirA = '';
let dirB = '';
let server: PreviewServer | null = null;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  folder = buildsFolder();
  dirA = join(folder.dir, 'a');
  dirB = join(folder.dir, 'b');
  await buildVersion(dirA);
  await buildVersion(dirB, { VITE_SCHEMA_TEST_BUMP: '1' });
});

test.afterAll(async () => {
  await server?.close();
  folder?.remove();
});

/** The reader's data straight from IndexedDB (the connection is closed at once, so it blocks no upgrade). */
function readStore(page: Page) {
  return page.evaluate(async () => {
    const open = indexedDB.open('broadsheet');
    const db: IDBDatabase = await new Promise((res, rej) => ((open.onsuccess = () => res(open.result)), (open.onerror = () => rej(open.error))));
    try {
      const all = <T,>(store: string): Promise<T[]> =>
        new Promise((res, rej) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => res(r.result as T[]);
          r.onerror = () => rej(r.error);
        });
      type State = { articleId: string; read: boolean; saved: boolean; progress: unknown };
      return {
        version: db.version,
        articleIndexes: [...db.transaction('articles').objectStore('articles').indexNames].sort(),
        articleIds: (await all<{ id: string }>('articles')).map((a) => a.id).sort(),
        states: await all<State>('readingState'),
        sources: (await all<{ id: string; url: string; title: string; kind: string }>('sources')).map(({ id, url, title, kind }) => ({ id, url, title, kind })),
      };
    } finally {
      db.close();
    }
  });
}

async function waitForEdition(page: Page) {
  await expect.poll(() => page.locator('[data-testid="story-list"] article').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(12);
}

const articleIdOf = (page: Page) => decodeURIComponent(new URL(page.url()).pathname.replace(/^\/article\//, ''));
const entryScript = (page: Page) =>
  page.evaluate(() => document.querySelector('script[type="module"][src]')?.getAttribute('src') ?? null).catch(() => null);

test('an update with a schema change is offered, applied on Reload, and keeps everything', async () => {
  test.setTimeout(180_000);
  server = await serveBuild(dirA, port);
  const context = await launchProfile({ width: 1280, height: 800 });
  const pageErrors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));

    // Version A: first visit, under its service worker.
    await page.goto(`${base}/`);
    await waitForEdition(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
    const scriptA = await entryScript(page);
    const cards = page.locator('[data-testid="story-list"] article .card__title a');

    // Save the lead story.
    await cards.nth(0).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');
    const savedId = articleIdOf(page);
    const savedTitle = (await page.getByRole('heading', { level: 1 }).innerText()).trim();

    // Mark the second story read.
    await page.goto(`${base}/`);
    await cards.nth(1).click();
    await page.getByRole('button', { name: 'Mark read' }).click();
    await expect(page.getByRole('button', { name: 'Mark unread' })).toBeVisible();
    const readId = articleIdOf(page);

    // Leave a reading position in the long feature.
    await page.goto(`${base}/section/Climate`);
    await page.getByRole('link', { name: /Forty closures and counting/ }).click();
    await page.getByTestId('article-body').locator('p').nth(12).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 40));
    const progressId = articleIdOf(page);
    await expect
      .poll(async () => (await readStore(page)).states.find((s) => s.articleId === progressId)?.progress ?? null, { timeout: 10_000 })
      .not.toBeNull();
    await page.goto(`${base}/`);
    await waitForEdition(page);

    const before = await readStore(page);
    expect(before.version).toBe(3);
    const tracked = (states: typeof before.states) =>
      [savedId, readId, progressId].map((id) => states.find((s) => s.articleId === id));
    expect(tracked(before.states)).toMatchObject([{ saved: true }, { read: true }, { progress: { paragraph: expect.any(Number) } }]);

    // Two more tabs of version A stay open through the update.
    const openTab = async (label: string) => {
      const tab = await context.newPage();
      tab.on('pageerror', (err) => pageErrors.push(`${label}: ${err.message}`));
      await tab.goto(`${base}/`);
      await waitForEdition(tab);
      return tab;
    };
    const other = await openTab('other tab');
    const stale = await openTab('stale tab');

    // Deploy version B on the same origin.
    await server.close();
    server = await serveBuild(dirB, port);

    // The next load (still served by A's worker) finds B's worker, which installs and waits.
    await page.reload();
    await waitForEdition(page);
    const toast = page.getByTestId('update-toast');
    await expect(toast).toBeVisible({ timeout: 30_000 });
    await expect(toast).toContainText('A new version is ready');
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

    // No mix: while B waits, the old page still works — it opens a story it has not opened before
    // (a lazily loaded route chunk of A, served from A's precache), and the database is untouched.
    await cards.nth(3).click();
    await expect(page.getByTestId('article-body').locator('p').first()).toBeVisible();
    await expect(page.getByTestId('read-time')).toHaveText(/^\d+ min read$/);
    expect((await readStore(page)).version).toBe(3);
    await expect(toast).toBeVisible();

    // Reload: B takes over, the page reloads into B and upgrades the database.
    await toast.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => entryScript(page), { timeout: 30_000 }).not.toBe(scriptA);
    await expect.poll(async () => (await readStore(page).catch(() => null))?.version ?? 0, { timeout: 20_000 }).toBe(4);
    expect(await entryScript(page)).not.toBeNull();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    await expect(page.getByTestId('update-toast')).toHaveCount(0);
    await expect(page.getByTestId('article-body').locator('p').first()).toBeVisible();

    const after = await readStore(page);
    expect(after.articleIndexes).toContain('by-fetched'); // B's test-only v4 step ran
    expect(after.articleIndexes).toEqual(expect.arrayContaining(before.articleIndexes));
    expect(after.articleIds).toEqual(expect.arrayContaining(before.articleIds));
    expect(after.sources).toEqual(before.sources);
    expect(tracked(after.states)).toEqual(tracked(before.states));

    // The other tabs, still running A, let go of the database for B's upgrade and ask to reload.
    const banner = other.getByTestId('db-reload-toast');
    await expect(banner).toContainText('updated in another tab');
    await expect(stale.getByTestId('db-reload-toast')).toBeVisible();
    // Its Reload brings it to B.
    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => entryScript(other), { timeout: 20_000 }).not.toBe(scriptA);
    await waitForEdition(other);
    await expect(other.getByTestId('db-reload-toast')).toHaveCount(0);
    // A's route files are gone (B's worker dropped them, the server has B's): opening a story in a
    // tab that ignores the banner loads that story with B instead of failing.
    const staleTitle = (await stale.locator('[data-testid="story-list"] article .card__title').nth(2).innerText()).trim();
    await stale.locator('[data-testid="story-list"] article .card__title a').nth(2).click();
    await expect(stale.getByRole('heading', { level: 1 })).toHaveText(staleTitle, { timeout: 20_000 });
    await expect(stale.getByTestId('article-body').locator('p').first()).toBeVisible();
    expect(await entryScript(stale)).not.toBe(scriptA);

    // And the reader sees it: the saved list, from B's code on the v4 database.
    await page.goto(`${base}/saved`);
    await expect(page.locator('[data-testid="story-list"] article')).toHaveCount(1);
    await expect(page.locator('[data-testid="story-list"] article .card__title')).toHaveText(savedTitle);
    await expect(page.getByTestId('db-reload-toast')).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  } finally {
    await context.dispose();
  }
});
