// ingest: n synthetic stories arrive from a local feed server (as 4–20 RSS feeds listed in an imported OPML
// file) into an app that already holds the sample edition. Time from the start of that sync to everything
// stored AND indexed (related + search), and the longest task the page's main thread ran meanwhile: a
// reader scrolling during a big sync must not feel it.
import type { Page } from 'playwright';
import { launchProfile, type Profile } from './browser';
import { opmlFor } from './feeds';
import { LONGTASK_RECORDER, longtaskMax, waitForIngestEnd, type IngestEnd, type IngestPath } from './ingest-probes';
import { progress } from './log';
import { PageCdp } from './page-cdp';
import { listVisibleTime, storedCount, syncShowing, waitForServiceWorker, waitForStoredAndIdle, LONG_WAIT_MS } from './page-helpers';
import { longestTask, startTrace, stopTrace, threadName, traceMarks, type LongestTask, type TraceEvent } from './trace';

/** One ingest figure (the JSON row) and how it was obtained. */
export interface IngestFigure {
  n: number;
  ms: number;
  perSecond: number;
  longestTaskMs: number;
  /** Cross-check: the longest 'longtask' entry (tasks over 50 ms) in the same window; 0 if none. */
  longtaskObserverMaxMs: number;
  /** 'marks': sync-start → sync-indexed; 'fallback': import → article count reached (no index time). */
  path: IngestPath;
  stored: number;
  expectedStored: number;
  /** Main-thread tasks seen in the trace window, and that thread's name (should be CrRendererMain). */
  traceTasks: number;
  traceThread: string | null;
  /** Where the longest task was posted from (trace args), e.g. a V8 garbage-collection job. */
  longestTaskSource: string | null;
}

/** A finished ingest, with its profile still open when the caller asked to keep it (library10k). */
export interface IngestRun {
  figure: IngestFigure;
  profile: Profile | null;
  cdp: PageCdp | null;
}

const SAMPLE_STORIES = 24;

/** Goes to the Sources page the way a reader does (the masthead link), or by address if the link is hidden. */
async function openSources(page: Page, origin: string): Promise<void> {
  const link = page.locator('a[href="/sources"]').first();
  if (await link.isVisible().catch(() => false)) await link.click();
  else await page.goto(`${origin}/sources`);
  await page.locator('#opml-file').waitFor({ state: 'attached', timeout: LONG_WAIT_MS });
}

/** The longest main-thread task in the trace over the same window as `end` (trace clock, via the marks' own trace events). */
function longestInWindow(events: readonly TraceEvent[], end: IngestEnd): LongestTask & { thread: string | null } {
  // Our 'bench:import' mark was set on the page's main thread: its pid/tid are the thread to look at.
  const importMark = traceMarks(events, 'bench:import')[0];
  if (!importMark) return { ms: Number.NaN, tasks: 0, source: null, thread: null };
  let from = importMark.ts;
  let to = Number.POSITIVE_INFINITY;
  if (end.path === 'marks') {
    from = traceMarks(events, 'sync-start').find((e) => e.ts >= importMark.ts)?.ts ?? from;
    const ends = traceMarks(events, 'sync-indexed').filter((e) => e.ts >= importMark.ts);
    to = ends[end.endMark]?.ts ?? ends[ends.length - 1]?.ts ?? to;
  } else {
    to = traceMarks(events, 'bench:stored')[0]?.ts ?? to;
  }
  const { pid, tid } = importMark;
  return { ...longestTask(events, pid, tid, from, to), thread: threadName(events, pid, tid) };
}

/** Runs one ingest of n stories on a fresh profile; keeps the profile open when `keep` is set. */
export async function ingest(origin: string, feedOrigin: string, n: number, timeoutMs: number, keep = false): Promise<IngestRun> {
  const profile = await launchProfile();
  let cdp: PageCdp | null = null;
  try {
    const { context, page } = profile;
    await context.addInitScript({ content: LONGTASK_RECORDER });
    await page.goto(`${origin}/`);
    await listVisibleTime(page);
    await waitForServiceWorker(page);
    await waitForStoredAndIdle(page, SAMPLE_STORIES);
    await openSources(page, origin);
    cdp = await PageCdp.attach(context, page);
    await startTrace(cdp.session);

    const expectedStored = SAMPLE_STORIES + n;
    await page.evaluate(() => performance.mark('bench:import'));
    await page.setInputFiles('#opml-file', { name: `bench-${n}.opml`, mimeType: 'text/x-opml', buffer: Buffer.from(opmlFor(n, feedOrigin)) });
    const end = await waitForIngestEnd(page, n, expectedStored, timeoutMs);
    const task = longestInWindow(await stopTrace(cdp.session), end);
    const longtaskObserverMaxMs = await longtaskMax(page, end);

    // Let any follow-up work settle before counting (and before library10k uses this profile).
    const settleDeadline = Date.now() + LONG_WAIT_MS;
    while ((await syncShowing(page)) && Date.now() < settleDeadline) await page.waitForTimeout(250);
    const stored = await storedCount(page);
    const ms = end.to - end.from;
    const figure: IngestFigure = {
      n,
      ms,
      perSecond: n / (ms / 1000),
      longestTaskMs: task.ms,
      longtaskObserverMaxMs,
      path: end.path,
      stored,
      expectedStored,
      traceTasks: task.tasks,
      traceThread: task.thread,
      longestTaskSource: task.source,
    };
    progress(`ingest ${n}: ${ms.toFixed(0)} ms (${end.path}), longest task ${task.ms.toFixed(0)} ms, ${stored} stored`);
    if (keep) return { figure, profile, cdp };
    await cdp.detach();
    await profile.dispose();
    return { figure, profile: null, cdp: null };
  } catch (err) {
    await cdp?.detach();
    await profile.dispose();
    throw err;
  }
}
