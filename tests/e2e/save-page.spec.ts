// Protects "save this URL": saved offline it waits as pending, and is extracted and stored once online;
// the stored copy is the article without the page's navigation, and it reads offline.
import { expect, test } from '@playwright/test';
import { launchProfile, settleOffline } from './launch';
import { startFeedServer, type FeedServer } from './fixtures/feed-server';

let server: FeedServer;
test.beforeAll(async () => {
  server = await startFeedServer();
});
test.afterAll(async () => {
  await server.close();
});

test('a URL saved while offline is pending, then saved once online', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await expect(page.locator('[data-testid="story-list"] article').first()).toBeVisible();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await context.setOffline(true);
    await page.goto(`${baseURL}/save`);
    await settleOffline(context, page);
    const url = `${server.url}/articles/lighthouse.html`;
    await page.getByLabel('Page address').fill(url);
    await page.getByRole('button', { name: 'Save page' }).click();
    await expect(page.getByTestId('save-status')).toContainText('will be saved when the network returns');
    await expect(page.getByTestId('pending-list')).toContainText(url);
    await page.reload();
    await settleOffline(context, page);
    await expect(page.getByTestId('pending-list')).toContainText(url);

    await context.setOffline(false);
    await expect(page.getByTestId('pending-list')).toHaveCount(0, { timeout: 20_000 });
    await page.goto(`${baseURL}/saved`);
    await page.getByRole('link', { name: 'Lighthouse keeper retires after forty years' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lighthouse keeper retires after forty years');
    const body = page.getByTestId('article-body');
    await expect(body).toContainText('Lighthouse paragraph 8');
    await expect(body).not.toContainText('Home | About | Contact');
    await expect(page.getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');

    // Shared to the app (Web Share Target): /save?text=… saves at once.
    await page.goto(`${baseURL}/save?title=x&text=${encodeURIComponent(`Look at this ${url}`)}`);
    await expect(page.getByTestId('save-status')).toContainText('Saved:');
  } finally {
    await context.dispose();
  }
});
