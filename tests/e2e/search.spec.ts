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
