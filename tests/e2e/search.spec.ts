// Protects offline search: as-you-type prefix matches, ranked and highlighted results, the "/" shortcut,
// and the query kept in the URL across an offline reload.
import { expect, test } from '@playwright/test';
import { launchProfile } from './launch';

test('search as you type, offline, with highlighted results', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await expect(page.locator('[data-testid="story-list"] article').nth(3)).toBeVisible();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);

    await page.keyboard.press('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
    const box = page.getByRole('searchbox', { name: 'Search stored stories' });
    await expect(box).toBeFocused();
    await box.pressSequentially('velodr');
    const results = page.getByTestId('search-results');
    await expect(results.locator('.search-result').first()).toContainText(/velodrome/i);
    await expect(results.locator('.search-result').first().locator('mark').first()).toHaveText(/^velodrome$/i);

    await box.fill('tidal barrier');
    await expect(results.locator('.search-result').first()).toContainText(/barrier/i);
    // Body snippets (cut and marked in the engine worker) show where the story's text matched.
    await expect(results.locator('.search-snippet mark').first()).toHaveText(/^(tidal|barriers?|tidal barriers?)$/i);
    const count = await results.locator('.search-result').count();
    expect(count).toBeGreaterThan(1);

    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Search stored stories' })).toHaveValue('tidal barrier');
    await expect(results.locator('.search-result')).toHaveCount(count);

    await box.fill('zzqxw');
    await expect(results).toContainText('No stories match');
  } finally {
    await context.dispose();
  }
});

test('Back from a result returns to the same place in the results, not to the search box', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseURL}/`);
    await expect(page.locator('[data-testid="story-list"] article').nth(3)).toBeVisible();
    await page.goto(`${baseURL}/search?q=caddon`);
    const results = page.getByTestId('search-results').locator('.search-result');
    await expect(results.nth(5)).toBeVisible();
    const chosen = results.nth(5).locator('h2 a');
    await chosen.evaluate((a) => a.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(200);
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(400);
    await chosen.click();
    await expect(page.getByTestId('article-body')).toBeVisible();
    await page.goBack();
    await expect(chosen).toBeInViewport();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before);
    await expect(page.getByRole('searchbox', { name: 'Search stored stories' })).not.toBeFocused();
    // The result opened has the focus again, so the keyboard goes on from there.
    await expect(chosen).toBeFocused();
  } finally {
    await context.dispose();
  }
});

test('a search opened before the first sync has stored anything shows the results once it has', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    // The very first visit, straight to a search (a shared link, or the Search home-screen shortcut).
    await page.goto(`${baseURL}/search?q=barrier`);
    await expect(page.getByTestId('search-results').locator('.search-result').first()).toContainText(/barrier/i);
  } finally {
    await context.dispose();
  }
});
