// Protects the daily reading experience: the reading position (anchor paragraph, not a percentage)
// comes back after an offline reload, "Continue reading" (home and the /continue shortcut) offers it,
// and text settings apply and persist.
import { expect, test, type Page } from '@playwright/test';
import { launchProfile, settleOffline } from './launch';

/** The start of the first body paragraph still on screen: where the reader is. */
function firstParagraphOnScreen(page: Page): Promise<string> {
  return page.evaluate(() => {
    const ps = [...document.querySelectorAll('[data-testid="article-body"] p')];
    return ps.find((p) => p.getBoundingClientRect().bottom > 0)?.textContent?.slice(0, 60) ?? '';
  });
}

/** Opens the section's long feature, once the service worker controls the page (so a reload works offline). */
async function openLongFeature(page: Page, baseURL: string | undefined): Promise<void> {
  await page.goto(`${baseURL}/section/Climate`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByRole('link', { name: /Forty closures and counting/ }).click();
  await expect(page.getByTestId('article-body').locator('p').first()).toBeVisible();
}

test('reading progress is restored after an offline reload, and offered on home', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    await openLongFeature(page, baseURL);
    const body = page.getByTestId('article-body');
    const target = body.locator('p').nth(12);
    await target.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 40));
    await expect(page.getByTestId('time-left')).toHaveText(/\d+ min left/);
    await page.waitForTimeout(1200); // the position is written after a short pause in scrolling
    const topParagraph = () => firstParagraphOnScreen(page);
    const text = await topParagraph();
    expect(text.length).toBeGreaterThan(20);

    await context.setOffline(true);
    await page.reload();
    await settleOffline(context, page);
    await expect(body.locator('p').first()).toBeVisible();
    // The paragraph we were reading is at the top of the screen again.
    await expect.poll(topParagraph).toBe(text);

    await page.goto(`${baseURL}/`);
    await expect(page.getByTestId('continue-reading').getByRole('link', { name: /Forty closures and counting/ })).toBeVisible();
  } finally {
    await context.dispose();
  }
});

test('a position is kept when the page is reloaded right after a scroll', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    await openLongFeature(page, baseURL);
    const body = page.getByTestId('article-body');
    await body.locator('p').nth(9).scrollIntoViewIfNeeded();
    const scrolledAt = await page.evaluate(() => (window.scrollBy(0, 40), performance.now()));
    // One frame for the page to see where the reader is, then reload at once: well inside the pause
    // after which a position is written, so only the write made as the page goes away can keep it.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    const topParagraph = () => firstParagraphOnScreen(page);
    const text = await topParagraph();
    expect(text.length).toBeGreaterThan(20);
    // Still inside the 0.8 s pause, or this test would not be testing the write on the way out.
    expect(await page.evaluate((t) => performance.now() - t, scrolledAt)).toBeLessThan(700);
    await page.reload();
    await expect(body.locator('p').first()).toBeVisible();
    await expect.poll(topParagraph).toBe(text);
  } finally {
    await context.dispose();
  }
});

test('time spent reading is kept when the tab is reloaded or closed on the story', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    const started = Date.now();
    await openLongFeature(page, baseURL);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    // A few seconds of reading (scrolling counts as activity), then the page goes away.
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(500);
    }
    await page.reload();
    const elapsed = Date.now() - started;
    await expect(page.getByTestId('article-body')).toBeVisible();
    const spent = () =>
      page.evaluate(
        (articleId) =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('broadsheet');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('readingState').objectStore('readingState').get(articleId);
              get.onsuccess = () => resolve(get.result?.timeSpentMs ?? 0);
              get.onerror = () => reject(get.error);
            };
          }),
        id,
      );
    await expect.poll(spent).toBeGreaterThanOrEqual(2_000);
    // Noted once, though the page was both hidden and unloaded.
    expect(await spent()).toBeLessThanOrEqual(elapsed);
  } finally {
    await context.dispose();
  }
});

