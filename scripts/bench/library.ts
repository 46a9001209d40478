// library10k: the app with 10,000 stored stories (the profile the 10,000 ingest filled). Time to the home
// list on a reload, related-stories and search latency as the app itself measures them (User Timing
// measures around each index query), heap of the page plus its workers, and IndexedDB size.
import type { Page } from 'playwright';
import type { Profile } from './browser';
import { progress } from './log';
import type { HeapFigure, PageCdp } from './page-cdp';
import { listVisibleTime, measureDurations, LONG_WAIT_MS } from './page-helpers';
import { median, percentile } from './stats';

/** The library10k figures; p95s are null when the app recorded no measures. */
export interface LibraryFigures {
  listVisibleMs: number;
  relatedP95Ms: number | null;
  searchP95Ms: number | null;
  /** The search page's first answer, in ms since that page was opened (a new engine worker loads the indexes first); null without a measure. */
  firstSearchMs: number | null;
  heapMB: number;
  idbBytes: number;
  samples: { list: number[]; related: number[]; search: number[] };
  heap: HeapFigure[];
  /** 'indexedDB' when the browser itemises usage, else 'total usage'. */
  idbSource: string;
}

const RELOADS = 5;
const NEXT_CLICKS = 60;
/** The warm-up query may wait for the index to load or build (slow when throttled): if no measure comes in this time, the app does not measure. */
const WARM_UP_WAIT_MS = 30_000;
/** One measured query's wait for its measure; a query that takes longer is simply counted without one. */
const MEASURE_WAIT_MS = 15_000;

/** Waits until there are more than `before` measures called `name`; false if none came in time. */
async function nextMeasure(page: Page, name: string, before: number, timeout: number): Promise<boolean> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if ((await page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, name)) > before) return true;
    await page.waitForTimeout(20);
  }
  return false;
}

async function measureCount(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, name);
}

/** Median time to the home list over reloads (the first visit to "/" is a warm-up). */
async function reloadList(page: Page, origin: string): Promise<number[]> {
  await page.goto(`${origin}/`);
  await listVisibleTime(page);
  const out: number[] = [];
  for (let i = 0; i < RELOADS; i++) {
    await page.reload();
    out.push(await listVisibleTime(page));
  }
  return out;
}

/** Opens the first story of the home list, then pages with "Next story", collecting 'related-query' measures. */
async function pageThroughStories(page: Page): Promise<number[] | null> {
  await page.locator('main a[href^="/article/"]').first().click();
  const headline = page.locator('[data-testid="article"] h1');
  await headline.waitFor({ timeout: LONG_WAIT_MS });
  // The first open is a warm-up (it may build or load the index); measure the pages after it.
  const measured = await nextMeasure(page, 'related-query', 0, WARM_UP_WAIT_MS);
  await page.evaluate(() => performance.clearMeasures('related-query'));
  for (let i = 0; i < NEXT_CLICKS; i++) {
    const next = page.locator('[data-testid="story-nav"] a[rel="next"]');
    const href = await next.getAttribute('href', { timeout: LONG_WAIT_MS });
    if (!href) throw new Error('related: no "Next story" link');
    const title = ((await next.locator('.story-nav__title').textContent().catch(() => null)) ?? '').trim();
    const before = await measureCount(page, 'related-query');
    await next.click();
    await page.waitForURL((u) => u.pathname + u.search === href, { timeout: LONG_WAIT_MS });
    if (title) await page.locator('[data-testid="article"] h1', { hasText: title }).first().waitFor({ timeout: LONG_WAIT_MS });
    if (measured) await nextMeasure(page, 'related-query', before, MEASURE_WAIT_MS);
  }
  return measured ? measureDurations(page, 'related-query') : null;
}

/** Types each query into the search box (one input event each), collecting 'search-query' measures. */
async function searchAll(page: Page, origin: string, queries: readonly string[]): Promise<{ samples: number[] | null; firstMs: number | null }> {
  await page.goto(`${origin}/search`);
  const input = page.locator('#search-input');
  await input.waitFor({ timeout: LONG_WAIT_MS });
  const results = page.locator('[data-testid="search-results"]');
  const waitForAnswer = async (q: string, before: number, wait: number | null) => {
    await page.waitForURL((u) => u.searchParams.get('q') === q, { timeout: LONG_WAIT_MS });
    if (wait !== null && (await nextMeasure(page, 'search-query', before, wait))) return true;
    // Without a measure, at least wait until the results (or "No stories match") are drawn.
    await results.locator('.search-results, .empty').first().waitFor({ timeout: LONG_WAIT_MS });
    return false;
  };
  // A warm-up query (the first may wait for the index), not counted.
  const warm = `${queries[0]}x`;
  await input.fill(warm);
  const measured = await waitForAnswer(warm, 0, WARM_UP_WAIT_MS);
  // Its answer's time since the page opened: how long a reader who opens search at once waits for a first answer.
  const firstMs = measured ? await page.evaluate(() => {
    const m = performance.getEntriesByName('search-query', 'measure')[0];
    return m ? m.startTime + m.duration : null;
  }) : null;
  await page.evaluate(() => performance.clearMeasures('search-query'));
  for (const q of queries) {
    const before = await measureCount(page, 'search-query');
    await input.fill(q);
    await waitForAnswer(q, before, measured ? MEASURE_WAIT_MS : null);
  }
  return { samples: measured ? await measureDurations(page, 'search-query') : null, firstMs };
}

/** IndexedDB bytes as the browser estimates them. */
async function idbUsage(page: Page): Promise<{ bytes: number; source: string }> {
  return page.evaluate(async () => {
    const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
    const idb = estimate.usageDetails?.indexedDB;
    return idb !== undefined ? { bytes: idb, source: 'indexedDB' } : { bytes: estimate.usage ?? 0, source: 'total usage' };
  });
}

/** Measures the library figures on an open profile (call again under throttling for the throttled set). */
export async function library(profile: Profile, cdp: PageCdp, origin: string, queries: readonly string[], label = ''): Promise<LibraryFigures> {
  const { page } = profile;
  const list = await reloadList(page, origin);
  progress(`library${label}: list visible ${median(list).toFixed(0)} ms (median of ${list.length} reloads)`);
  const related = await pageThroughStories(page);
  progress(`library${label}: ${related ? `${related.length} related measures` : 'no related-query measures'}`);
  const { samples: search, firstMs } = await searchAll(page, origin, queries);
  progress(`library${label}: ${search ? `${search.length} search measures` : 'no search-query measures'}`);
  const heap = await cdp.heapAfterGc();
  const idb = await idbUsage(page);
  return {
    listVisibleMs: median(list),
    relatedP95Ms: related && related.length ? percentile(related, 95) : null,
    searchP95Ms: search && search.length ? percentile(search, 95) : null,
    firstSearchMs: firstMs,
    heapMB: heap.reduce((s, h) => s + h.usedBytes + h.arrayBufferBytes, 0) / 1048576,
    idbBytes: idb.bytes,
    samples: { list, related: related ?? [], search: search ?? [] },
    heap,
    idbSource: idb.source,
  };
}
