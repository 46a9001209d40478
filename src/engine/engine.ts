// The library engine: sync and the related/search indexes behind one asynchronous interface, so the
// page can run it in a dedicated Worker (worker.ts) and keep its main thread for the reader. DOM-free:
// it also runs in the page itself where there is no Worker (and in unit tests).
import { snippetOf, type Snippet } from '../domain/snippet';
import { getArticles } from '../storage/articles-repo';
import type { Db } from '../storage/db';
import type { SyncProgress, SyncSummary } from '../sync/sync-all';
import type { SyncDeps } from '../sync/sync-source';
import { onSyncAnnounced } from '../sync/sync-channel';
import { LibraryIndex, type RelatedAnswer, type SearchAnswer, type StoryFacts } from './library-index';

export type { RelatedAnswer, SearchAnswer, StoryFacts } from './library-index';
export type { Snippet } from '../domain/snippet';

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
  recentElsewhere(section: string, exclude: string[], limit: number): Promise<StoryFacts[]>;
  /** Ranked search hits, each with its card's facts. */
  search(query: string, limit: number): Promise<SearchAnswer[]>;
  /**
   * Each story's body snippet for a query (null: no match in the body; undefined: the story is no
   * longer stored). Read and marked here, so the page never holds or scans the whole bodies.
   */
  snippets(ids: string[], query: string): Promise<Array<Snippet | null | undefined>>;
  /** Readies search for a reader about to type (the search page opened): a few practice queries, once per index. */
  prepareSearch(): Promise<void>;
  /** Stored stories changed outside this engine's syncs (a restore, a saved page, a removed source): rebuild. */
  reload(): Promise<void>;
}

/** Results a search page asks for (src/ui/models/search.ts): practice queries ask for as many. */
const SEARCH_PAGE = 30;
/** Practice queries when the search page opens: in Node, 16 brought a fresh index's p95 from ~13 ms to ~4 ms. */
const PRACTICE_QUERIES = 16;

/** Effects a test may replace (fetch, clock, sleep…); the page and the worker use the real ones. */
export type EngineSyncOverrides = Partial<Omit<SyncDeps, 'db' | 'corsProxy' | 'onStored'>>;

