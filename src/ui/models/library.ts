// The library model: what lists show (latest, sections, sources, reader flags) and the sync actions.
import { batch, computed, effect, signal } from '@preact/signals';
import type { Source } from '../../domain/source';
import { getArticle, latestArticles, listSections, orderedIds, summarize, type ArticleSummary } from '../../storage/articles-repo';
import type { Db } from '../../storage/db';
import { getMeta } from '../../storage/meta-repo';
import { inProgressStates, markAllRead as storeMarkAllRead, readIds, recentlyReadStates, savedStates } from '../../storage/reading-state-repo';
import { listSources } from '../../storage/sources-repo';
import type { SyncProgress, SyncSummary } from '../../sync/sync-all';

/** How many stories home lists before "more". */
export const HOME_LIMIT = 60;

/** Creates the library model over an opening database. */
export function createLibraryModel(dbReady: Promise<Db>, appBase: string, corsProxy: () => string | null = () => null) {
  const latest = signal<ArticleSummary[] | null>(null);
  const sections = signal<Array<{ name: string; count: number; unread: number }>>([]);
  const continueReading = signal<ArticleSummary[]>([]);
  /** Lists show only unread stories while this is on (remembered for the session). */
  const unreadOnly = signal(sessionStorage.getItem('broadsheet.unreadOnly') === '1');
  effect(() => sessionStorage.setItem('broadsheet.unreadOnly', unreadOnly.value ? '1' : '0'));
  const unreadTotal = computed(() => sections.value.reduce((n, s) => n + s.unread, 0));
  const sources = signal<Source[]>([]);
  const read = signal<ReadonlySet<string>>(new Set());
  const saved = signal<ReadonlySet<string>>(new Set());
  const lastSyncAt = signal<number | null>(null);
  const progress = signal<SyncProgress | null>(null);
  const lastOutcome = signal<string | null>(null);
  const loadError = signal<string | null>(null);
  /** Bumps whenever stored articles change, so derived views (related index) know to rebuild. */
  const revision = signal(0);

  const sourceById = computed(() => new Map(sources.value.map((s) => [s.id, s])));
  const failingSources = computed(() => sources.value.filter((s) => s.status === 'error' || s.status === 'gone'));

  async function refresh(): Promise<void> {
    try {
      const db = await dbReady;
      const readSet = await readIds(db);
      const [list, secs, srcs, savedList, last, started] = await Promise.all([
        latestArticles(db, { limit: HOME_LIMIT }),
        listSections(db, readSet),
        listSources(db),
        savedStates(db),
        getMeta<number | null>(db, 'lastSyncAt', null),
        inProgressStates(db, 3),
      ]);
      const startedArticles = await Promise.all(started.map((s) => getArticle(db, s.articleId)));
      batch(() => {
        latest.value = list;
        sections.value = secs;
        sources.value = srcs;
        read.value = readSet;
        saved.value = new Set(savedList.map((s) => s.articleId));
        lastSyncAt.value = last;
        continueReading.value = startedArticles.flatMap((a) => (a ? [summarize(a)] : []));
        loadError.value = null;
      });
    } catch (err) {
      loadError.value = `Your stored stories could not be opened: ${err instanceof Error ? err.message : String(err)}`;
      latest.value ??= [];
    }
  }

  let running: Promise<void> | null = null;
  let again: Promise<void> | null = null;
  /**
   * Syncs every source now. If a sync is already running, one more runs after it (once, however
   * often this is called meanwhile), so sources added during a sync are not left for later.
   */
  function sync(options: { force?: boolean } = {}): Promise<void> {
    if (running) {
      again ??= running.then(() => {
        again = null;
        return sync(options);
      });
      return again;
    }
    running = (async () => {
      try {
        const db = await dbReady;
        // The sync engine (parsers, derivation) is loaded only when needed: not on first paint.
        const [{ syncAll }, { ensureSampleSource }] = await Promise.all([
          import('../../sync/sync-all'),
          import('../../sync/sample-source'),
        ]);
        await ensureSampleSource(db, appBase);
        const summary: SyncSummary = await syncAll({ db, corsProxy: corsProxy() }, (p) => (progress.value = p), options);
        if (!summary.skipped) {
          const failed = summary.results.filter((r) => r.error).length;
          lastOutcome.value =
            `${summary.added === 0 ? 'No new stories' : `${summary.added} new ${summary.added === 1 ? 'story' : 'stories'}`}` +
            (failed ? `; ${failed} ${failed === 1 ? 'source' : 'sources'} failed` : '');
          if (summary.added || summary.updated) revision.value++;
        }
      } catch (err) {
        lastOutcome.value = `Sync failed: ${err instanceof Error ? err.message : String(err)}`;
      } finally {
        progress.value = null;
        running = null;
        await refresh();
      }
    })();
    return running;
  }

  /** Marks local reader flags after an action on the article page. */
  function setFlags(articleId: string, flags: { read?: boolean; saved?: boolean }): void {
    const toggle = (set: ReadonlySet<string>, on: boolean | undefined) => {
      if (on === undefined) return set;
      const next = new Set(set);
      if (on) next.add(articleId);
      else next.delete(articleId);
      return next;
    };
    batch(() => {
      read.value = toggle(read.value, flags.read);
      saved.value = toggle(saved.value, flags.saved);
    });
  }

  /** One page of a section's stories (or of all stories), newest first. */
  async function sectionArticles(section: string | undefined, offset = 0, limit = 50): Promise<ArticleSummary[]> {
    return latestArticles(await dbReady, { section, offset, limit });
  }

  /** Recently read stories, most recent first. */
  async function historyArticles(): Promise<ArticleSummary[]> {
    const db = await dbReady;
    const states = await recentlyReadStates(db);
    const found = await Promise.all(states.map((s) => getArticle(db, s.articleId)));
    return found.flatMap((a) => (a ? [summarize(a)] : []));
  }

  /** Marks every story of a list read (home: all stories; a section: that section's). */
  async function markAllRead(section?: string): Promise<number> {
    const db = await dbReady;
    const ids = await orderedIds(db, section);
    const changed = await storeMarkAllRead(db, ids.filter((id) => !read.value.has(id)));
    await refresh();
    return changed;
  }

  /** Saved stories, most recently saved first. */
  async function savedArticles(): Promise<ArticleSummary[]> {
    const db = await dbReady;
    const states = await savedStates(db);
    const found = await Promise.all(states.map((s) => getArticle(db, s.articleId)));
    return found.flatMap((a) => (a ? [summarize(a)] : []));
  }

  return {
    sectionArticles, savedArticles, historyArticles, markAllRead, continueReading, unreadOnly, unreadTotal,
    latest, sections, sources, sourceById, failingSources, read, saved, lastSyncAt, progress, lastOutcome, loadError,
    revision, refresh, sync, setFlags,
  };
}

/** The library model's public shape. */
export type LibraryModel = ReturnType<typeof createLibraryModel>;
