// Protects "bring your own news": adding RSS, Atom, JSON Feed and WordPress sources through the UI, syncing,
// reading them offline, new items without duplicates, 304s adding nothing, per-source errors, OPML round trip;
// and the add box's and each source's words: not a web address / unreachable / CORS, already followed,
// a blank name, "Last tried" for a source that never synced, "1 story for 1 day".
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile, settleOffline } from './launch';
import { startFeedServer, type FeedServer } from './fixtures/feed-server';

let server: FeedServer;
test.beforeAll(async () => {
  server = await startFeedServer();
});
test.afterAll(async () => {
  await server.close();
});

async function addSource(page: Page, url: string, kind: RegExp, title: string) {
  await page.getByLabel('Feed or site address').fill(url);
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByTestId('found-kind')).toHaveText(kind);
  await expect(page.getByTestId('found-title')).toHaveText(title);
  await page.getByRole('button', { name: 'Follow this source' }).click();
  await expect(page.getByTestId('sources-notice')).toHaveText(`Added “${title}”.`);
}

async function storedTitles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const open = indexedDB.open('broadsheet');
    const db: IDBDatabase = await new Promise((res, rej) => ((open.onsuccess = () => res(open.result)), (open.onerror = rej)));
    const all: Array<{ title: string }> = await new Promise((res) => {
      const r = db.transaction('articles').objectStore('articles').getAll();
      r.onsuccess = () => res(r.result);
    });
    db.close();
    return all.map((a) => a.title);
  });
}

test('adds four kinds of source, reads them offline, and picks up a new item once', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const context = await launchProfile({ width: 1280, height: 800 });
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await expect(page.locator('[data-testid="story-list"] article').first()).toBeVisible();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByRole('link', { name: 'Sources' }).click();
    // Only the built-in edition is followed: there is nothing to export, and the page says so.
    const exportOpml = page.getByRole('button', { name: 'Export OPML' });
    await expect(exportOpml).toBeDisabled();
    await expect(page.getByText('Nothing to export yet')).toBeVisible();

    await addSource(page, `${server.url}/rss.xml`, /RSS feed/, 'Fixture Transit News');
    await expect(exportOpml).toBeEnabled();
    await expect(page.getByText('Nothing to export yet')).toHaveCount(0);
    await addSource(page, `${server.url}/news/`, /Atom feed found on the page/, 'Fixture Science Weekly');
    await addSource(page, `${server.url}/feed.json`, /JSON Feed/, 'Fixture Culture Notes');
    await addSource(page, `${server.url}/blog/`, /WordPress site/, 'Fixture Council Blog');
    await expect(page.getByTestId('source-row')).toHaveCount(5);

    const titles = await storedTitles(page);
    for (const t of ['Tram line reaches the old docks', 'Seagrass beds recover in the estuary', 'Harbour choir sings in the boat shed', 'Council budget – part 11']) {
      expect(titles).toContain(t);
    }

    // A second sync: every feed answers 304 and nothing is added.
    const before = server.stats.notModified;
    await page.getByRole('button', { name: /Refresh/ }).click();
    await expect(page.getByText(/No new stories/)).toBeVisible();
    expect(server.stats.notModified).toBeGreaterThan(before);
    expect((await storedTitles(page)).length).toBe(titles.length);

    // Offline: the RSS story opens from storage.
    await context.setOffline(true);
    await page.goto(`${baseURL}/section/Transport`);
    await settleOffline(context, page);
    await page.getByRole('link', { name: 'Tram line reaches the old docks' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tram line reaches the old docks');
    await expect(page.getByTestId('article-body')).toContainText('Tram line reaches the old docks paragraph 4');

    // A new edition is published while we are offline; coming back online syncs by itself (the
    // `online` trigger) and the new item appears once.
    server.publishMore();
    await context.setOffline(false);
    await expect(page.getByText(/1 new story/)).toBeVisible();
    await page.getByRole('button', { name: /Refresh/ }).click();
    await expect(page.getByText(/No new stories/)).toBeVisible();
    const after = await storedTitles(page);
    expect(after.filter((t) => t === 'Night trams return after repairs')).toHaveLength(1);
    expect(new Set(after).size).toBe(after.length);
  } finally {
    await context.dispose();
  }
});

