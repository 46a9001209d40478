// The library model: what lists show (latest, sections, sources, reader flags) and the sync actions.
import { batch, computed, effect, signal } from '@preact/signals';
import type { Source } from '../../domain/source';
import type { Engine } from '../../engine/engine';
import { getSummaries, latestArticles, listSections, orderedIds, type ArticleSummary } from '../../storage/articles-repo';
import type { Db } from '../../storage/db';
import { getMeta } from '../../storage/meta-repo';
import { inProgressStates, markAllRead as storeMarkAllRead, readIds, readingTimeTotal, recentlyReadStates, savedStates } from '../../storage/reading-state-repo';
import { listSources } from '../../storage/sources-repo';
import type { SyncProgress, SyncSummary } from '../../sync/sync-all';
import { HOME_LIMIT, loadHomeSnapshot, parseFirstScreen, saveHomeSnapshot } from './home-snapshot';
import { sameIds, sameRecords, sameStories } from './same-content';
import { onOtherTabs, tellOtherTabs } from '../reader-channel';

/** How the library starts: the app's base URL, the reader's CORS proxy, and a first visit's first screen. */
export interface LibraryOptions {
  appBase: string;
  corsProxy?: () => string | null;
  /** The built-in edition's first screen (its file's text), fetched as the page started; only on a first visit. */
  firstScreen?: Promise<string | null> | null;
}

// How long after the last read / unread change the unread counts are re-read from storage.
const COUNTS_PAUSE_MS = 250;

