// coldOnline: a reader's very first visit, online, on a fresh profile (no service worker, no storage, no
// HTTP cache): time to the first article list, and which scripts it took to get there (bundle figures).
import { launchProfile } from './browser';
import { progress } from './log';
import { listVisibleTime } from './page-helpers';
import { median } from './stats';

/** Per-visit list times, their median, and the first visit's scripts before the list. */
export interface ColdOnline {
  listVisibleMs: number;
  samples: number[];
  /** Same-origin .js paths requested before 'list-visible' on the first of the visits. */
  firstPaintJs: string[];
}

/** Same-origin .js paths whose request started before 'list-visible' (from Resource Timing), sw.js excluded. */
async function scriptsBeforeList(page: import('playwright').Page, listVisibleMs: number): Promise<string[]> {
  const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ name: e.name, startTime: e.startTime })));
  const origin = new URL(page.url()).origin;
  const paths = entries
    .filter((e) => e.startTime <= listVisibleMs)
    .map((e) => new URL(e.name))
    .filter((u) => u.origin === origin && u.pathname.endsWith('.js') && u.pathname !== '/sw.js')
    .map((u) => u.pathname);
  return [...new Set(paths)].sort();
}

/** `runs` first visits to "/", each on its own fresh profile. */
export async function coldOnline(origin: string, runs = 3): Promise<ColdOnline> {
  const samples: number[] = [];
  let firstPaintJs: string[] = [];
  for (let i = 0; i < runs; i++) {
    const profile = await launchProfile();
    try {
      await profile.page.goto(`${origin}/`);
      const ms = await listVisibleTime(profile.page);
      samples.push(ms);
      if (i === 0) firstPaintJs = await scriptsBeforeList(profile.page, ms);
      progress(`cold visit ${i + 1}/${runs}: list visible at ${ms.toFixed(0)} ms`);
    } finally {
      await profile.dispose();
    }
  }
  return { listVisibleMs: median(samples), samples, firstPaintJs };
}
