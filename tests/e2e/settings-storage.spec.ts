// Protects the storage panel: usage is shown, cached images can be cleared, and "delete everything"
// (after confirmation) leaves a fresh app with the sample edition and nothing the reader had.
import { expect, test } from '@playwright/test';
import { launchProfile } from './launch';

test('storage panel shows usage, clears images, and deletes everything after confirmation', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await page.locator('[data-testid="story-list"] article .card__title a').first().click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible();

    await page.goto(`${baseURL}/settings`);
    await expect(page.getByTestId('storage-use')).toContainText(/uses .* of the .* this browser allows/);
    await page.getByRole('button', { name: 'Clear cached images' }).click();
    await expect(page.getByTestId('storage-message')).toContainText(/images cleared|no cached images/);

    // Dismissing the confirmation changes nothing.
    page.once('dialog', (d) => void d.dismiss());
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page.goto(`${baseURL}/saved`);
    await expect(page.locator('[data-testid="story-list"] article')).toHaveCount(1);

    await page.goto(`${baseURL}/settings`);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page.waitForURL(`${baseURL}/`);
    await expect(page.locator('[data-testid="story-list"] article').first()).toBeVisible();
    await page.goto(`${baseURL}/saved`);
    await expect(page.getByText('Nothing saved yet.', { exact: false })).toBeVisible();
  } finally {
    await context.dispose();
  }
});
