// Protects backup and restore across devices: what a reader did in one profile (saved, read, their reading speed)
// comes back exactly in a brand-new profile from the exported file, and a corrupted or hostile backup is refused
// with a message while nothing stored changes.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile } from './launch';

const cards = (page: Page) => page.locator('[data-testid="story-list"] article');

async function waitForEdition(page: Page) {
  await expect(cards(page).first()).toBeVisible();
  await expect.poll(() => cards(page).count()).toBeGreaterThanOrEqual(12);
}

/** Everything the reader did, and how much is stored, read straight from IndexedDB. */
function storedState(page: Page) {
  return page.evaluate(async () => {
    const open = indexedDB.open('broadsheet');
    const db: IDBDatabase = await new Promise((res, rej) => ((open.onsuccess = () => res(open.result)), (open.onerror = rej)));
    const ask = <T,>(req: IDBRequest<T>) => new Promise<T>((res, rej) => ((req.onsuccess = () => res(req.result)), (req.onerror = rej)));
    const tx = db.transaction(['articles', 'readingState', 'sources', 'meta', 'outbox']);
    const counts: Record<string, number> = {};
    for (const name of ['articles', 'readingState', 'sources', 'meta', 'outbox']) counts[name] = await ask(tx.objectStore(name).count());
    const readingState = await ask(tx.objectStore('readingState').getAll());
    const keys = await ask(tx.objectStore('meta').getAllKeys());
    const values = await ask(tx.objectStore('meta').getAll());
    db.close();
    return { counts, readingState, meta: Object.fromEntries(keys.map((k, i) => [String(k), values[i]])) };
  });
}

/** The stored state minus the one value a background sync may touch at any moment. */
async function readerData(page: Page) {
  const { meta, ...rest } = await storedState(page);
  const { lastSyncAt: _ignored, ...settings } = meta;
  return { ...rest, settings };
}

async function chooseFile(page: Page, path: string) {
  await page.getByLabel('Restore from a backup…').setInputFiles(path);
}

test('a backup restores reader state exactly in a new profile; corrupted and hostile backups change nothing', async ({ baseURL }) => {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-backup-'));
  const first = await launchProfile({ width: 1280, height: 800 });
  let backupPath = '';
  let savedTitle = '';
  let readId = '';
  try {
    const page = await first.newPage();
    await page.goto(`${baseURL}/`);
    await waitForEdition(page);

    // Read one story and save it.
    savedTitle = (await cards(page).nth(0).locator('.card__title').innerText()).trim();
    await cards(page).nth(0).locator('.card__title a').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(savedTitle);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');

    // Mark another one read.
    await page.goto(`${baseURL}/`);
    await waitForEdition(page);
    readId = (await cards(page).nth(1).getAttribute('data-article-id')) ?? '';
    await cards(page).nth(1).locator('.card__title a').click();
    await page.getByRole('button', { name: 'Mark read' }).click();
    await expect(page.getByRole('button', { name: 'Mark unread' })).toHaveAttribute('aria-pressed', 'true');

    // The reader's own speed.
    await page.goto(`${baseURL}/settings`);
    await page.getByLabel('My speed (words a minute)').fill('150');
    await page.getByRole('button', { name: 'Use this speed' }).click();
    await expect(page.getByTestId('effective-speed')).toHaveText('150 words a minute');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up everything' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^broadsheet-backup-\d{4}-\d\d-\d\d\.json$/);
    backupPath = join(dir, download.suggestedFilename());
    await download.saveAs(backupPath);
    await expect(page.getByTestId('backup-message')).toContainText('Backed up');
  } finally {
    await first.dispose();
  }

  const text = readFileSync(backupPath, 'utf8');
  const backup = JSON.parse(text);
  expect(backup).toMatchObject({ format: 'broadsheet-backup', version: 1 });
  expect(backup.readingState.length).toBeGreaterThanOrEqual(2);

  const second = await launchProfile({ width: 1280, height: 800 });
  try {
    const page = await second.newPage();
    await page.goto(`${baseURL}/`);
    await waitForEdition(page);
    await page.goto(`${baseURL}/settings`);
    await expect(page.getByTestId('effective-speed')).toHaveText('238 words a minute');

    // Replace: the most thorough restore (it asks first).
    await page.getByLabel('Replace everything here').check();
    page.on('dialog', (d) => void d.accept());
    await chooseFile(page, backupPath);
    await expect(page.getByTestId('backup-message')).toContainText('Restored');
    await expect(page.getByTestId('effective-speed')).toHaveText('150 words a minute');

    const restored = await storedState(page);
    const byId = (list: Array<{ articleId: string }>) => [...list].sort((a, b) => (a.articleId < b.articleId ? -1 : 1));
    expect(byId(restored.readingState)).toEqual(byId(backup.readingState));
    for (const entry of backup.meta as Array<{ key: string; value: unknown }>) {
      if (entry.key !== 'lastSyncAt') expect(restored.meta[entry.key]).toEqual(entry.value);
    }

    await page.goto(`${baseURL}/saved`);
    await expect(cards(page)).toHaveCount(1);
    await expect(cards(page).first().locator('.card__title')).toHaveText(savedTitle);
    await page.goto(`${baseURL}/`);
    await waitForEdition(page);
    await expect(page.locator(`article[data-article-id="${readId}"]`).first().getByText("Read", { exact: true })).toBeVisible();

    // Damaged and hostile copies: refused with a message, nothing changes (not even in replace mode).
    await page.goto(`${baseURL}/settings`);
    await page.getByLabel('Replace everything here').check();
    const before = await readerData(page);
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length / 2)));
    await chooseFile(page, truncated);
    await expect(page.getByTestId('backup-message')).toContainText('This backup is damaged');
    await expect(page.getByTestId('backup-message')).toContainText('Nothing was changed.');
    expect(await readerData(page)).toEqual(before);

    const hostile = join(dir, 'hostile.json');
    writeFileSync(hostile, text.replace('"title":', '"__proto__":{"polluted":true},"title":'));
    await chooseFile(page, hostile);
    await expect(page.getByTestId('backup-message')).toContainText('“__proto__”');
    await expect(page.getByTestId('backup-message')).toContainText('Nothing was changed.');
    expect(await readerData(page)).toEqual(before);
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    await expect(page.getByTestId('effective-speed')).toHaveText('150 words a minute');
  } finally {
    await second.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});
