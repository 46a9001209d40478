// Protects sync under failure, end to end against a local fault server: every faulty source ends with
// its own readable error, no duplicate and no half-stored article, the reader's saved story kept, and
// the good sources synced all the same. Also: going offline mid-sync, and the tab closed mid-sync.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile } from './launch';
import { FAULT_PATHS as P, startFaultServer, type FaultServer } from './fixtures/fault-server';

let server: FaultServer;
let dir: string;
test.beforeEach(async () => {
  server = await startFaultServer();
  dir = mkdtempSync(join(tmpdir(), 'faults-'));
});
test.afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Snapshot {
  sources: Array<{ id: string; url: string; lastError: string | null; lastSyncAt: number | null; status: string; etag: string | null }>;
  articles: Array<{ id: string; sourceId: string; guid: string; title: string; contentHtml: string; plainText: string }>;
  saved: string[];
}

/** Everything sync may have written, read straight from IndexedDB. */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(async () => {
    const open = indexedDB.open('broadsheet');
    const db: IDBDatabase = await new Promise((res, rej) => ((open.onsuccess = () => res(open.result)), (open.onerror = rej)));
    const all = <T,>(store: string): Promise<T[]> =>
      new Promise((res, rej) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => res(r.result as T[]);
        r.onerror = () => rej(r.error);
      });
    const [sources, articles, states] = await Promise.all([
      all<Snapshot['sources'][number]>('sources'),
      all<Snapshot['articles'][number]>('articles'),
      all<{ articleId: string; saved: boolean }>('readingState'),
    ]);
    db.close();
    return {
      sources: sources.map(({ id, url, lastError, lastSyncAt, status, etag }) => ({ id, url, lastError, lastSyncAt, status, etag })),
      articles: articles.map(({ id, sourceId, guid, title, contentHtml, plainText }) => ({ id, sourceId, guid, title, contentHtml, plainText })),
      saved: states.filter((s) => s.saved).map((s) => s.articleId),
    };
  });
}

const source = (snap: Snapshot, path: string) => snap.sources.find((s) => s.url === server.url + path)!;
const articlesOf = (snap: Snapshot, path: string) => snap.articles.filter((a) => a.sourceId === source(snap, path).id);

/** No duplicate and no half-stored article anywhere: unique guids per source, each with a title and a body. */
function expectWholeArticles(snap: Snapshot) {
  for (const s of snap.sources) {
    const guids = snap.articles.filter((a) => a.sourceId === s.id).map((a) => a.guid);
    expect(new Set(guids).size, `duplicates in ${s.url}`).toBe(guids.length);
  }
  for (const a of snap.articles) {
    expect(a.title.trim(), `title of ${a.id}`).not.toBe('');
    expect(a.contentHtml.trim(), `body of ${a.id}`).not.toBe('');
    expect(a.plainText.trim(), `text of ${a.id}`).not.toBe('');
  }
}

/**
 * The old state is whole in `after`: every article of `before` is still there, and the only new ones
 * belong to the changing feed (whose second fetch, in the interrupted sync, may have landed whole).
 */
function expectKept(before: Snapshot, after: Snapshot) {
  const ids = new Set(after.articles.map((a) => a.id));
  expect(before.articles.filter((a) => !ids.has(a.id))).toEqual([]);
  const old = new Set(before.articles.map((a) => a.id));
  const changingId = source(after, P.changing).id;
  expect(after.articles.filter((a) => !old.has(a.id) && a.sourceId !== changingId)).toEqual([]);
}

/** Imports sources through the Sources page's OPML input; the import starts a sync by itself. */
async function importSources(page: Page, paths: string[]) {
  const file = join(dir, `import-${Date.now()}.opml`);
  const outlines = paths.map((p) => `<outline text="Fault ${p}" xmlUrl="${server.url}${p}" type="rss"/>`).join('\n');
  writeFileSync(file, `<?xml version="1.0"?><opml version="2.0"><head><title>faults</title></head><body>\n${outlines}\n</body></opml>`);
  await page.setInputFiles('#opml-file', file);
  await expect(page.getByTestId('sources-notice')).toHaveText(`Imported ${paths.length} ${paths.length === 1 ? 'source' : 'sources'}.`);
}

