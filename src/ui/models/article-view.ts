// What one article page shows, in two loads: the story itself with its reader state and the lists
// storage answers at once (previous/next, latest in the section), then what the engine worker
// computes (related, "Don't miss", other coverage), so the story never waits for the indexes.
import type { Article } from '../../domain/article';
import type { Source } from '../../domain/source';
import { getArticle, getArticleByUrl, getSummaries, latestArticles, neighbourIds, type ArticleSummary } from '../../storage/articles-repo';
import type { Db } from '../../storage/db';
import { getReadingState, savedStates } from '../../storage/reading-state-repo';
import type { ReadingState } from '../../storage/schema';
import type { ListContext } from './list-context';
import type { RelatedModel } from './related';

/** A related story and the other sources that covered the same story. */
export interface RelatedStory {
  article: ArticleSummary;
  alsoCoveredBy: string[];
}

/** The data behind one article page, from storage. */
export interface ArticleView {
  article: Article;
  state: ReadingState;
  prev: ArticleSummary | null;
  next: ArticleSummary | null;
  latestInSection: ArticleSummary[];
}

/** The lists around a story that come from the engine's indexes. */
export interface ArticleSurroundings {
  related: RelatedStory[];
  dontMiss: ArticleSummary[];
  /** Titles of other sources that carried this same story. */
  alsoCoveredBy: string[];
}

const RELATED_LIMIT = 4;
const SECTION_LIMIT = 4;
const DONT_MISS_LIMIT = 4;
/** Don't miss picks from this many recent unread stories: enough for four sections, few enough to rank by coverage at once. */
const DONT_MISS_POOL = 24;
/** How many of the newest stories elsewhere Don't miss looks at (before leaving out the read ones). */
const DONT_MISS_RECENT = 48;

/** Previous (newer) and next (older) story ids of `article` in the list the reader came from. */
async function pagerIds(db: Db, article: Article, ctx: ListContext): Promise<{ newer: string | null; older: string | null }> {
  if (ctx.kind !== 'saved') return neighbourIds(db, article, ctx.kind === 'section' ? ctx.section : undefined);
  // Saved: in the order it was saved (a short list, read whole).
  const ids = (await savedStates(db)).map((s) => s.articleId);
  const pos = ids.indexOf(article.id);
  return pos < 0 ? { newer: null, older: null } : { newer: ids[pos - 1] ?? null, older: ids[pos + 1] ?? null };
}

/** Loads an article, its reader state and the storage lists around it; null when the id is not stored. */
export async function loadArticleView(db: Db, id: string, ctx: ListContext): Promise<ArticleView | null> {
  const article = await getArticle(db, id);
  if (!article) return null;
  const [state, { newer, older }, sectionList] = await Promise.all([
    getReadingState(db, id),
    pagerIds(db, article, ctx),
    latestArticles(db, { section: article.section, limit: SECTION_LIMIT + 1 }),
  ]);
  // Previous = the newer neighbour in the list, Next = the older one, as on a news site's story pager.
  const byId = new Map((await getSummaries(db, [newer, older].filter((n): n is string => !!n))).map((a) => [a.id, a]));
  return {
    article,
    state,
    prev: (newer && byId.get(newer)) || null,
    next: (older && byId.get(older)) || null,
    latestInSection: sectionList.filter((a) => a.id !== id).slice(0, SECTION_LIMIT),
  };
}

/**
 * Related stories, "Don't miss" (unread, recent, other sections, widely covered first) and other
 * coverage of a story; `neighbours` (the pager's previous and next) get their related stories
 * worked out ahead, as j/k and Next are how readers move on.
 */
export async function loadSurroundings(
  db: Db,
  article: ArticleSummary,
  neighbours: string[],
  sectionIds: string[],
  related: RelatedModel,
  reader: { read: ReadonlySet<string>; sources: ReadonlyMap<string, Source> },
): Promise<ArticleSurroundings> {
  const id = article.id;
  const { hits, duplicates } = await related.forArticle(id, RELATED_LIMIT).finally(() => related.prefetch(neighbours, RELATED_LIMIT));
  const excluded = [id, ...duplicates, ...hits.flatMap((h) => [h.id, ...h.alsoCoveredBy]), ...sectionIds];

  // Don't miss: unread, recent, from other sections; stories several sources covered first,
  // and no two from one section while another section has something to offer. The engine lists
  // the candidates, so nothing but the four chosen is read from storage.
  const eligible = (await related.recentElsewhere(article.section, excluded, DONT_MISS_RECENT))
    .filter((a) => !reader.read.has(a.id))
    .slice(0, DONT_MISS_POOL);
  const covered = await related.coverage(eligible.map((a) => a.id));
  const candidates = eligible
    .map((a, i) => ({ a, covered: covered[i] ?? 0 }))
    .sort((x, y) => y.covered - x.covered || y.a.publishedAt - x.a.publishedAt || (x.a.id < y.a.id ? -1 : 1))
    .map((x) => x.a);
  const firstPerSection = candidates.filter((a, i) => candidates.findIndex((b) => b.section === a.section) === i);
  const chosen = [...firstPerSection, ...candidates.filter((a) => !firstPerSection.includes(a))].slice(0, DONT_MISS_LIMIT);

  // One read for every story the lists name: related hits, their other coverage, ours, and Don't miss.
  const named = new Map(
    (await getSummaries(db, new Set([...hits.flatMap((h) => [h.id, ...h.alsoCoveredBy]), ...duplicates, ...chosen.map((a) => a.id)]))).map((a) => [a.id, a]),
  );
  const sourceTitle = (sourceId: string) => reader.sources.get(sourceId)?.title ?? 'another source';
  const coveredBy = (ids: string[], except: string) =>
    [...new Set(ids.map((d) => named.get(d)?.sourceId).filter((s): s is string => !!s && s !== except))].map(sourceTitle);
  const relatedStories: RelatedStory[] = hits.flatMap((h) => {
    const a = named.get(h.id);
    return a ? [{ article: a, alsoCoveredBy: coveredBy(h.alsoCoveredBy, a.sourceId) }] : [];
  });
  const dontMiss = chosen.flatMap((a) => named.get(a.id) ?? []);
  return { related: relatedStories, dontMiss, alsoCoveredBy: coveredBy(duplicates, article.sourceId) };
}

/** Maps the absolute URLs in a body to the ids of stored articles, so those links open offline. */
export async function storedLinkTargets(db: Db, urls: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await Promise.all(
    [...new Set(urls)].map(async (url) => {
      const hit = await getArticleByUrl(db, url);
      if (hit) out.set(url, hit.id);
    }),
  );
  return out;
}