/** Creates the library model over an opening database and the engine that syncs it. */
export function createLibraryModel(dbReady: Promise<Db>, engine: Engine, options: LibraryOptions) {
  const { appBase, corsProxy = () => null } = options;
  // Home paints from what it showed last time, before IndexedDB opens; refresh() then replaces it
  // with what is stored. A first visit shows the built-in edition's first screen instead, which
  // stands until the first sync has stored those stories: an empty database before that sync must
  // not blank the list the reader is already looking at.
  const remembered = loadHomeSnapshot();
  let provisional = !remembered;
  const latest = signal<ArticleSummary[] | null>(remembered?.latest ?? null);
  const sections = signal<Array<{ name: string; count: number; unread: number }>>(remembered?.sections ?? []);
  const continueReading = signal<ArticleSummary[]>(remembered?.continueReading ?? []);
  /** Lists show only unread stories while this is on (remembered for the session). */
  const unreadOnly = signal(sessionStorage.getItem('broadsheet.unreadOnly') === '1');
  effect(() => sessionStorage.setItem('broadsheet.unreadOnly', unreadOnly.value ? '1' : '0'));
  const unreadTotal = computed(() => sections.value.reduce((n, s) => n + s.unread, 0));
  const sources = signal<Source[]>([]);
  const read = signal<ReadonlySet<string>>(new Set(remembered?.read));
  const saved = signal<ReadonlySet<string>>(new Set());
  const lastSyncAt = signal<number | null>(remembered?.lastSyncAt ?? null);
  const progress = signal<SyncProgress | null>(null);
  const lastOutcome = signal<string | null>(null);
  const loadError = signal<string | null>(null);
  // False until storage has been read once: until then home may show a remembered screen, but what
  // storage alone knows (the story to continue) is not known yet.
  const storageRead = signal(false);
  /** Bumps whenever stored articles change, so pages showing them (article, section lists) load again. */
  const revision = signal(0);

  void options.firstScreen?.then((text) => {
    const screen = parseFirstScreen(text, appBase);
    if (!screen || !provisional || latest.value !== null) return;
    batch(() => {
      latest.value = screen.latest;
      sections.value = screen.sections;
    });
  });

  const sourceById = computed(() => new Map(sources.value.map((s) => [s.id, s])));
  const failingSources = computed(() => sources.value.filter((s) => s.status === 'error' || s.status === 'gone'));

  /** Keeps the first screen for the next start (see home-snapshot.ts). */
  function remember(): void {
    const list = latest.value;
    if (!list || provisional) return;
    const readSet = read.value;
    const shown = [...list, ...continueReading.value];
    saveHomeSnapshot({
      latest: list,
      sections: sections.value,
      read: shown.filter((a) => readSet.has(a.id)).map((a) => a.id),
      continueReading: continueReading.value,
      lastSyncAt: lastSyncAt.value,
    });
  }

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
      const startedArticles = await getSummaries(db, started.map((s) => s.articleId));
      provisional &&= list.length === 0 && last === null;
      // What is already on screen stays as it is (the same objects), so only what changed is drawn.
      const savedSet = new Set(savedList.map((s) => s.articleId));
      batch(() => {
        if (!provisional) {
          if (!sameStories(latest.value, list)) latest.value = list;
          if (!sameRecords(sections.value, secs)) sections.value = secs;
        }
        if (!sameRecords(sources.value, srcs)) sources.value = srcs;
        if (!sameIds(read.value, readSet)) read.value = readSet;
        if (!sameIds(saved.value, savedSet)) saved.value = savedSet;
        lastSyncAt.value = last;
        if (!sameStories(continueReading.value, startedArticles)) continueReading.value = startedArticles;
        loadError.value = null;
        storageRead.value = true;
      });
      remember();
    } catch (err) {
      loadError.value = `Your stored stories could not be opened: ${err instanceof Error ? err.message : String(err)}`;
      latest.value ??= [];
      storageRead.value = true;
    }
  }

  let running: Promise<void> | null = null;
  let again: Promise<void> | null = null;
  // Callers waiting for the next sync to end (see syncEnded).
  const waiting: Array<() => void> = [];
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
        // The benchmark (npm run bench) times ingest from this mark to 'sync-indexed'.
        performance.mark('sync-start');
        // Fetching, parsing, storing and indexing all happen in the engine (a Worker): not on this thread.
        const summary: SyncSummary = await engine.sync({ force: options.force, corsProxy: corsProxy(), appBase }, (p) => (progress.value = p));
        performance.mark('sync-indexed', { detail: summary.skipped ? { skipped: true } : { added: summary.added, updated: summary.updated } });
        if (!summary.skipped) {
          const failed = summary.results.filter((r) => r.error).length;
          lastOutcome.value =
            `${summary.added === 0 ? 'No new stories' : `${summary.added} new ${summary.added === 1 ? 'story' : 'stories'}`}` +
            (failed ? `; ${failed} ${failed === 1 ? 'source' : 'sources'} failed` : '');
          if (summary.added || summary.updated) revision.value++;
        }
      } catch (err) {
        lastOutcome.value = `Sync failed: ${err instanceof Error ? err.message : String(err)}`;
        // The built-in first screen promised stories this sync was to store: from now on, show what is stored.
        provisional = false;
      } finally {
        progress.value = null;
        running = null;
        await refresh();
        for (const done of waiting.splice(0)) done();
      }
    })();
    return running;
  }

  /**
   * Resolves when the sync in progress ends, or else the next one, or after `timeoutMs`: a story a
   * first visit lists from the built-in first screen may still be on its way into storage.
   */
  function syncEnded(timeoutMs = 15_000): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        const i = waiting.indexOf(done);
        if (i >= 0) waiting.splice(i, 1);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      waiting.push(done);
    });
  }

  /** True while home lists the built-in first screen, before its first sync has stored those stories. */
  function showingBuiltInScreen(): boolean {
    return provisional;
  }

  let countsTimer: ReturnType<typeof setTimeout> | undefined;

  /** Marks local reader flags after a reader's action (the article page's buttons, a list's s and m). */
  function setFlags(articleId: string, flags: { read?: boolean; saved?: boolean }): void {
    applyFlags(articleId, flags);
    tellOtherTabs({ type: 'flags', articleId, flags });
  }

  function applyFlags(articleId: string, flags: { read?: boolean; saved?: boolean }): void {
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
    if (flags.read !== undefined) {
      remember();
      // The unread counts (per section, and "Unread only (N)") come from storage: re-read them once
      // the reader pauses, so a run of m presses costs one read.
      clearTimeout(countsTimer);
      countsTimer = setTimeout(() => void refresh(), COUNTS_PAUSE_MS);
    }
  }

  /** One page of a section's stories (or of all stories), newest first. */
  async function sectionArticles(section: string | undefined, offset = 0, limit = 50): Promise<ArticleSummary[]> {
    return latestArticles(await dbReady, { section, offset, limit });
  }

  /** Recently read stories, most recent first. */
  async function historyArticles(): Promise<ArticleSummary[]> {
    const db = await dbReady;
    return getSummaries(db, (await recentlyReadStates(db)).map((s) => s.articleId));
  }

  /** Time spent reading over all stories, for the history page. */
  async function readingTime(): Promise<number> {
    return readingTimeTotal(await dbReady);
  }

  /** Marks every story of a list read (home: all stories; a section: that section's). */
  async function markAllRead(section?: string): Promise<number> {
    const db = await dbReady;
    const ids = await orderedIds(db, section);
    const changed = await storeMarkAllRead(db, ids.filter((id) => !read.value.has(id)));
    await refresh();
    tellOtherTabs({ type: 'states' });
    return changed;
  }

  /** Saved stories, most recently saved first. */
  async function savedArticles(): Promise<ArticleSummary[]> {
    const db = await dbReady;
    return getSummaries(db, (await savedStates(db)).map((s) => s.articleId));
  }

  /**
   * Stored stories changed outside a sync (a restore, a saved page, a removed source): lists
   * reload and the engine rebuilds its indexes.
   */
  async function storiesChanged(): Promise<void> {
    tellOtherTabs({ type: 'stories' });
    await reloadStories();
  }

  async function reloadStories(): Promise<void> {
    revision.value++;
    await Promise.all([refresh(), engine.reload().catch((err) => console.warn('engine reload failed', err))]);
  }

  // The reader's actions in other tabs: this tab's lists, counts and buttons follow.
  onOtherTabs((news) => {
    if (news.type === 'flags') applyFlags(news.articleId, news.flags);
    else if (news.type === 'states') void refresh();
    else void reloadStories();
  });

  return {
    sectionArticles, savedArticles, historyArticles, readingTime, markAllRead, continueReading, unreadOnly, unreadTotal,
    latest, sections, sources, sourceById, failingSources, read, saved, lastSyncAt, progress, lastOutcome, loadError, storageRead,
    revision, refresh, sync, syncEnded, showingBuiltInScreen, setFlags, storiesChanged,
  };
}

/** The library model's public shape. */
export type LibraryModel = ReturnType<typeof createLibraryModel>;
