// Protects keyboard use: a keyboard-only walk home → article → next story → save → saved list,
// focus on the headline after navigation, the skip link, the "?" shortcuts dialog, and s / m on a list's
// selected story.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { launchProfile } from './launch';

/**
 * Home, once the first sync has stored the edition: the built-in list it replaces is redrawn, which
 * can drop keyboard focus (a known weakness on a first visit, in the stop's note).
 */
async function openSyncedHome(context: BrowserContext, baseURL: string | undefined): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseURL}/`);
  await expect(page.locator('[data-testid="story-list"] article').nth(3)).toBeVisible();
  await page.waitForFunction(() => performance.getEntriesByName('sync-indexed').length > 0);
  return page;
}

test('keyboard-only: home → article → next story → save → saved list', async ({ baseURL }) => {
  const context = await launchProfile({ width: 1280, height: 800 });
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await expect(page.locator('[data-testid="story-list"] article').nth(3)).toBeVisible();

    // The skip link is the first stop and moves focus to the content.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

    // j moves through the stories, Enter opens the chosen one.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const second = page.locator('[data-testid="story-list"] article .card__title a').nth(1);
    await expect(second).toBeFocused();
    const secondTitle = (await second.innerText()).trim();
    await page.keyboard.press('Enter');
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveText(secondTitle);
    await expect(h1).toBeFocused();

    // j opens the next story of the list we came from; the pager said which.
    const nextTitle = (await page.getByTestId('story-nav').locator('.story-nav__next .story-nav__title').innerText()).trim();
    await page.keyboard.press('j');
    await expect(h1).toHaveText(nextTitle);
    await expect(h1).toBeFocused();

    // s saves it.
    await page.keyboard.press('s');
    await expect(page.getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');

    // ? shows the shortcuts; Escape closes them.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // Tab to the Saved link in the masthead and follow it.
    await page.keyboard.press('Home');
    const saved = page.getByRole('link', { name: 'Saved', exact: true });
    for (let i = 0; i < 30 && !(await saved.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
    await expect(saved).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Saved' })).toBeVisible();
    await expect(page.locator('[data-testid="story-list"] article .card__title')).toHaveText([nextTitle]);
  } finally {
    await context.dispose();
  }
});

test('in a list, s and m act on the story j selected, and the card says so', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await openSyncedHome(context, baseURL);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const card = page.locator('[data-testid="story-list"]').first().locator('article').nth(1);
    await expect(card.locator('.card__title a')).toBeFocused();
    const title = (await card.locator('.card__title').innerText()).trim();
    const unread = page.getByRole('button', { name: /Unread only/ });
    const before = Number(/\((\d+)\)/.exec(await unread.innerText())![1]);

    await page.keyboard.press('m');
    await expect(card.locator('.badge', { hasText: 'Read' })).toBeVisible();
    await expect(unread).toHaveText(`Unread only (${before - 1})`);
    await page.keyboard.press('s');
    await expect(card.locator('.badge', { hasText: 'Saved' })).toBeVisible();
    // Focus stays on the story, so the same keys undo.
    await expect(card.locator('.card__title a')).toBeFocused();
    await page.keyboard.press('m');
    await expect(unread).toHaveText(`Unread only (${before})`);

    await page.goto(`${baseURL}/saved`);
    await expect(page.locator('[data-testid="story-list"] article .card__title')).toHaveText([title]);
  } finally {
    await context.dispose();
  }
});

test('under "Unread only", m takes the story out of the list and the next story gets the focus', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await openSyncedHome(context, baseURL);
    await page.getByRole('button', { name: /Unread only/ }).click();
    for (let i = 0; i < 4; i++) await page.keyboard.press('j');
    const links = page.locator('[data-testid="story-list"] .card__title a');
    await expect(links.nth(3)).toBeFocused();
    const marked = (await links.nth(3).innerText()).trim();
    const following = (await links.nth(4).innerText()).trim();

    await page.keyboard.press('m');
    await expect(links.filter({ hasText: marked })).toHaveCount(0);
    // The story that took its place has the focus, so the reader goes on from where they were.
    await expect(page.locator(':focus')).toHaveText(following);
    await page.keyboard.press('j');
    await expect(links.nth(4)).toBeFocused();
  } finally {
    await context.dispose();
  }
});

test('under "Unread only", marking the last story read leaves focus on "all caught up", not on the page', async ({ baseURL }) => {
  const context = await launchProfile();
  try {
    const page = await openSyncedHome(context, baseURL);
    const unread = page.getByRole('button', { name: /Unread only/ });
    await unread.click();
    const links = page.locator('[data-testid="story-list"] .card__title a');
    await page.keyboard.press('j');
    await expect(links.first()).toBeFocused();
    // m on the selected story, again and again: each time the next one takes the focus, until none is left.
    for (let left = Number(/\((\d+)\)/.exec(await unread.innerText())![1]); left > 0; left--) {
      await expect(unread).toHaveText(`Unread only (${left})`);
      await page.keyboard.press('m');
    }
    await expect(page.getByText('You are all caught up.')).toBeFocused();
  } finally {
    await context.dispose();
  }
});
