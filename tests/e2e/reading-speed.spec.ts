// Protects the reader's own reading speed: setting it changes every displayed reading time, and it persists.
import { expect, test } from '@playwright/test';
import { launchProfile } from './launch';

test('a slower reading speed set in Settings lengthens read times, after a reload too', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    const firstMeta = page.locator('[data-testid="story-list"] article .meta').first();
    await expect(firstMeta).toContainText('min read');
    const minutes = async () => Number(/(\d+) min read/.exec(await firstMeta.innerText())?.[1]);
    const before = await minutes();

    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('effective-speed')).toHaveText('238 words a minute');
    await page.getByLabel('My speed (words a minute)').fill('100');
    await page.getByRole('button', { name: 'Use this speed' }).click();
    await expect(page.getByTestId('effective-speed')).toHaveText('100 words a minute');

    await page.getByRole('link', { name: 'Latest' }).click();
    await expect.poll(minutes).toBeGreaterThan(before);
    await page.reload();
    await expect(firstMeta).toContainText('min read');
    expect(await minutes()).toBeGreaterThan(before);
  } finally {
    await context.dispose();
  }
});
