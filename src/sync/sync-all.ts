// Syncing every source, one sync at a time across tabs and the service worker.
import { setMeta } from '../storage/meta-repo';
import { listSources } from '../storage/sources-repo';
import { syncSource, type SourceSyncResult, type SyncDeps } from './sync-source';

/** Progress reported while a sync runs. */
export interface SyncProgress {
  done: number;
  total: number;
  added: number;
}

/** The outcome of a whole sync, or `skipped` when another context was already syncing. */
export type SyncSummary =
  | { skipped: true }
  | { skipped: false; results: SourceSyncResult[]; added: number; updated: number; finishedAt: number };

/** Name of the Web Lock that serialises syncs across tabs and the service worker. */
export const SYNC_LOCK = 'broadsheet-sync';
/** BroadcastChannel on which a finished sync is announced to other tabs. */
export const SYNC_CHANNEL = 'broadsheet-sync';

/** Syncs all sources in turn; one failing source never stops the others. */
export async function syncAll(deps: SyncDeps, onProgress?: (p: SyncProgress) => void): Promise<SyncSummary> {
  // navigator.locks exists in pages and workers alike; typed loosely to compile for both.
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) return run(deps, onProgress);
  // ifAvailable: if another tab or the worker is syncing, its results reach us by broadcast.
  return locks.request(SYNC_LOCK, { ifAvailable: true }, (lock: Lock | null) =>
    lock ? run(deps, onProgress) : ({ skipped: true } as const),
  );
}

async function run(deps: SyncDeps, onProgress?: (p: SyncProgress) => void): Promise<SyncSummary> {
  const sources = (await listSources(deps.db)).filter((s) => s.status !== 'gone');
  const results: SourceSyncResult[] = [];
  let added = 0;
  let updated = 0;
  onProgress?.({ done: 0, total: sources.length, added });
  for (const source of sources) {
    const result = await syncSource(deps, source);
    results.push(result);
    added += result.added;
    updated += result.updated;
    onProgress?.({ done: results.length, total: sources.length, added });
  }
  const finishedAt = deps.now?.() ?? Date.now();
  await setMeta(deps.db, 'lastSyncAt', finishedAt);
  announce({ added, updated, finishedAt });
  return { skipped: false, results, added, updated, finishedAt };
}

function announce(message: { added: number; updated: number; finishedAt: number }): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(SYNC_CHANNEL);
  channel.postMessage({ type: 'sync-finished', ...message });
  channel.close();
}
