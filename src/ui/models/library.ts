// The library model: what lists show (latest, sections, sources, reader flags) and the sync actions.
import { batch, computed, signal } from '@preact/signals';
import type { Source } from '../../domain/source';
import { getArticle, latestArticles, listSections, summarize, type ArticleSummary } from '../../storage/articles-repo';
import type { Db } from '../../storage/db';
import { getMeta } from '../../storage/meta-repo';
import { readIds, savedStates } from '../../storage/reading-state-repo';
import { listSources } from '../../storage/sources-repo';
import type { SyncProgress, SyncSummary } from '../../sync/sync-all';

/** How many stories home lists before "more". */
export const HOME_LIMIT = 60;

/** Creates the library model over an opening database. */
export function createLibraryModel(dbReady: Promise<Db>, appBase: string, corsProxy: () => string | null = () => null) {
  const latest = signal<ArticleSummary[] | null>(null);
  const sections = signal<Array<{ name: string; count: number }>>([]);
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
      const [list, secs, srcs, readSet, savedList, last] = await Promise.all([
        latestArticles(db, { limit: HOME_LIMIT }),
        listSections(db),
        listSources(db),
        readIds(db),
        savedStates(db),
        getMeta<number | null>(db, 'lastSyncAt', null),
      ]);
      batch(() => {
        latest.value = list;
        sections.value = secs;
        sources.value = srcs;
        read.value = readSet;
        saved.value = new Set(savedList.map((s) => s.articleId));
        lastSyncAt.value = last;
        loadError.value = null;
      });
    } catch (err) {
      loadError.value = `Your stored stories could not be opened: ${err instanceof Error ? err.message : String(err)}`;
      latest.value ??= [];
    }
  }

  let running: Promise<void> | null = null;
  /** Syncs every source now (no-op if a sync is already running in this tab). */
  function sync(options: { force?: boolean } = {}): Promise<void> {
    running ??= (async () => {
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

  /** Every stored story of one section, newest first. */
  async function sectionArticles(section: string): Promise<ArticleSummary[]> {
    return latestArticles(await dbReady, { section, limit: 1000 });
  }

  /** Saved stories, most recently saved first. */
  async function savedArticles(): Promise<ArticleSummary[]> {
    const db = await dbReady;
    const states = await savedStates(db);
    const found = await Promise.all(states.map((s) => getArticle(db, s.articleId)));
    return found.flatMap((a) => (a ? [summarize(a)] : []));
  }

  return {
    sectionArticles, savedArticles,
    latest, sections, sources, sourceById, failingSources, read, saved, lastSyncAt, progress, lastOutcome, loadError,
    revision, refresh, sync, setFlags,
  };
}

/** The library model's public shape. */
export type LibraryModel = ReturnType<typeof createLibraryModel>;