/** Creates an engine over an opening database; the indexes are built at once from the stored articles. */
export function createEngine(dbReady: Promise<Db>, overrides: EngineSyncOverrides = {}): Engine {
  // Every change to the indexes is chained on this promise, so a batch stored while the indexes
  // are still loading is applied after the load (re-applying a batch the load already saw is harmless).
  // A load or change that fails is never left in the chain: the indexes are rebuilt from storage
  // instead (storage is the truth; the indexes are only ever a copy of it).
  let index: Promise<LibraryIndex>;
  // Bumped by every rebuild, so an answer worked out on an index that was replaced meanwhile is not kept.
  let generation = 0;
  // Related answers already worked out, until the library changes: the story the reader returns to,
  // and the neighbours prefetched while they read. Bounded, oldest first out.
  const answers = new Map<string, RelatedAnswer>();
  const ANSWERS_KEPT = 200;
  let rebuilding: Promise<LibraryIndex> | null = null;
  const rebuild = (): Promise<LibraryIndex> => {
    // Rebuilds asked for while one is under way share it.
    if (rebuilding) return rebuilding;
    generation++;
    answers.clear();
    const next = dbReady.then((db) => LibraryIndex.load(db));
    rebuilding = next;
    index = next;
    const done = () => {
      if (rebuilding === next) rebuilding = null;
    };
    next.then(done, (err) => {
      done();
      console.warn('engine: building the indexes failed', err);
    });
    return next;
  };
  rebuild();
  /**
   * Chains a step on the indexes once their search index is built (a change must reach both). A step
   * that fails, or says it cannot tell (false), must not leave them half-updated: they are rebuilt
   * from storage instead.
   */
  const step = (what: string, run: (i: LibraryIndex) => boolean | Promise<boolean>) => {
    index = index.then(
      async (i) => {
        try {
          await i.searchable;
          const done = await run(i);
          answers.clear();
          if (done) return i;
        } catch (err) {
          console.warn(`engine: ${what} failed; rebuilding the indexes`, err);
        }
        rebuilding = null;
        return rebuild();
      },
      () => rebuild(),
    );
    return index;
  };
  const mutate = (change: (i: LibraryIndex) => void) => step('updating the indexes', (i) => (change(i), true));
  /** Follows what other contexts stored (their syncs): the index log's new records, else a rebuild. */
  const catchUp = () => step('following the index log', async (i) => i.catchUp(await dbReady));
  const reload = async () => {
    rebuilding = null;
    await rebuild();
  };
  /** The current indexes (search may still be building); a failed load is retried rather than reported for ever. */
  const ready = () => index.catch(() => rebuild());
  /** The current indexes with search built; a failed search build is retried once, from storage. */
  const searchReady = async (): Promise<LibraryIndex> => {
    const current = await ready();
    try {
      await current.searchable;
      return current;
    } catch (err) {
      console.warn('engine: building the search index failed; rebuilding the indexes', err);
      // Unless another call rebuilt them meanwhile (concurrent rebuilds share one, see rebuild()).
      const latest = await ready();
      const next = latest === current ? await rebuild() : latest;
      await next.searchable;
      return next;
    }
  };
  const relatedTo = async (id: string, limit: number): Promise<RelatedAnswer> => {
    const key = `${limit}|${id}`;
    const asked = generation;
    const current = await ready();
    let answer = answers.get(key);
    if (!answer) {
      answer = current.relatedTo(id, limit);
      if (asked === generation) {
        answers.set(key, answer);
        if (answers.size > ANSWERS_KEPT) answers.delete(answers.keys().next().value!);
      }
    }
    return answer;
  };
  // One prefetch at a time, one story per task, so a call from the page waits for at most one.
  let prefetching: Promise<void> = Promise.resolve();
  // The index search was last readied on: practice again only after a rebuild.
  let practised: LibraryIndex | null = null;

  // Another tab, or the service worker, synced: their stories must become findable here too (a sync
  // that changed nothing changes nothing here either).
  onSyncAnnounced((m) => {
    if (m.added || m.updated || m.evicted.length) void catchUp().catch(() => undefined);
  });

  return {
    async sync(request, onProgress) {
      const db = await dbReady;
      // The parsers and derivation are loaded with the first sync, not with the engine.
      const [{ syncAll }, { ensureSampleSource }] = await Promise.all([import('../sync/sync-all'), import('../sync/sample-source')]);
      await ensureSampleSource(db, request.appBase);
      const summary = await syncAll(
        { ...overrides, db, corsProxy: request.corsProxy, onStored: (written, evicted, logKey) => mutate((i) => i.apply(written, evicted, logKey)) },
        onProgress,
        { force: request.force },
      );
      // Weights and postings once for the whole sync, so the first query after it pays nothing. The
      // stories are stored whatever happens to the indexes: their failure is not the sync's.
      mutate((i) => i.settle());
      await ready().catch((err) => console.warn('engine: indexes unavailable after the sync', err));
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
      return (await ready()).coverage(ids);
    },
    async recentElsewhere(section, exclude, limit) {
      return (await ready()).recentElsewhere(section, exclude, limit);
    },
    async search(query, limit) {
      return (await searchReady()).find(query, limit);
    },
    async snippets(ids, query) {
      const stories = await getArticles(await dbReady, ids);
      return stories.map((a) => a && snippetOf(a.plainText, query, a.language));
    },
    async prepareSearch() {
      const current = await searchReady();
      if (practised === current) return;
      practised = current;
      // In one go, right when the index is ready: searches sent meanwhile (the page's first, typed
      // while the index loaded) then wait for all of it once, and run compiled, instead of each
      // waiting behind a practice query and still running cold.
      for (const query of current.practiceQueries(PRACTICE_QUERIES)) current.find(query, SEARCH_PAGE);
    },
    reload,
  };
}