/** Waits until every listed source was synced after `since` (success or failure) and the sync is over. */
async function waitForSync(page: Page, paths: string[], since: number, timeout = 90_000) {
  await expect
    .poll(async () => {
      const snap = await snapshot(page);
      return paths.filter((p) => !((source(snap, p)?.lastSyncAt ?? 0) > since));
    }, { timeout, intervals: [250, 500, 1000] })
    .toEqual([]);
  await expect(page.getByRole('button', { name: /^Refresh/ })).toBeEnabled({ timeout });
}

/** Opens the Sources page of a fresh app and waits for the first sync (the sample edition) to end. */
async function openSources(context: BrowserContext, baseURL: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseURL}/sources`);
  await expect(page.getByTestId('source-row')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Refresh/ })).toBeEnabled();
  return page;
}

/** Saves one stored article through the article page's Save button. */
async function save(page: Page, baseURL: string, articleId: string) {
  await page.goto(`${baseURL}/article/${encodeURIComponent(articleId)}`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');
}

/** The error shown on the Sources page for one source. */
function shownError(page: Page, path: string) {
  return page.getByTestId('source-row').filter({ hasText: server.url + path }).getByTestId('source-error');
}

/** Adds the changing feed, syncs it, and saves its first story; returns that story's id. */
async function followAndSave(page: Page, baseURL: string): Promise<string> {
  const t0 = Date.now();
  await importSources(page, [P.changing]);
  await waitForSync(page, [P.changing], t0);
  const first = articlesOf(await snapshot(page), P.changing).find((a) => a.guid === 'daily-1')!;
  await save(page, baseURL, first.id);
  await page.goto(`${baseURL}/sources`);
  return first.id;
}

const FAST_FAULTS = [P.reset, P.truncated, P.s500, P.s503Short, P.s503Long, P.s429, P.loop, P.bigLength, P.bigChunked, P.typeHtml, P.typePng, P.html];

test('fast faults: each source shows its own error, nothing half-stored or doubled, the saved story and good sources unharmed', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const context = await launchProfile({ width: 1280, height: 800 });
  try {
    const page = await openSources(context, baseURL!);
    const savedId = await followAndSave(page, baseURL!);

    const t1 = Date.now();
    await importSources(page, [...FAST_FAULTS, P.atom]);
    await waitForSync(page, [...FAST_FAULTS, P.atom], t1);
    const snap = await snapshot(page);
    expectWholeArticles(snap);

    // Each failure in words, on its own source.
    const errors: Record<string, RegExp> = {
      [P.reset]: /^The connection dropped while the site was sending the feed\.$/,
      [P.truncated]: /^This feed is broken: it is not well-formed XML\.$/,
      [P.s500]: /^The site answered 500 Internal Server Error\.$/,
      [P.s503Long]: /^The site answered 503 Service Unavailable and asked us to wait 1 hour\.$/,
      [P.s429]: /^The site answered 429 Too Many Requests and asked us to wait 2 minutes\.$/,
      [P.loop]: /redirect/i,
      [P.bigLength]: /^The feed is too large \(50\.0 MB; the limit is 10\.0 MB\)\.$/,
      [P.bigChunked]: /^The feed is too large \(over 10\.0 MB\)\.$/,
      [P.html]: /^This address is not a feed \(it looks like an HTML page\)\.$/,
    };
    for (const [path, message] of Object.entries(errors)) {
      expect(source(snap, path).lastError, path).toMatch(message);
      expect(source(snap, path).status, path).toBe('error');
      await expect(shownError(page, path), path).toHaveText(message);
      expect(articlesOf(snap, path), path).toHaveLength(0);
    }
    for (const shown of await page.getByTestId('source-error').allInnerTexts()) expect(shown).not.toMatch(/network error|failed to fetch|TypeError/i);

    // Healed or harmless: a short 503 is waited out; a valid feed with a wrong Content-Type still parses.
    for (const path of [P.s503Short, P.typeHtml, P.typePng, P.atom, P.changing]) {
      expect(source(snap, path).lastError, path).toBeNull();
      await expect(shownError(page, path), path).toHaveCount(0);
    }
    expect(articlesOf(snap, P.s503Short)).toHaveLength(2);
    expect(server.count(P.s503Short)).toBe(2);
    expect(articlesOf(snap, P.typeHtml).map((a) => a.title).sort()).toEqual(['Typed HTML: lifeboat crew trains at night', 'Typed HTML: pilots ask for a second tug']);
    expect(articlesOf(snap, P.typePng)).toHaveLength(2);
    expect(articlesOf(snap, P.atom)).toHaveLength(1);

    // Polite: a long Retry-After is not hammered; a blip is retried a bounded number of times.
    expect(server.count(P.s503Long)).toBe(1);
    expect(server.count(P.s429)).toBe(1);
    expect(server.count(P.s500)).toBe(3);
    expect(server.count(P.reset)).toBe(3);
    // The size cap stops reading: far less than the feed's 200 MB crossed the wire.
    expect(server.bigBytesSent.get(P.bigChunked) ?? 0).toBeLessThan(64 * 1024 * 1024);
    // The good feed's second fetch (this sync) was a new edition: its update and new story landed
    // once, and the story the reader saved is still saved, with the new content.
    const daily = articlesOf(snap, P.changing);
    expect(daily.map((a) => a.guid).sort()).toEqual(['daily-1', 'daily-2', 'daily-3']);
    expect(daily.find((a) => a.id === savedId)!.title).toBe('Harbour wall repairs begin (updated)');
    expect(snap.saved).toEqual([savedId]);

    // A second (forced) sync: every fault fails the same way again and adds nothing; nothing doubles.
    const t2 = Date.now();
    await page.getByRole('button', { name: /^Refresh/ }).click();
    await waitForSync(page, [...FAST_FAULTS, P.atom, P.changing], t2);
    const again = await snapshot(page);
    expectWholeArticles(again);
    expect(again.articles.map((a) => a.id).sort()).toEqual(snap.articles.map((a) => a.id).sort());
    expect(again.saved).toEqual([savedId]);
    for (const path of Object.keys(errors)) expect(source(again, path).lastError, path).toMatch(errors[path]!);
    expect(server.count(P.s503Long)).toBe(2);
    await page.goto(`${baseURL}/saved`);
    await expect(page.getByRole('link', { name: 'Harbour wall repairs begin (updated)' })).toBeVisible();
  } finally {
    await context.dispose();
  }
});

test('slow sources: within the limits they sync, beyond them they time out with a clear error and the rest sync', async ({ baseURL }) => {
  test.setTimeout(90_000);
  const context = await launchProfile({ width: 1280, height: 800 });
  try {
    const page = await openSources(context, baseURL!);
    const t0 = Date.now();
    const paths = [P.slowOk, P.slowHeaders, P.slowTrickle, P.atom];
    await importSources(page, paths);
    await waitForSync(page, paths, t0);
    const snap = await snapshot(page);
    expectWholeArticles(snap);
    expect(articlesOf(snap, P.slowOk)).toHaveLength(2);
    expect(articlesOf(snap, P.atom)).toHaveLength(1);
    expect(source(snap, P.slowOk).lastError).toBeNull();
    await expect(shownError(page, P.slowHeaders)).toHaveText('The site did not answer within 20 seconds.');
    await expect(shownError(page, P.slowTrickle)).toHaveText(/^The site was too slow: the feed did not finish arriving within 20 seconds\.$/);
    expect(articlesOf(snap, P.slowHeaders)).toHaveLength(0);
    expect(articlesOf(snap, P.slowTrickle)).toHaveLength(0);
    // A timeout is not retried inside the sync: a slow site would only be slow again.
    expect(server.count(P.slowHeaders)).toBe(1);
    expect(server.count(P.slowTrickle)).toBe(1);
  } finally {
    await context.dispose();
  }
});

test('going offline mid-sync leaves no partial state and says so; the next sync online completes', async ({ baseURL }) => {
  test.setTimeout(90_000);
  const context = await launchProfile({ width: 1280, height: 800 });
  try {
    const page = await openSources(context, baseURL!);
    const savedId = await followAndSave(page, baseURL!);
    const before = await snapshot(page);

    await importSources(page, [P.slowFirst]);
    await expect.poll(() => server.count(P.slowFirst)).toBe(1);
    await context.setOffline(true);
    await expect(page.getByTestId('offline-banner')).toContainText('You are offline.');
    await expect(page.getByRole('button', { name: /^Refresh/ })).toBeEnabled({ timeout: 30_000 });

    const offline = await snapshot(page);
    expectWholeArticles(offline);
    expect(articlesOf(offline, P.slowFirst)).toHaveLength(0);
    expectKept(before, offline);
    expect(offline.saved).toEqual([savedId]);
    // Offline is nobody's fault: no source is marked as failing for it.
    expect(source(offline, P.slowFirst).lastError).toBeNull();
    expect(source(offline, P.changing).lastError).toBeNull();

    // Back online, the `online` trigger syncs; the source that was cut off now lands, once.
    const t1 = Date.now();
    await context.setOffline(false);
    await waitForSync(page, [P.slowFirst], t1);
    const online = await snapshot(page);
    expectWholeArticles(online);
    expect(articlesOf(online, P.slowFirst)).toHaveLength(2);
    expect(source(online, P.slowFirst).lastError).toBeNull();
    expect(online.saved).toEqual([savedId]);
    await expect(page.getByTestId('source-error')).toHaveCount(0);
  } finally {
    await context.dispose();
  }
});

test('the tab closed mid-sync: the reopened app has the old state whole, and the next sync completes without duplicates', async ({ baseURL }) => {
  test.setTimeout(90_000);
  const context = await launchProfile({ width: 1280, height: 800 });
  try {
    const first = await openSources(context, baseURL!);
    const savedId = await followAndSave(first, baseURL!);
    const before = await snapshot(first);

    await importSources(first, [P.slowFirst]);
    await expect.poll(() => server.count(P.slowFirst)).toBe(1);
    await first.close();

    const page = await context.newPage();
    await page.goto(`${baseURL}/sources`);
    const reopened = await snapshot(page);
    expectWholeArticles(reopened);
    expect(articlesOf(reopened, P.slowFirst)).toHaveLength(0);
    expectKept(before, reopened);
    expect(reopened.saved).toEqual([savedId]);
    expect(source(reopened, P.slowFirst)).toMatchObject({ lastError: null, lastSyncAt: null, etag: null });

    const t1 = Date.now();
    await expect(page.getByRole('button', { name: /^Refresh/ })).toBeEnabled({ timeout: 30_000 });
    await page.getByRole('button', { name: /^Refresh/ }).click();
    await waitForSync(page, [P.slowFirst, P.changing], t1);
    const after = await snapshot(page);
    expectWholeArticles(after);
    expect(articlesOf(after, P.slowFirst)).toHaveLength(2);
    expect(articlesOf(after, P.changing).map((a) => a.guid).sort()).toEqual(['daily-1', 'daily-2', 'daily-3']);
    expect(after.saved).toEqual([savedId]);
    await expect(page.getByTestId('source-error')).toHaveCount(0);

    // And once more: a sync with nothing new adds nothing.
    const t2 = Date.now();
    await page.getByRole('button', { name: /^Refresh/ }).click();
    await waitForSync(page, [P.slowFirst, P.changing], t2);
    expect((await snapshot(page)).articles.length).toBe(after.articles.length);
  } finally {
    await context.dispose();
  }
});