test('History says how long the reader has spent reading (stories finished or not), once it is a minute or more', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await page.waitForFunction(() => performance.getEntriesByName('sync-indexed').length > 0);
    const record = (entries: Array<[number, number]>) =>
      page.evaluate(
        (list) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('broadsheet');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction(['articles', 'readingState'], 'readwrite');
              const keys = tx.objectStore('articles').getAllKeys();
              keys.onsuccess = () => {
                for (const [index, ms] of list) {
                  const articleId = keys.result[index] as string;
                  tx.objectStore('readingState').put({ articleId, read: false, readAt: null, saved: false, savedAt: null, progress: null, timeSpentMs: ms, updatedAt: Date.now() });
                }
              };
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            };
          }),
        entries,
      );
    await record([[0, 40_000]]);
    await page.goto(`${baseURL}/history`);
    await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
    // Under a minute in all: no line yet.
    await expect(page.getByTestId('reading-time')).toHaveCount(0);
    await record([[0, 40_000], [1, 62 * 60_000 + 30_000]]);
    await page.reload();
    await expect(page.getByTestId('reading-time')).toHaveText('You have spent 1 hour 3 minutes reading in Broadsheet.');
  } finally {
    await context.dispose();
  }
});

test('Back from a link near the end of a finished story returns to the place of the link', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    await openLongFeature(page, baseURL);
    const link = page.getByTestId('article-body').getByRole('link', { name: 'High Water: 1961 and After' });
    await link.evaluate((a) => a.scrollIntoView({ block: 'start' }));
    // Near the end: the story counts as finished (marked read), which on a fresh visit opens it at the top.
    await expect(page.getByTestId('time-left')).toHaveText('Finished');
    await expect(page.locator('[data-action="read"]')).toHaveAttribute('aria-pressed', 'true');
    // Then the link comes out from under the sticky header: Playwright's click scrolls a covered link
    // into view itself, and the place left from would not be the one measured here.
    await page.evaluate(() => window.scrollBy(0, -250));
    await expect(link).toBeInViewport({ ratio: 1 });
    const topParagraph = () => firstParagraphOnScreen(page);
    const text = await topParagraph();
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: /High Water/ })).toBeVisible();
    await page.goBack();
    await expect(link).toBeVisible();
    await expect.poll(topParagraph).toBe(text);
    await expect(link).toBeInViewport();
  } finally {
    await context.dispose();
  }
});

test('the Continue reading shortcut (/continue) opens the story being read, where the reader stopped', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    await openLongFeature(page, baseURL);
    await page.getByTestId('article-body').locator('p').nth(6).scrollIntoViewIfNeeded();
    await page.waitForTimeout(1200); // the position is written after a short pause in scrolling
    const text = await firstParagraphOnScreen(page);
    // Launched straight from the home-screen shortcut: the app's remembered home screen predates
    // this story's position (it once sent the reader home, before storage had said which story).
    await page.goto(`${baseURL}/continue`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Forty closures and counting/);
    await expect.poll(() => firstParagraphOnScreen(page)).toBe(text);
  } finally {
    await context.dispose();
  }
});

test('theme and font settings apply at once and persist', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/settings`);
    await page.getByLabel('Dark').check();
    await page.getByLabel('Sans serif').check();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await expect(page.getByTestId('font-size')).toHaveText('115%');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(html).toHaveAttribute('data-font', 'sans');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bg()).toBe('rgb(18, 20, 23)');

    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await page.goto(`${baseURL}/`);
    await page.locator('[data-testid="story-list"] article .card__title a').first().click();
    const size = await page.getByTestId('article-body').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeCloseTo(18.4 * 1.15, 0);
    const family = await page.getByTestId('article-body').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(family).toContain('system-ui');
    await page.goto(`${baseURL}/settings`);
    await page.getByLabel('Sepia').check();
    expect(await bg()).toBe('rgb(244, 236, 216)');
  } finally {
    await context.dispose();
  }
});
