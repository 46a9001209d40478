// Protects accessibility: axe-core (run inside the page) finds no serious or critical violation on
// home, an article, search, sources and settings, in the light and the dark theme.
import { expect, test, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { launchProfile } from './launch';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations, ${scheme} theme`, async ({ baseURL }) => {
    const context = await launchProfile({ width: 390, height: 844 });
    try {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      // The app's CSP refuses injected inline scripts, so axe is loaded as an init script on every page.
      await page.addInitScript({ path: axePath });
      await page.goto(`${baseURL}/`);
      await expect(page.locator('[data-testid="story-list"] article').nth(3)).toBeVisible();
      const found: string[] = [];
      found.push(...(await seriousViolations(page)).map((v) => `home: ${v}`));

      await page.locator('[data-testid="story-list"] article .card__title a').first().click();
      await expect(page.getByTestId('related')).toBeVisible();
      found.push(...(await seriousViolations(page)).map((v) => `article: ${v}`));

      for (const path of ['/search', '/sources', '/settings', '/saved', '/save']) {
        await page.goto(`${baseURL}${path}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
      }
      expect(found).toEqual([]);
    } finally {
      await context.dispose();
    }
  });
}
