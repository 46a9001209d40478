// The service worker's sync runtime: the whole DOM-free sync engine, built as its own classic script
// (scripts/sw-sync-runtime.ts) and loaded by background-sync.ts with importScripts only when a sync
// event fires, so the service worker that answers every request stays small.
import { openBroadsheetDb } from '../storage/db';
import { getMeta } from '../storage/meta-repo';
import { syncAll } from '../sync/sync-all';
import type { SwSyncRuntime } from './sync-runtime-api';

declare const self: ServiceWorkerGlobalScope & { broadsheetSync?: SwSyncRuntime };

self.broadsheetSync = {
  async syncFeeds(origin: string): Promise<void> {
    const db = await openBroadsheetDb();
    try {
      const corsProxy = await getMeta<string | null>(db, 'corsProxy', null);
      await syncAll({ db, corsProxy, origin });
    } finally {
      db.close();
    }
  },
};
