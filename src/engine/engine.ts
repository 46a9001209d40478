// The library engine: sync and the related/search indexes behind one asynchronous interface, so the
// page can run it in a dedicated Worker (worker.ts) and keep its main thread for the reader. DOM-free:
// it also runs in the page itself where there is no Worker (and in unit tests).
import type { Db } from '../storage/db';
import type { SyncProgress, SyncSummary } from '../sync/sync-all';
import type { SyncDeps } from '../sync/sync-source';
import { onSyncAnnounced } from '../sync/sync-channel';
import { LibraryIndex, type RecentStory, type RelatedAnswer, type SearchAnswer } from './library-index';

export type { RecentStory, RelatedAnswer, SearchAnswer, StoryFacts } from './library-index';

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
  /** Works out related stories of articles the reader is likely to open next (the pager's neighbours) while idle. */
  prefetchRelated(ids: string[], limit: number): Promise<void>;
  /** How many other sources covered each story (near-duplicates), for "Don't miss". */
  coverage(ids: string[]): Promise<number[]>;
  /** The newest stories outside a section, leaving some out ("Don't miss" candidates). */
  recentElsewhere(section: string, exclude: string[], limit: number): Promise<RecentStory[]>;
  /** Ranked search hits, each with its card's facts. */
  search(query: string, limit: number): Promise<SearchAnswer[]>;
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
  // Related answers already worked out, until the library changes: the story the reader returns to,
  // and the neighbours prefetched while they read. Bounded, oldest first out.
  const answers = new Map<string, RelatedAnswer>();
  const ANSWERS_KEPT = 200;
  const mutate = (change: (i: LibraryIndex) => void) => {
    index = index.then((i) => {
      answers.clear();
      change(i);
      return i;
    });
    // A failed load is reported to the next query; the next reload starts afresh.
    index.catch(() => undefined);
  };
  const reload = async () => {
    index = dbReady.then((db) => LibraryIndex.load(db));
    answers.clear();
    await index;
  };
  const relatedTo = async (id: string, limit: number): Promise<RelatedAnswer> => {
    const key = `${limit}|${id}`;
    const ready = await index;
    let answer = answers.get(key);
    if (!answer) {
      answer = ready.relatedTo(id, limit);
      answers.set(key, answer);
      if (answers.size > ANSWERS_KEPT) answers.delete(answers.keys().next().value!);
    }
    return answer;
  };
  // One prefetch at a time, one story per task, so a call from the page waits for at most one.
  let prefetching: Promise<void> = Promise.resolve();

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
    related: relatedTo,
    prefetchRelated(ids, limit) {
      prefetching = prefetching.then(async () => {
        for (const id of ids) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          await relatedTo(id, limit).catch(() => undefined);
        }
      });
      return prefetching;
    },
    async coverage(ids) {
      return (await index).coverage(ids);
    },
    async recentElsewhere(section, exclude, limit) {
      return (await index).recentElsewhere(section, exclude, limit);
    },
    async search(query, limit) {
      return (await index).find(query, limit);
    },
    reload,
  };
}
