// Protects the promise of the app: the first visit shows the sample edition under a service worker,
// and offline a reload still shows the list and whole articles, deep links work, and the app is installable.
import { expect, test, type Page } from '@playwright/test';
import { launchProfile, settleOffline } from './launch';

async function waitForEdition(page: Page) {
  // The first sync stores the sample edition; the home list then fills in.
  await expect(page.locator('[data-testid="story-list"] article').first()).toBeVisible();
  await expect.poll(() => page.locator('[data-testid="story-list"] article').count()).toBeGreaterThanOrEqual(12);
}

test('reads the sample edition online, then offline after a reload, with deep links', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await waitForEdition(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Latest' })).toBeVisible();
    // clientsClaim: the first visit is already controlled, so precaching is complete.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });

    // Installability is judged on this same profile (non-incognito).
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    // A live CDP session keeps Playwright's offline emulation from reaching navigator.onLine.
    await cdp.detach();

    // The first sync has stored the edition and its time.
    await expect(page.getByTestId('sync-status')).toContainText(/synced/i, { timeout: 20_000 });
    await context.setOffline(true);
    await page.reload();
    await settleOffline(context, page);
    await waitForEdition(page);
    // The banner says when the last sync was; the sync line would only say it again.
    await expect(page.getByTestId('offline-banner')).toContainText(/last synced/);
    await expect(page.getByTestId('sync-status')).toHaveCount(0);

    // Open the lead story offline.
    const lead = page.locator('[data-testid="story-list"] article').first();
    const title = (await lead.locator('.card__title').innerText()).trim();
    await lead.locator('.card__title a').click();
    const article = page.getByTestId('article');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(article.getByTestId('published')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
    await expect(article.getByTestId('read-time')).toHaveText(/^\d+ min read$/);
    const body = article.getByTestId('article-body');
    await expect(body.locator('p').first()).toBeVisible();
    expect((await body.innerText()).split(/\s+/).length).toBeGreaterThan(100);
    // Links to related and same-section stories, each leading to a stored article.
    await expect(page.getByTestId('related').locator('a').first()).toBeVisible();
    await expect(page.getByTestId('latest-in-section').locator('a').first()).toBeVisible();
    await expect(page.getByTestId('dont-miss').locator('a').first()).toBeVisible();
    await expect(page.getByTestId('story-nav').getByText('Next story')).toBeVisible();
    const articleUrl = page.url();

    // Follow a related story offline.
    const relatedTitle = (await page.getByTestId('related').locator('li > a').first().innerText()).trim();
    await page.getByTestId('related').locator('li > a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(relatedTitle);

    // A deep link opened in a new tab while offline renders from the worker and IndexedDB.
    const tab = await context.newPage();
    await tab.goto(articleUrl);
    await expect(tab.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(tab.getByTestId('article-body').locator('p').first()).toBeVisible();

    // A section page, deep-linked offline.
    const sectionTab = await context.newPage();
    await sectionTab.goto(`${baseURL}/section/Science`);
    await expect(sectionTab.getByRole('heading', { level: 1, name: 'Science' })).toBeVisible();
    await expect(sectionTab.locator('[data-testid="story-list"] article').first()).toBeVisible();
  } finally {
    await context.dispose();
  }
});

test('a second visit syncs nothing new and keeps saved stories', async ({ baseURL }) => {
  const context = await launchProfile({ width: 1280, height: 800 });
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await waitForEdition(page);
    await page.locator('[data-testid="story-list"] article .card__title a').first().click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');
    const count = async () => page.evaluate(async () => {
      const open = indexedDB.open('broadsheet');
      const db: IDBDatabase = await new Promise((res, rej) => ((open.onsuccess = () => res(open.result)), (open.onerror = rej)));
      const n: number = await new Promise((res) => {
        const r = db.transaction('articles').objectStore('articles').count();
        r.onsuccess = () => res(r.result);
      });
      db.close();
      return n;
    });
    const before = await count();
    await page.getByRole('button', { name: /Refresh/ }).click();
    await expect(page.getByText(/No new stories/)).toBeVisible();
    expect(await count()).toBe(before);
    await page.goto(`${baseURL}/saved`);
    await expect(page.locator('[data-testid="story-list"] article')).toHaveCount(1);
  } finally {
    await context.dispose();
  }
});
