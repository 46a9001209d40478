// Protects forms for keyboard and screen-reader users: the file pickers (Import OPML, Restore from a
// backup) show a focus ring when their hidden input has keyboard focus; Rename moves focus into the
// name field and back to Rename (Save, Cancel, Escape); form errors are alerts tied to an aria-invalid field.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { launchProfile } from './launch';

/** Presses Tab until the element with this id has focus, as a keyboard user reaches it. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

function outline(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const style = getComputedStyle(el);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
}

test('a file picker wears the focus ring when its hidden input has keyboard focus', async ({ baseURL }) => {
  const context = await launchProfile({ width: 1280, height: 800 });
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/sources`);
    await expect(page.getByTestId('source-row').first()).toBeVisible();

    // The ring a real button wears, for comparison.
    const find = page.getByRole('button', { name: 'Find' });
    await tabTo(page, 'source-url');
    await page.keyboard.press('Tab');
    await expect(find).toBeFocused();
    const buttonRing = await outline(find);
    expect(buttonRing).toBe('solid 3px');

    const importLabel = page.locator('label[for="opml-file"]');
    expect(await outline(importLabel)).not.toBe(buttonRing);
    await tabTo(page, 'opml-file');
    expect(await outline(importLabel)).toBe(buttonRing);
    await page.keyboard.press('Shift+Tab');
    expect(await outline(importLabel)).not.toBe(buttonRing);

    await page.getByRole('link', { name: 'Settings' }).click();
    const restoreLabel = page.locator('label[for="backup-file"]');
    await expect(restoreLabel).toBeVisible();
    await tabTo(page, 'backup-file');
    expect(await outline(restoreLabel)).toBe(buttonRing);
  } finally {
    await context.dispose();
  }
});

test('Rename moves focus into the name field and back; Escape cancels', async ({ baseURL }) => {
  const context = await launchProfile({ width: 1280, height: 800 });
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await expect(page.getByTestId('sync-status')).toContainText(/synced/i);
    await page.goto(`${baseURL}/sources`);
    const row = page.getByTestId('source-row').first();
    const title = (await row.getByRole('heading').textContent()) ?? '';
    const rename = row.getByRole('button', { name: 'Rename' });
    const name = row.getByLabel(`New name for ${title}`);

    // Enter on Rename: the field has focus, its text selected so typing replaces it.
    await rename.focus();
    await page.keyboard.press('Enter');
    await expect(name).toBeFocused();
    expect(await name.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, title.length]);

    // Escape cancels: nothing renamed, focus back on Rename.
    await page.keyboard.type('Not kept');
    await page.keyboard.press('Escape');
    await expect(name).toHaveCount(0);
    await expect(row.getByRole('heading')).toHaveText(title);
    await expect(rename).toBeFocused();

    // Cancel by keyboard: back on Rename.
    await page.keyboard.press('Enter');
    await expect(name).toBeFocused();
    await row.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await expect(name).toHaveCount(0);
    await expect(rename).toBeFocused();

    // Saving: the new name shows and focus is back on Rename.
    await page.keyboard.press('Enter');
    await page.keyboard.type('Morning paper');
    await page.keyboard.press('Enter');
    await expect(row.getByRole('heading')).toHaveText('Morning paper');
    await expect(rename).toBeFocused();
  } finally {
    await context.dispose();
  }
});

test('form errors are alerts, linked to a field marked invalid', async ({ baseURL }) => {
  const context = await launchProfile({ width: 1280, height: 800 });
  try {
    const page = await context.newPage();

    // Settings → CORS proxy: the error is an alert; the confirmation stays a status.
    await page.goto(`${baseURL}/settings`);
    const proxy = page.getByLabel('Proxy address');
    const proxySection = page.locator('section[aria-labelledby="proxy-heading"]');
    await proxy.fill('not an address');
    await page.getByRole('button', { name: 'Save proxy' }).click();
    const proxyAlert = proxySection.getByRole('alert');
    await expect(proxyAlert).toContainText('The proxy must be an http(s) address');
    await expect(proxy).toHaveAttribute('aria-invalid', 'true');
    await expect(proxy).toHaveAttribute('aria-describedby', (await proxyAlert.getAttribute('id')) ?? 'missing');
    await proxy.fill('https://proxy.example/?url={url}');
    await page.getByRole('button', { name: 'Save proxy' }).click();
    await expect(proxySection.getByRole('status')).toHaveText('Proxy saved.');
    await expect(proxySection.getByRole('alert')).toHaveCount(0);
    await expect(proxy).not.toHaveAttribute('aria-invalid', /.*/);
    await expect(proxy).not.toHaveAttribute('aria-describedby', /.*/);

    // Sources → Find.
    await page.goto(`${baseURL}/sources`);
    const address = page.getByLabel('Feed or site address');
    await address.fill('not a url');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.getByTestId('find-error')).toHaveText('That is not a web address.');
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await expect(address).toHaveAttribute('aria-describedby', (await page.getByTestId('find-error').getAttribute('id')) ?? 'missing');

    // Sources → a source's limits. The browser's own check stops 0 first, so it is switched off here
    // to reach the app's answer, which a browser without constraint validation would give.
    const row = page.getByTestId('source-row').first();
    await row.locator('summary').click();
    const days = row.getByLabel('Days');
    await days.evaluate((el: HTMLInputElement) => (el.form!.noValidate = true));
    await days.fill('0');
    await row.getByRole('button', { name: 'Save limits' }).click();
    const limitsAlert = row.getByRole('alert');
    await expect(limitsAlert).toHaveText('Keep stories for at least 1 day.');
    await expect(days).toHaveAttribute('aria-invalid', 'true');
    await expect(days).toHaveAttribute('aria-describedby', (await limitsAlert.getAttribute('id')) ?? 'missing');
  } finally {
    await context.dispose();
  }
});
