// warmOffline: the everyday start of an installed app with no network. The service worker is installed and
// has precached the shell, the sample edition is stored, then the network is cut and the app is opened
// again and again. The same worker also serves a blank page; the ratio of the two times is the app's own
// start-up cost, whatever the machine.
import type { Page } from 'playwright';
import { BLANK_PAGE } from './blank-page-plugin';
import { launchProfile } from './browser';
import { progress } from './log';
import { PageCdp } from './page-cdp';
import { lastLcp, listVisibleTime, waitForServiceWorker, waitForStoredAndIdle } from './page-helpers';
import { median } from './stats';

/** The warmOffline figures (ms), and their samples. */
export interface WarmOffline {
  listVisibleMs: number;
  blankMs: number;
  ratio: number;
  lcpMs: number | null;
  samples: { list: number[]; blank: number[]; lcp: number[] };
  /** Navigations the service worker did not answer (should be 0: then the figure is not "warm offline"). */
  notFromServiceWorker: number;
}

const WARM_UPS = 2;
const RUNS = 10;
const SAMPLE_STORIES = 24;
/** LCP is read after the page has been left alone this long (LCP stops at the first input, and there is none). */
const LCP_SETTLE_MS = 500;

async function open(page: Page, url: string): Promise<boolean> {
  const response = await page.goto(url);
  return response?.fromServiceWorker() ?? false;
}

/** Alternates app and blank navigations (after warm-ups) and reduces them to medians. */
async function measure(page: Page, origin: string, label: string): Promise<WarmOffline> {
  const list: number[] = [];
  const blank: number[] = [];
  const lcp: number[] = [];
  let notFromServiceWorker = 0;
  for (let i = 0; i < WARM_UPS + RUNS; i++) {
    const counted = i >= WARM_UPS;
    if (!(await open(page, `${origin}/`))) notFromServiceWorker++;
    const appMs = await listVisibleTime(page);
    await page.waitForTimeout(LCP_SETTLE_MS);
    const lcpMs = await lastLcp(page);
    if (!(await open(page, `${origin}/${BLANK_PAGE}`))) notFromServiceWorker++;
    const blankMs = await listVisibleTime(page);
    if (counted) {
      list.push(appMs);
      blank.push(blankMs);
      if (lcpMs !== null) lcp.push(lcpMs);
    }
  }
  const listVisibleMs = median(list);
  const blankMs = median(blank);
  progress(`warm offline${label}: list ${listVisibleMs.toFixed(0)} ms, blank ${blankMs.toFixed(0)} ms`);
  return {
    listVisibleMs,
    blankMs,
    ratio: listVisibleMs / blankMs,
    lcpMs: lcp.length ? median(lcp) : null,
    samples: { list, blank, lcp },
    notFromServiceWorker,
  };
}

/** Sets up one installed, offline profile and measures it unthrottled, then with the CPU slowed `rate`×. */
export async function warmOffline(origin: string, rate: number): Promise<{ normal: WarmOffline; throttled: WarmOffline; throttleNote: string }> {
  const { context, page, dispose } = await launchProfile();
  try {
    // Install: first visit, worker active and controlling, the sample edition stored and the sync over.
    await page.goto(`${origin}/`);
    await listVisibleTime(page);
    await waitForServiceWorker(page);
    await waitForStoredAndIdle(page, SAMPLE_STORIES);
    // One reload the worker answers proves the precache is complete and in use.
    if (!(await open(page, `${origin}/`))) throw new Error('warmOffline: the reload after install was not served by the service worker');
    await listVisibleTime(page);
    // Cuts the page's and the service worker's network alike (a real offline start).
    await context.setOffline(true);
    const normal = await measure(page, origin, '');

    const cdp = await PageCdp.attach(context, page);
    try {
      const refused = await cdp.setCpuThrottling(rate);
      const throttled = await measure(page, origin, ` ${rate}× CPU`);
      return { normal, throttled, throttleNote: refused.length ? `workers not throttled: ${refused.join('; ')}` : '' };
    } finally {
      await cdp.setCpuThrottling(1).catch(() => undefined);
      await cdp.detach();
    }
  } finally {
    await dispose();
  }
}
