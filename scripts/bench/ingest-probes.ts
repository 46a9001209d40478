// What the page tells the ingest scenario: the app's sync marks, the stored count (fallback), and the long
// tasks it observed; and, from those, when the ingest is over.
import type { Page } from 'playwright';
import { progress } from './log';
import { storedCount, syncShowing } from './page-helpers';

/** How the end of an ingest was recognised. 'fallback': the app has no sync marks (yet). */
export type IngestPath = 'marks' | 'fallback';

/** The ingest window in page time (ms), and for 'marks' which sync-indexed mark (k-th after the import) ended it. */
export interface IngestEnd {
  path: IngestPath;
  from: number;
  to: number;
  endMark: number;
}

/** Init script: long tasks are not buffered for a later observer, so each document records its own. */
export const LONGTASK_RECORDER = `
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  } catch {}
`;

/** The longest 'longtask' entry overlapping [from, to] (page time); 0 if none (none over 50 ms). */
export function longtaskMax(page: Page, span: { from: number; to: number }): Promise<number> {
  return page.evaluate(
    ({ from, to }) =>
      ((window as unknown as { __benchLongTasks?: Array<[number, number]> }).__benchLongTasks ?? [])
        .filter(([start, dur]) => start <= to && start + dur >= from)
        .reduce((max, [, dur]) => Math.max(max, dur), 0),
    span,
  );
}

interface MarkState {
  importAt: number;
  starts: number[];
  indexed: Array<{ at: number; added: number | null }>;
}

/** The app's sync marks since our 'bench:import' mark. */
function markState(page: Page): Promise<MarkState> {
  // No named helper functions inside: tsx would wrap them in a __name() call the page does not have.
  return page.evaluate(() => {
    const importAt = performance.getEntriesByName('bench:import', 'mark')[0]?.startTime ?? 0;
    const starts = performance.getEntriesByName('sync-start', 'mark').filter((m) => m.startTime >= importAt);
    const indexed = performance.getEntriesByName('sync-indexed', 'mark').filter((m) => m.startTime >= importAt) as PerformanceMark[];
    return {
      importAt,
      starts: starts.map((m) => m.startTime),
      indexed: indexed.map((m) => {
        const added = (m.detail as { added?: unknown } | null)?.added;
        return { at: m.startTime, added: typeof added === 'number' ? added : null };
      }),
    };
  });
}

// FALLBACK (remove once every app version measured has the 'sync-start' / 'sync-indexed' marks):
/** The stored count, and a 'bench:stored' mark the moment it is first seen at `target` or more. */
function countAndMark(page: Page, target: number): Promise<number> {
  return page.evaluate(
    (t) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('broadsheet');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('articles').objectStore('articles').count();
          req.onsuccess = () => {
            db.close();
            if (req.result >= t && performance.getEntriesByName('bench:stored', 'mark').length === 0) performance.mark('bench:stored');
            resolve(req.result);
          };
          req.onerror = () => (db.close(), reject(req.error));
        };
      }),
    target,
  );
}

const POLL_MS = 250;

/**
 * Waits for the ingest of n stories started at the 'bench:import' mark to end. With the app's marks: when
 * its sync-indexed marks account for n added stories (no storage polling to disturb the sync). Without:
 * when the stored count reaches `expectedStored` (FALLBACK).
 */
export async function waitForIngestEnd(page: Page, n: number, expectedStored: number, timeoutMs: number): Promise<IngestEnd> {
  const started = Date.now();
  let lastLog = started;
  for (;;) {
    const state = await markState(page);
    if (state.starts.length) {
      let added = 0;
      const end = state.indexed.findIndex((m) => (added += m.added ?? 0) >= n);
      if (end >= 0) return { path: 'marks', from: state.starts[0], to: state.indexed[end].at, endMark: end };
      // Marks without the added count: the stored count and an idle sync say when it is over.
      const last = state.indexed.length - 1;
      if (last >= 0 && state.indexed.every((m) => m.added === null) && (await storedCount(page)) >= expectedStored && !(await syncShowing(page))) {
        return { path: 'marks', from: state.starts[0], to: state.indexed[last].at, endMark: last };
      }
    } else if ((await countAndMark(page, expectedStored)) >= expectedStored) {
      // FALLBACK: no sync-start mark, so the app does not mark: import → stored count reached.
      const to = await page.evaluate(() => performance.getEntriesByName('bench:stored', 'mark')[0].startTime);
      return { path: 'fallback', from: state.importAt, to, endMark: -1 };
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`ingest ${n}: not finished after ${timeoutMs / 1000} s (${await storedCount(page)} of ${expectedStored} stored)`);
    }
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      progress(`ingest ${n}: waiting (${Math.round((Date.now() - started) / 1000)} s, ${state.starts.length ? 'sync marked' : 'no sync-start mark yet'})`);
    }
    await page.waitForTimeout(POLL_MS);
  }
}
