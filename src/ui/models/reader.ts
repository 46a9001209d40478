// The reader model: opening an article page and the reader's actions on it (save, read, links).
import type { Db } from '../../storage/db';
import { applyProgressIfNewer, setRead, setSaved, updateReadingState } from '../../storage/reading-state-repo';
import type { ReadingProgress, ReadingState } from '../../storage/schema';
import { articleHref } from './list-context';
import type { ArticleSurroundings, ArticleView } from './article-view';
import type { ArticleSummary } from '../../storage/articles-repo';
import type { LibraryModel } from './library';
import type { ListContext } from './list-context';
import type { RelatedModel } from './related';
import { notedProgress, noteProgress, settleProgress } from './progress-journal';
import { takeNotedTimes } from './time-journal';

/** Creates the reader model over the database and the library it keeps in step. */
export function createReaderModel(dbReady: Promise<Db>, library: LibraryModel, related: RelatedModel) {
  // Positions a closing page noted but could not store (progress-journal.ts) go in first, so the
  // story reopens where the reader left it and "Continue reading" lists it.
  const replayed = replayNotedProgress(dbReady).then(
    (applied) => void (applied > 0 && library.refresh()),
    (err: unknown) => console.warn('could not replay reading positions:', err),
  );
  // Reading time a closing page noted (time-journal.ts) is added to its story's state, after the
  // positions: adding time stamps the state, and a position noted earlier would then be refused.
  void replayed.then(() => replayNotedTime(dbReady)).catch((err: unknown) => console.warn('could not replay reading time:', err));

  /** Loads one article page's data; null when the article is not stored. */
  async function open(id: string, ctx: ListContext): Promise<ArticleView | null> {
    // The article page's queries load with the article route, not with the first screen.
    const { loadArticleView } = await import('./article-view');
    await replayed;
    const load = async () => loadArticleView(await dbReady, id, ctx);
    const view = await load();
    // A first visit lists the built-in edition before its first sync has stored it: wait for that sync.
    if (view || !library.showingBuiltInScreen()) return view;
    await library.syncEnded();
    return load();
  }

  /** Related stories, "Don't miss" and other coverage of an opened article (from the engine worker). */
  async function surroundings(article: ArticleSummary, neighbours: string[] = [], sectionIds: string[] = []): Promise<ArticleSurroundings> {
    const { loadSurroundings } = await import('./article-view');
    return loadSurroundings(await dbReady, article, neighbours, sectionIds, related, { read: library.read.value, sources: library.sourceById.value });
  }

  /** Saves or unsaves an article. */
  async function save(id: string, saved: boolean): Promise<ReadingState> {
    const state = await setSaved(await dbReady, id, saved);
    library.setFlags(id, { saved });
    return state;
  }

  /** Marks an article read or unread. */
  async function markRead(id: string, read: boolean): Promise<ReadingState> {
    const state = await setRead(await dbReady, id, read);
    library.setFlags(id, { read });
    return state;
  }

  /** Keeps where the reader is in an article (anchor paragraph + offset). */
  async function saveProgress(id: string, progress: ReadingProgress): Promise<void> {
    const at = Date.now();
    noteProgress(id, progress, at);
    await updateReadingState(await dbReady, id, () => ({ progress }), at);
    settleProgress(id, at);
  }

  /** Adds active reading time to an article's state (kept for history and speed learning). */
  async function addTimeSpent(id: string, ms: number): Promise<void> {
    if (ms < 1000) return;
    await updateReadingState(await dbReady, id, (s) => ({ timeSpentMs: s.timeSpentMs + Math.round(ms) }));
  }

  /** App routes for the URLs among `urls` that are stored articles. */
  async function storedRoutes(urls: string[]): Promise<Map<string, string>> {
    const { storedLinkTargets } = await import('./article-view');
    const ids = await storedLinkTargets(await dbReady, urls);
    return new Map([...ids].map(([url, id]) => [url, articleHref(id)]));
  }

  return { open, surroundings, save, markRead, saveProgress, addTimeSpent, storedRoutes };
}

/** The reader model's public shape. */
export type ReaderModel = ReturnType<typeof createReaderModel>;

/** Stores the positions noted in localStorage that are newer than what IndexedDB has; returns how many were applied. */
export async function replayNotedProgress(dbReady: Promise<Db>): Promise<number> {
  const noted = notedProgress();
  if (noted.length === 0) return 0;
  const db = await dbReady;
  let applied = 0;
  for (const { articleId, progress, at } of noted) {
    if (await applyProgressIfNewer(db, articleId, progress, at)) applied++;
    settleProgress(articleId, at);
  }
  return applied;
}

/** Adds the reading time closing pages noted to the stories' states; returns how many got some. */
export async function replayNotedTime(dbReady: Promise<Db>): Promise<number> {
  // Taken only once the database is open: a failed open leaves the notes for the next start.
  const db = await dbReady;
  const noted = takeNotedTimes();
  let applied = 0;
  for (const { articleId, ms } of noted) {
    // A story no longer stored gets no state (see applyProgressIfNewer).
    if ((await db.getKey('articles', articleId)) === undefined) continue;
    await updateReadingState(db, articleId, (s) => ({ timeSpentMs: s.timeSpentMs + ms }));
    applied++;
  }
  return applied;
}