test('broken sources each show their own error while the rest sync; OPML moves sources to a new profile', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'opml-'));
  const opml = join(dir, 'in.opml');
  writeFileSync(
    opml,
    `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
<outline text="Broken 500" xmlUrl="${server.url}/broken/500.xml" type="rss"/>
<outline text="Slow" xmlUrl="${server.url}/broken/slow.xml" type="rss"/>
<outline text="Garbage" xmlUrl="${server.url}/broken/garbage.xml" type="rss"/>
<outline text="Folder"><outline text="Transit" xmlUrl="${server.url}/rss.xml" type="rss"/></outline>
</body></opml>`,
  );
  const first = await launchProfile({ width: 1280, height: 800 });
  let exported = '';
  try {
    const page = await first.newPage();
    await page.goto(`${baseURL}/sources`);
    await expect(page.getByTestId('source-row')).toHaveCount(1);
    await page.setInputFiles('#opml-file', opml);
    await expect(page.getByTestId('sources-notice')).toHaveText('Imported 4 sources.');
    // The slow source times out (20 s); the others do not wait for it.
    await expect(page.getByTestId('source-error')).toHaveCount(3, { timeout: 60_000 });
    const errors = await page.getByTestId('source-error').allInnerTexts();
    expect(errors.some((e) => /500/.test(e))).toBe(true);
    expect(errors.some((e) => /did not answer within/.test(e))).toBe(true);
    expect(errors.some((e) => /not .*feed|not XML|could not be read/i.test(e))).toBe(true);
    expect(await storedTitles(page)).toContain('Tram line reaches the old docks');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export OPML' }).click();
    const file = await (await download).path();
    exported = file ? (await import('node:fs')).readFileSync(file, 'utf8') : '';
    expect(exported).toContain(`${server.url}/rss.xml`);
  } finally {
    await first.dispose();
  }

  const second = await launchProfile({ width: 1280, height: 800 });
  try {
    const page = await second.newPage();
    await page.goto(`${baseURL}/sources`);
    const back = join(dir, 'export.opml');
    writeFileSync(back, exported);
    await page.setInputFiles('#opml-file', back);
    await expect(page.getByTestId('sources-notice')).toHaveText('Imported 4 sources.');
    const urls = await page.locator('.source__url').allInnerTexts();
    for (const path of ['/broken/500.xml', '/broken/slow.xml', '/broken/garbage.xml', '/rss.xml']) {
      expect(urls).toContain(`${server.url}${path}`);
    }
  } finally {
    await second.dispose();
  }
});

test("a source's retention limits are set from its disclosure; zero days is refused", async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await expect(page.getByTestId('sync-status')).toContainText(/synced/i);
    await page.goto(`${baseURL}/sources`);
    const row = page.getByTestId('source-row').first();
    // The form is only in the page while its disclosure is open.
    await expect(row.getByLabel('Days')).toHaveCount(0);
    await row.getByText(/^Keeps 500 stories for 60 days$/).click();
    // Zero days is refused by the form itself: nothing is saved.
    await row.getByLabel('Days').fill('0');
    await row.getByRole('button', { name: 'Save limits' }).click();
    expect(await row.getByLabel('Days').evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(false);
    await expect(page.getByTestId('sources-notice')).toHaveCount(0);
    await row.getByLabel('Days').fill('30');
    await row.getByLabel('Stories').fill('100');
    await row.getByRole('button', { name: 'Save limits' }).click();
    await expect(page.getByTestId('sources-notice')).toContainText('Keeping at most 100 stories for 30 days');
    await expect(row.getByText(/^Keeps 100 stories for 30 days$/)).toBeVisible();
  } finally {
    await context.dispose();
  }
});

