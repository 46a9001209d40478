// WordPress REST API adapter: /wp-json/wp/v2/posts?_embed JSON → normalized items. DOM-free.
import type { ArticleInput } from '../domain/article';
import type { ParsedFeed } from './json-feed';
import { canonicalUrl, parseDate, resolveUrl } from './normalize';
import { dekFrom, htmlToPlain } from './feed-text';
import { SourceParseError } from './parse-error';

type Json = Record<string, unknown>;

/** Parses a posts collection fetched from postsUrl; throws SourceParseError for anything else. */
export function parseWordPressPosts(text: string, postsUrl: string, sourceId: string): ParsedFeed {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new SourceParseError('This is not a WordPress posts list: the answer is not valid JSON.');
  }
  if (!Array.isArray(json)) {
    const message = isObject(json) && typeof json.message === 'string' ? ` (the site said: ${json.message})` : '';
    throw new SourceParseError(`This is not a WordPress posts list${message}.`);
  }
  const items = json.filter(isObject).map((post) => normalizePost(post, postsUrl, sourceId));
  const home = URL.canParse(postsUrl) ? new URL(postsUrl) : null;
  return { title: home?.hostname ?? postsUrl, homeUrl: home ? `${home.origin}/` : null, items: items.filter((i): i is ArticleInput => i !== null) };
}

function normalizePost(post: Json, postsUrl: string, sourceId: string): ArticleInput | null {
  const link = resolveUrl(str(post.link), postsUrl);
  const guid = str(rendered(post.guid)) ?? (typeof post.id === 'number' ? `wp:${post.id}` : null);
  if (!link && !guid) return null;
  const embedded = isObject(post._embedded) ? post._embedded : {};
  return {
    sourceId,
    guid,
    url: link ? canonicalUrl(link) : postsUrl,
    title: htmlToPlain(rendered(post.title)),
    dek: dekFrom(htmlToPlain(rendered(post.excerpt))),
    author: firstOf(embedded.author, (a) => htmlToPlain(str(a.name)) || null),
    sections: categoryNames(embedded['wp:term']),
    publishedAt: gmtDate(post.date_gmt) ?? gmtDate(post.date),
    updatedAt: gmtDate(post.modified_gmt) ?? gmtDate(post.modified),
    contentHtml: rendered(post.content) ?? '',
    baseUrl: link ?? postsUrl,
    imageUrl: resolveUrl(firstOf(embedded['wp:featuredmedia'], (m) => str(m.source_url)), postsUrl),
    language: null,
  };
}

/** WordPress writes *_gmt dates without a zone designator: they are UTC, not local time. */
export function gmtDate(value: unknown): number | null {
  const s = str(value);
  if (!s) return null;
  return parseDate(/(Z|[+-]\d\d:?\d\d)$/i.test(s) ? s : `${s}Z`);
}

// wp:term is one array per taxonomy; only categories are sections (tags are too fine-grained).
function categoryNames(terms: unknown): string[] {
  if (!Array.isArray(terms)) return [];
  const names = terms
    .flat()
    .filter(isObject)
    .filter((t) => t.taxonomy === 'category')
    .map((t) => htmlToPlain(str(t.name)))
    .filter((n) => n && n.toLowerCase() !== 'uncategorized');
  return [...new Set(names)];
}

function firstOf(list: unknown, pick: (o: Json) => string | null): string | null {
  if (!Array.isArray(list)) return null;
  const first = list[0];
  return isObject(first) ? pick(first) : null;
}

function rendered(value: unknown): string | null {
  return isObject(value) ? str(value.rendered) : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
