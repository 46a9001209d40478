// JSON Feed 1.0/1.1 adapter: bytes of a feed → normalized ArticleInput items. DOM-free.
import { parseJsonFeed } from 'feedsmith';
import type { ArticleInput } from '../domain/article';
import { documentBase, headerLanguage, type FeedContext } from './feed-context';
import { syntheticGuid } from './feed-text';
import { canonicalUrl, parseUnknownDate, resolveUrl } from './normalize';

/** A parsed feed: its own metadata plus normalized items. */
export interface ParsedFeed {
  title: string;
  homeUrl: string | null;
  /** The feed's language (BCP 47-ish), when it or the response names one. */
  language?: string | null;
  items: ArticleInput[];
}

type JsonItem = NonNullable<ReturnType<typeof parseJsonFeed>['items']>[number];

/** Parses JSON Feed text fetched from feedUrl; throws a readable error for anything else. */
export function parseJsonFeedText(text: string, feedUrl: string, sourceId: string, context: FeedContext = {}): ParsedFeed {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new Error('This is not a JSON Feed: the file is not valid JSON.');
  }
  let feed: ReturnType<typeof parseJsonFeed>;
  try {
    feed = parseJsonFeed(lenientVersion(json));
  } catch {
    throw new Error('This is not a JSON Feed: it lacks the "version" and "items" a JSON Feed has.');
  }
  const base = documentBase(feedUrl, context);
  const language = feed.language?.trim() || headerLanguage(context);
  const items = (feed.items ?? []).map((item) => normalizeItem(item, base, sourceId, language, feed.authors));
  return {
    title: feed.title?.trim() || new URL(feedUrl).hostname,
    homeUrl: resolveUrl(feed.home_page_url, base),
    language,
    items,
  };
}

type JsonAuthors = JsonItem['authors'];

function normalizeItem(
  item: JsonItem,
  feedUrl: string,
  sourceId: string,
  feedLanguage: string | null,
  feedAuthors: JsonAuthors,
): ArticleInput {
  const url = resolveUrl(item.url, feedUrl) ?? resolveUrl(item.external_url, feedUrl);
  const contentHtml = item.content_html ?? (item.content_text ? textToHtml(item.content_text) : '');
  const title = item.title?.trim() ?? '';
  // Items with neither id nor url still deserve a stable identity, as in the RSS and Atom adapters.
  const guid = item.id != null && String(item.id).trim() ? String(item.id) : url ? null : syntheticGuid(title, contentHtml);
  // Items without authors inherit the feed's (JSON Feed 1.1 §authors; feedsmith maps 1.0's `author` there too).
  const author = (item.authors?.length ? item.authors : feedAuthors)?.map((a) => a.name?.trim()).filter(Boolean).join(', ') || null;
  return {
    sourceId,
    guid,
    url: url ? canonicalUrl(url) : feedUrl,
    title,
    dek: item.summary?.trim() ?? '',
    author,
    sections: item.tags?.map((t) => String(t).trim()).filter(Boolean) ?? [],
    publishedAt: parseUnknownDate(item.date_published),
    updatedAt: parseUnknownDate(item.date_modified),
    contentHtml,
    baseUrl: feedUrl,
    imageUrl: resolveUrl(item.image ?? item.banner_image, feedUrl),
    language: item.language ?? feedLanguage,
  };
}

// content_text is plain text: escape it and keep its paragraphs.
function textToHtml(text: string): string {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return esc
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.trim().replace(/\n/g, '<br>')}</p>`)
    .join('');
}

// Real feeds write "version": "1.0" or "1.1" instead of the spec's URL; feedsmith refuses those,
// yet the rest of the object is a perfectly good JSON Feed.
function lenientVersion(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  const obj = json as Record<string, unknown>;
  const version = obj.version;
  if (Array.isArray(obj.items) && typeof version === 'string' && /^1(\.[01])?$/.test(version.trim())) {
    return { ...obj, version: `https://jsonfeed.org/version/${version.trim() === '1.1' ? '1.1' : '1'}` };
  }
  return json;
}
