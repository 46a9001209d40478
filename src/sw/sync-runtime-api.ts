// What the sync runtime (sync-runtime.ts) puts on the service worker's global scope.

/** The service worker's view of its lazily imported sync runtime. */
export interface SwSyncRuntime {
  /** Syncs every due source from the worker (no tab needed), under the same Web Lock as the pages. */
  syncFeeds(origin: string): Promise<void>;
}
