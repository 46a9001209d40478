// Everything one article page shows, loaded in one go: the story, reader state and the story lists around it.
import type { Article } from '../../domain/article';
import type { Source } from '../../domain/source';
import { getArticle, getArticleByUrl, getSummaries, latestArticles, orderedIds, type ArticleSummary } from '../../storage/articles-repo';
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

/** The data behind one article page. */
export interface ArticleView {
  article: Article;
  state: ReadingState;
  prev: ArticleSummary | null;
  next: ArticleSummary | null;
  latestInSection: ArticleSummary[];
  related: RelatedStory[];
  dontMiss: ArticleSummary[];
  /** Titles of other sources that carried this same story. */
  alsoCoveredBy: string[];
}

const RELATED_LIMIT = 4;
const SECTION_LIMIT = 4;
const DONT_MISS_LIMIT = 4;

async function contextIds(db: Db, ctx: ListContext): Promise<string[]> {
  if (ctx.kind === 'saved') return (await savedStates(db)).map((s) => s.articleId);
  return orderedIds(db, ctx.kind === 'section' ? ctx.section : undefined);
}

/** Loads an article and its surrounding lists; null when the id is not stored. */
export async function loadArticleView(
  db: Db,
  id: string,
  ctx: ListContext,
  related: RelatedModel,
  reader: { read: ReadonlySet<string>; sources: ReadonlyMap<string, Source> },
): Promise<ArticleView | null> {
  const article = await getArticle(db, id);
  if (!article) return null;
  const [state, ids, sectionList, { hits, duplicates }, recent] = await Promise.all([
    getReadingState(db, id),
    contextIds(db, ctx),
    latestArticles(db, { section: article.section, limit: SECTION_LIMIT + 1 }),
    related.forArticle(id, RELATED_LIMIT),
    latestArticles(db, { limit: 80 }),
  ]);
  // Previous = the newer neighbour in the list, Next = the older one, as on a news site's story pager.
  const pos = ids.indexOf(id);
  const [prev = null, next = null] = await Promise.all(
    [pos > 0 ? ids[pos - 1] : undefined, pos >= 0 ? ids[pos + 1] : undefined].map(async (n) => (n ? (await getSummaries(db, [n]))[0] ?? null : null)),
  );

  const sourceTitle = (sourceId: string) => reader.sources.get(sourceId)?.title ?? 'another source';
  // One read for every story the lists name: related hits, their other coverage, and ours.
  const named = new Map(
    (await getSummaries(db, new Set([...hits.flatMap((h) => [h.id, ...h.alsoCoveredBy]), ...duplicates]))).map((a) => [a.id, a]),
  );
  const coveredBy = (ids: string[], except: string) =>
    [...new Set(ids.map((d) => named.get(d)?.sourceId).filter((s): s is string => !!s && s !== except))].map(sourceTitle);
  const relatedStories: RelatedStory[] = hits.flatMap((h) => {
    const a = named.get(h.id);
    return a ? [{ article: a, alsoCoveredBy: coveredBy(h.alsoCoveredBy, a.sourceId) }] : [];
  });
  const excluded = new Set([id, ...duplicates, ...hits.flatMap((h) => [h.id, ...h.alsoCoveredBy])]);
  const sectionIds = new Set(sectionList.map((a) => a.id));

  // Don't miss: unread, recent, from other sections; stories several sources covered first,
  // and no two from one section while another section has something to offer.
  const eligible = recent.filter(
    (a) => !excluded.has(a.id) && !sectionIds.has(a.id) && a.section !== article.section && !reader.read.has(a.id),
  );
  const covered = await related.coverage(eligible.map((a) => a.id));
  const candidates = eligible
    .map((a, i) => ({ a, covered: covered[i] ?? 0 }))
    .sort((x, y) => y.covered - x.covered || y.a.publishedAt - x.a.publishedAt)
    .map((x) => x.a);
  const firstPerSection = candidates.filter((a, i) => candidates.findIndex((b) => b.section === a.section) === i);
  const dontMiss = [...firstPerSection, ...candidates.filter((a) => !firstPerSection.includes(a))].slice(0, DONT_MISS_LIMIT);

  return {
    article,
    state,
    prev,
    next,
    latestInSection: sectionList.filter((a) => a.id !== id).slice(0, SECTION_LIMIT),
    related: relatedStories,
    dontMiss,
    alsoCoveredBy: coveredBy(duplicates, article.sourceId),
  };
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
