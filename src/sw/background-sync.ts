// Syncing while no tab is open: Periodic Background Sync and Background Sync, where the browser has
// them (Chromium). The same DOM-free sync engine as the page runs here, under the same Web Lock.
import { getMeta } from '../storage/meta-repo';
import { openBroadsheetDb } from '../storage/db';
import { syncAll } from '../sync/sync-all';

/** Tag of the periodic sync the page registers once the app is installed. */
export const PERIODIC_SYNC_TAG = 'broadsheet-periodic-sync';
/** Tag of the one-off sync the page registers when it queues an action offline. */
export const OUTBOX_SYNC_TAG = 'broadsheet-outbox';

// Not yet in TypeScript's WebWorker lib.
interface TaggedSyncEvent extends ExtendableEvent {
  readonly tag: string;
}

async function syncFeeds(origin: string): Promise<void> {
  const db = await openBroadsheetDb();
  try {
    const corsProxy = await getMeta<string | null>(db, 'corsProxy', null);
    await syncAll({ db, corsProxy, origin });
  } finally {
    db.close();
  }
}

/** Installs the periodicsync and sync handlers on the worker scope. */
export function installBackgroundSync(scope: ServiceWorkerGlobalScope): void {
  scope.addEventListener('periodicsync' as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
    const e = event as unknown as TaggedSyncEvent;
    if (e.tag === PERIODIC_SYNC_TAG) e.waitUntil(syncFeeds(scope.location.origin));
  });
  scope.addEventListener('sync' as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
    const e = event as unknown as TaggedSyncEvent;
    if (e.tag !== OUTBOX_SYNC_TAG) return;
    e.waitUntil(
      (async () => {
        // Saving a page needs Readability, which needs a DOM: an open tab drains the outbox.
        // With no tab open the entries wait, shown as pending, until the app is next opened.
        const clients = await scope.clients.matchAll({ type: 'window' });
        for (const client of clients) client.postMessage({ type: 'drain-outbox' });
        await syncFeeds(scope.location.origin);
      })(),
    );
  });
}
