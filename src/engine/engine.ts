// The library engine: sync and the related/search indexes behind one asynchronous interface, so the
// page can run it in a dedicated Worker (worker.ts) and keep its main thread for the reader. DOM-free:
// it also runs in the page itself where there is no Worker (and in unit tests).
import type { SearchHit } from '../domain/search-index';
import type { Db } from '../storage/db';
import type { SyncProgress, SyncSummary } from '../sync/sync-all';
import type { SyncDeps } from '../sync/sync-source';
import { onSyncAnnounced } from '../sync/sync-channel';
import { LibraryIndex, type RelatedAnswer } from './library-index';

export type { RelatedAnswer } from './library-index';

/** What a sync needs from the page: the reader's choices and where the app is served from. */
export interface SyncRequest {
  force?: boolean;
  corsProxy: string | null;
  /** The app's base URL (for the built-in sample edition). */
  appBase: string;
}

/** The engine's operations; every argument and result survives structured cloning. */
export interface Engine {
  /** Syncs every due source; resolves once the stories are stored AND indexed. */
  sync(request: SyncRequest, onProgress?: (progress: SyncProgress) => void): Promise<SyncSummary>;
  /** Related stories and same-story copies of one article. */
  related(id: string, limit: number): Promise<RelatedAnswer>;
  /** How many other sources covered each story (near-duplicates), for "Don't miss". */
  coverage(ids: string[]): Promise<number[]>;
  /** Ranked search hits. */
  search(query: string, limit: number): Promise<SearchHit[]>;
  /** Stored stories changed outside this engine's syncs (a restore, a saved page, a removed source): rebuild. */
  reload(): Promise<void>;
}

/** Effects a test may replace (fetch, clock, sleep…); the page and the worker use the real ones. */
export type EngineSyncOverrides = Partial<Omit<SyncDeps, 'db' | 'corsProxy' | 'onStored'>>;

/** Creates an engine over an opening database; the indexes are built at once from the stored articles. */
export function createEngine(dbReady: Promise<Db>, overrides: EngineSyncOverrides = {}): Engine {
  // Every change to the indexes is chained on this promise, so a batch stored while the indexes
  // are still loading is applied after the load (re-applying a batch the load already saw is harmless).
  let index: Promise<LibraryIndex> = dbReady.then((db) => LibraryIndex.load(db));
  const mutate = (change: (i: LibraryIndex) => void) => {
    index = index.then((i) => {
      change(i);
      return i;
    });
    // A failed load is reported to the next query; the next reload starts afresh.
    index.catch(() => undefined);
  };
  const reload = async () => {
    index = dbReady.then((db) => LibraryIndex.load(db));
    await index;
  };

  // Another tab, or the service worker, synced: their stories must become findable here too.
  onSyncAnnounced(() => void reload().catch((err) => console.warn('engine: rebuilding the indexes failed', err)));

  return {
    async sync(request, onProgress) {
      const db = await dbReady;
      // The parsers and derivation are loaded with the first sync, not with the engine.
      const [{ syncAll }, { ensureSampleSource }] = await Promise.all([import('../sync/sync-all'), import('../sync/sample-source')]);
      await ensureSampleSource(db, request.appBase);
      const summary = await syncAll(
        { ...overrides, db, corsProxy: request.corsProxy, onStored: (written, evicted) => mutate((i) => i.apply(written, evicted)) },
        onProgress,
        { force: request.force },
      );
      // Weights and postings once for the whole sync, so the first query after it pays nothing.
      mutate((i) => i.settle());
      await index;
      return summary;
    },
    async related(id, limit) {
      return (await index).relatedTo(id, limit);
    },
    async coverage(ids) {
      return (await index).coverage(ids);
    },
    async search(query, limit) {
      return (await index).find(query, limit);
    },
    reload,
  };
}
