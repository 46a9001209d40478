// Syncing every source, one sync at a time across tabs and the service worker.
import { setMeta } from '../storage/meta-repo';
import type { Source } from '../domain/source';
import { listSources } from '../storage/sources-repo';
import { syncSource, type SourceSyncResult, type SyncDeps } from './sync-source';
import { announceSync } from './sync-channel';

/** Progress reported while a sync runs. */
export interface SyncProgress {
  done: number;
  total: number;
  added: number;
  /** Title (else URL) of the source being synced; null before the first and after the last. */
  current: string | null;
}

/** How a sync chooses sources. */
export interface SyncOptions {
  /** Also sync sources still backing off after failures (a manual refresh). Gone sources stay skipped. */
  force?: boolean;
}

/** The outcome of a whole sync, or `skipped` when another context was already syncing. */
export type SyncSummary =
  | { skipped: true }
  | {
      skipped: false;
      results: SourceSyncResult[];
      added: number;
      updated: number;
      /** Article ids removed by retention across all sources. */
      evicted: string[];
      /** Sources not tried because they are backing off, with when they are due. */
      deferred: Array<{ sourceId: string; nextAttemptAt: number }>;
      finishedAt: number;
    };

/** Name of the Web Lock that serialises syncs across tabs and the service worker. */
export const SYNC_LOCK = 'broadsheet-sync';

/** Syncs all sources in turn; one failing source never stops the others. */
export async function syncAll(deps: SyncDeps, onProgress?: (p: SyncProgress) => void, options: SyncOptions = {}): Promise<SyncSummary> {
  // navigator.locks exists in pages and workers alike; typed loosely to compile for both.
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) return run(deps, onProgress, options);
  // ifAvailable: if another tab or the worker is syncing, its results reach us by broadcast.
  return locks.request(SYNC_LOCK, { ifAvailable: true }, (lock: Lock | null) =>
    lock ? run(deps, onProgress, options) : ({ skipped: true } as const),
  );
}

async function run(deps: SyncDeps, onProgress: ((p: SyncProgress) => void) | undefined, options: SyncOptions): Promise<SyncSummary> {
  const startedAt = deps.now?.() ?? Date.now();
  const live = (await listSources(deps.db)).filter((s) => s.status !== 'gone' && s.kind !== 'page');
  const backingOff = (s: Source) => !options.force && s.nextAttemptAt != null && s.nextAttemptAt > startedAt;
  const due = live.filter((s) => !backingOff(s));
  const deferred = live.filter(backingOff).map((s) => ({ sourceId: s.id, nextAttemptAt: s.nextAttemptAt! }));
  const results: SourceSyncResult[] = new Array(due.length);
  let done = 0;
  let added = 0;
  let updated = 0;
  const report = (current: string | null) => onProgress?.({ done, total: due.length, added, current });
  report(null);
  // A few sources at a time (deps.concurrency): one is fetched while another is parsed and stored.
  let next = 0;
  const lane = async () => {
    while (next < due.length) {
      const i = next++;
      const source = due[i]!;
      report(source.title || source.url);
      const result = await syncSource(deps, source);
      results[i] = result;
      done++;
      added += result.added;
      updated += result.updated;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(deps.concurrency ?? 1, due.length)) }, lane));
  report(null);
  const evicted = results.flatMap((r) => r.evicted);
  const finishedAt = deps.now?.() ?? Date.now();
  if (fetchedNews(due, results)) await setMeta(deps.db, 'lastSyncAt', finishedAt);
  announceSync({ added, updated, evicted, finishedAt });
  return { skipped: false, results, added, updated, evicted, deferred, finishedAt };
}

/**
 * Whether a run got news, so that "last synced" may move on: one in which every source failed (offline,
 * say) leaves it where it was. The built-in edition answers from the app's own cache even offline, so
 * it counts only when it is all the reader follows.
 */
function fetchedNews(due: Source[], results: SourceSyncResult[]): boolean {
  const fetched = due.filter((_, i) => results[i]?.error === null);
  return fetched.some((s) => s.kind !== 'sample') || (fetched.length > 0 && due.every((s) => s.kind === 'sample'));
}
