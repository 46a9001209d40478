// Protects a reader with Broadsheet open in two tabs: what they do in one (save, read, text settings,
// a source followed) shows in the other at once, and is never undone by the other tab's next change.
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFeedServer } from './fixtures/feed-server';
import { launchProfile } from './launch';

test('saving and reading in one tab shows in the other, without a reload', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const a = await context.newPage();
    await a.goto(`${baseURL}/`);
    const firstCard = a.locator('[data-testid="story-list"] .card__title a').first();
    await expect(firstCard).toBeVisible();
    await a.waitForFunction(() => performance.getEntriesByName('sync-indexed').length > 0);
    const story = await firstCard.getAttribute('href');
    const b = await context.newPage();
    await b.goto(`${baseURL}${story}`);
    await expect(b.getByTestId('article-body')).toBeVisible();
    const unread = a.getByRole('button', { name: /Unread only/ });
    const before = Number(/\((\d+)\)/.exec(await unread.innerText())![1]);

    // B saves and reads the story: A's counts follow; then A unsaves it and B's button follows.
    await b.locator('[data-action="save"]').click();
    await b.locator('[data-action="read"]').click();
    await expect(unread).toHaveText(`Unread only (${before - 1})`);
    await expect(a.locator('[data-testid="story-list"] article').first().locator('.badge', { hasText: 'Saved' })).toBeVisible();
    await a.goto(`${baseURL}${story}`);
    await expect(a.locator('[data-action="save"]')).toHaveAttribute('aria-pressed', 'true');
    await a.locator('[data-action="save"]').click();
    await expect(b.locator('[data-action="save"]')).toHaveAttribute('aria-pressed', 'false');
  } finally {
    await context.dispose();
  }
});

test('text settings changed in one tab apply in the other and survive its next change', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const a = await context.newPage();
    await a.goto(`${baseURL}/settings`);
    const b = await context.newPage();
    await b.goto(`${baseURL}/settings`);
    await expect(a.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(b.getByRole('heading', { level: 1 })).toBeVisible();
    await a.getByLabel('Dark', { exact: true }).check();
    await expect(b.locator('html')).toHaveAttribute('data-theme', 'dark');
    await b.getByLabel('Sans serif', { exact: true }).check();
    await b.reload();
    await expect(b.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(b.locator('html')).toHaveAttribute('data-font', 'sans');
  } finally {
    await context.dispose();
  }
});

test('stories changing in another tab (a restore there) leave the story being read where it is', async ({ baseURL }) => {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-tabs-'));
  const context = await launchProfile();
  try {
    const a = await context.newPage();
    await a.goto(`${baseURL}/section/Climate`);
    await a.getByRole('link', { name: /Forty closures and counting/ }).click();
    const body = a.getByTestId('article-body');
    await body.locator('p').nth(12).scrollIntoViewIfNeeded();
    await a.waitForTimeout(300);
    const at = await a.evaluate(() => window.scrollY);
    await a.evaluate(() => {
      // Anything that blanks the story, even for a frame, is caught.
      (window as unknown as { blanked: number }).blanked = 0;
      new MutationObserver(() => {
        if (!document.querySelector('[data-testid="article-body"]')) (window as unknown as { blanked: number }).blanked++;
      }).observe(document.body, { childList: true, subtree: true });
    });

    // Tab B backs everything up and merges it back: stored stories "changed", and every tab reads them again.
    const b = await context.newPage();
    await b.goto(`${baseURL}/settings`);
    const [download] = await Promise.all([b.waitForEvent('download'), b.getByRole('button', { name: 'Back up everything' }).click()]);
    const file = join(dir, 'backup.json');
    await download.saveAs(file);
    await b.getByLabel('Restore from a backup…').setInputFiles(file);
    await expect(b.getByText(/^Merged /)).toBeVisible();
    await a.waitForTimeout(1000);
    expect(await a.evaluate(() => (window as unknown as { blanked: number }).blanked)).toBe(0);
    expect(Math.abs((await a.evaluate(() => window.scrollY)) - at)).toBeLessThan(5);
  } finally {
    await context.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('stories a source followed in one tab brings are found by search in the other, without a reload', async ({ baseURL }) => {
  const server = await startFeedServer();
  const context = await launchProfile();
  try {
    const a = await context.newPage();
    await a.goto(`${baseURL}/`);
    await a.waitForFunction(() => performance.getEntriesByName('sync-indexed').length > 0);
    await a.goto(`${baseURL}/search`);
    const box = a.getByRole('searchbox', { name: 'Search stored stories' });
    const results = a.getByTestId('search-results');
    await box.fill('docks');
    await expect(results.getByText('No stories match')).toBeVisible();

    const b = await context.newPage();
    await b.goto(`${baseURL}/sources`);
    await b.getByLabel('Feed or site address').fill(`${server.url}/rss.xml`);
    await b.getByRole('button', { name: 'Find' }).click();
    await b.getByRole('button', { name: 'Follow this source' }).click();
    await expect(b.getByTestId('sources-notice')).toHaveText('Added “Fixture Transit News”.');

    // Tab A's engine follows tab B's sync (the index log): a new query finds the new story.
    await expect(async () => {
      await box.fill('');
      await box.fill('docks');
      await expect(results.locator('.search-result').first()).toContainText('Tram line reaches the old docks', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  } finally {
    await context.dispose();
    await server.close();
  }
});
