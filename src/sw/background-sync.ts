// Syncing while no tab is open: Periodic Background Sync and Background Sync, where the browser has
// them (Chromium). The same DOM-free sync engine as the page runs here, under the same Web Lock,
// loaded from a separate script only when such an event fires (see scripts/sw-sync-runtime.ts).
import syncRuntimeUrl from 'virtual:broadsheet-sw-sync-runtime';
import type { SwSyncRuntime } from './sync-runtime-api';

/** Tag of the periodic sync the page registers once the app is installed. */
export const PERIODIC_SYNC_TAG = 'broadsheet-periodic-sync';
/** Tag of the one-off sync the page registers when it queues an action offline. */
export const OUTBOX_SYNC_TAG = 'broadsheet-outbox';

// Not yet in TypeScript's WebWorker lib.
interface TaggedSyncEvent extends ExtendableEvent {
  readonly tag: string;
}

type Scope = ServiceWorkerGlobalScope & { broadsheetSync?: SwSyncRuntime };

/**
 * The runtime, imported on first use. A service worker may fetch new scripts only while it is
 * installing; afterwards importScripts() re-runs the copy stored at install, with no network.
 */
function runtime(scope: Scope): SwSyncRuntime {
  if (!scope.broadsheetSync) scope.importScripts(syncRuntimeUrl);
  if (!scope.broadsheetSync) throw new Error('the sync runtime did not load');
  return scope.broadsheetSync;
}

/** Installs the periodicsync and sync handlers on the worker scope, and stores the runtime at install. */
export function installBackgroundSync(scope: Scope): void {
  scope.addEventListener('install', () => {
    try {
      runtime(scope);
    } catch (err) {
      // Without it the worker still serves the app offline; only syncing with no tab open is lost.
      console.warn('background sync unavailable:', err);
    }
  });
  scope.addEventListener('periodicsync' as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
    const e = event as unknown as TaggedSyncEvent;
    // runtime() may throw (its script missing after a failed install): inside the promise, not the handler.
    if (e.tag === PERIODIC_SYNC_TAG) e.waitUntil(Promise.resolve().then(() => runtime(scope).syncFeeds(scope.location.origin)));
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
        await runtime(scope).syncFeeds(scope.location.origin);
      })(),
    );
  });
}