test('the add box refuses what is not a web address and tells an unreachable site from a CORS refusal', async ({ baseURL }) => {
  // A site that answers but sends no CORS headers: a browser app may not read it.
  const { createServer } = await import('node:http');
  const refusing = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end('<rss version="2.0"><channel><title>x</title></channel></rss>'));
  await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
  const refusingUrl = `http://127.0.0.1:${(refusing.address() as import('node:net').AddressInfo).port}/feed.xml`;
  const context = await launchProfile({ width: 1280, height: 800 });
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/sources`);
    const find = async (input: string) => {
      await page.getByLabel('Feed or site address').fill(input);
      await page.getByRole('button', { name: 'Find' }).click();
    };
    for (const input of ['not a url', 'ftp://example.com/feed', 'javascript:alert(1)']) {
      await find(input);
      await expect(page.getByTestId('find-error'), input).toHaveText('That is not a web address.');
    }
    await find('https://no-such-host.invalid/feed.xml');
    await expect(page.getByTestId('find-error')).toHaveText('Could not reach no-such-host.invalid. Check the address and your connection.');
    await find(refusingUrl);
    await expect(page.getByTestId('find-error')).toContainText('no CORS permission');
  } finally {
    await context.dispose();
    refusing.closeAllConnections();
    await new Promise((resolve) => refusing.close(resolve));
  }
});

test('following, refollowing, renaming and limits say the right thing', async ({ baseURL }) => {
  const dir = mkdtempSync(join(tmpdir(), 'opml-'));
  const opml = join(dir, 'missing.opml');
  writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><body><outline text="Missing" xmlUrl="${server.url}/missing.xml" type="rss"/></body></opml>`);
  const context = await launchProfile({ width: 1280, height: 800 });
  try {
    const page = await context.newPage();
    const uncaught: string[] = [];
    page.on('pageerror', (err) => uncaught.push(err.message));
    await page.goto(`${baseURL}/sources`);
    const box = page.getByLabel('Feed or site address');

    // Following empties the box; finding the same feed again says it is followed, and the old notice goes.
    await addSource(page, `${server.url}/rss.xml`, /RSS feed/, 'Fixture Transit News');
    await expect(box).toHaveValue('');
    await box.fill(`${server.url}/rss.xml`);
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.getByTestId('already-followed')).toHaveText('You already follow this source as “Fixture Transit News”.');
    await expect(page.getByRole('button', { name: 'Follow this source' })).toHaveCount(0);
    await expect(page.getByTestId('sources-notice')).toHaveCount(0);

    const row = page.getByTestId('source-row').filter({ hasText: `${server.url}/rss.xml` });
    await expect(row.getByText(/^Last synced /)).toBeVisible();

    // A name of only spaces is answered next to the field; the form stays open and nothing is thrown.
    await row.getByRole('button', { name: 'Rename' }).click();
    const name = row.getByLabel('New name for Fixture Transit News');
    await name.fill('   ');
    await row.getByRole('button', { name: 'Save name' }).click();
    await expect(row.getByRole('alert')).toHaveText('A source needs a name.');
    await expect(name).toHaveAttribute('aria-describedby', await row.getByRole('alert').getAttribute('id') ?? 'missing');
    await name.fill('Trams');
    await row.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByRole('heading', { name: 'Trams' })).toBeVisible();
    await expect(row.getByRole('alert')).toHaveCount(0);

    // One story for one day, in the singular.
    await row.getByText(/^Keeps 500 stories for 60 days$/).click();
    await row.getByLabel('Days').fill('1');
    await row.getByLabel('Stories').fill('1');
    await row.getByRole('button', { name: 'Save limits' }).click();
    await expect(row.getByText(/^Keeps 1 story for 1 day$/)).toBeVisible();
    await expect(page.getByTestId('sources-notice')).toContainText('Keeping at most 1 story for 1 day;');

    // A feed that has never synced says when it was tried, not "Last synced".
    await page.setInputFiles('#opml-file', opml);
    const missing = page.getByTestId('source-row').filter({ hasText: `${server.url}/missing.xml` });
    await expect(missing.getByTestId('source-error')).toContainText('404');
    await expect(missing.getByText(/^Last tried /)).toBeVisible();
    await expect(missing.getByText(/Last synced/)).toHaveCount(0);
    expect(uncaught).toEqual([]);
  } finally {
    await context.dispose();
  }
});
