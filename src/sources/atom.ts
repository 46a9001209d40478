// Atom 0.3/1.0 entries → ArticleInput (feedsmith maps 0.3's issued/modified to published/updated).
import type { AtomFeed } from 'feedsmith';
import type { ArticleInput } from '../domain/article';
import { canonicalUrl, parseUnknownDate, resolveUrl } from './normalize';
import { decodeBase64, dekFrom, firstImageSrc, firstText, firstUrl, htmlToPlain, isBase64Type, languageTag, looksLikeImage, syntheticGuid, textConstruct } from './feed-text';
import { resolveBase } from './rss';
import type { FeedMeta } from './xml-feed-types';

type Entry = AtomFeed.Entry<string>;
type Link = AtomFeed.Link<string>;
type Person = AtomFeed.Person;

/** Feed-level facts of an Atom feed. */
export function atomMeta(feed: AtomFeed.Feed<string>, feedUrl: string): FeedMeta {
  const base = resolveBase(feed.xml?.base, feedUrl);
  return {
    title: textConstruct(feed.title?.value, feed.title?.type),
    homeUrl: alternateLink(feed.links, base),
    language: languageTag(firstText(feed.xml?.lang, feed.dc?.languages?.[0])),
    base,
    author: names(feed.authors),
  };
}

/** Normalizes one Atom entry; never throws on missing fields. */
export function atomEntry(entry: Entry, meta: FeedMeta, sourceId: string): ArticleInput {
  const base = resolveBase(entry.xml?.base, meta.base);
  const link = alternateLink(entry.links, base);
  const title = textConstruct(entry.title?.value, entry.title?.type);
  const summaryHtml = asHtml(entry.summary?.value, entry.summary?.type);
  const contentHtml = asHtml(entry.content?.value, entry.content?.type) || summaryHtml;
  const guid = firstText(entry.id);
  const sections = (entry.categories ?? []).map((c) => htmlToPlain(c.label || c.term)).filter(Boolean);
  return {
    sourceId,
    guid: guid ?? (link ? null : syntheticGuid(title, contentHtml)),
    url: link ? canonicalUrl(link) : meta.homeUrl ?? base,
    title,
    dek: dekFrom(htmlToPlain(summaryHtml)),
    author: names(entry.authors) ?? names(entry.source?.authors) ?? firstText(entry.dc?.creators?.join(', ')) ?? meta.author,
    sections: [...new Set(sections)],
    publishedAt: parseUnknownDate(entry.published) ?? parseUnknownDate(entry.dc?.dates?.[0]) ?? parseUnknownDate(entry.dcterms?.issued?.[0]),
    updatedAt: parseUnknownDate(entry.updated) ?? parseUnknownDate(entry.dcterms?.modified?.[0]),
    contentHtml,
    baseUrl: base,
    imageUrl: atomImage(entry, contentHtml, base),
    language: languageTag(entry.xml?.lang) ?? meta.language,
  };
}

/** The rel=alternate link (HTML first), else the first link without a rel; resolved. */
export function alternateLink(links: Link[] | undefined, base: string): string | null {
  const alternates = (links ?? []).filter((l) => !l.rel || l.rel === 'alternate');
  const html = alternates.find((l) => !l.type || /html/i.test(l.type)) ?? alternates[0];
  return resolveUrl(html?.href, base);
}

function names(people: Person[] | undefined): string | null {
  return firstText((people ?? []).map((p) => p.name?.trim() || p.email?.trim()).filter(Boolean).join(', '));
}

// Atom text constructs default to plain text: escape those so contentHtml is always HTML.
function asHtml(value: string | undefined, type: string | undefined): string {
  if (!value) return '';
  if (isBase64Type(type)) return escapeText(decodeBase64(value));
  const t = (type ?? 'text').toLowerCase();
  if (t === 'text' || t === 'text/plain') return escapeText(value);
  return value;
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function atomImage(entry: Entry, html: string, base: string): string | null {
  const media = [...(entry.media?.contents ?? []), ...(entry.media?.groups ?? []).flatMap((g) => g.contents ?? [])];
  const mediaImage = media.find((m) => looksLikeImage(m.type, m.medium, m.url))?.url;
  const thumb = entry.media?.thumbnails?.[0]?.url ?? media.flatMap((m) => m.thumbnails ?? [])[0]?.url;
  const enclosure = (entry.links ?? []).find((l) => l.rel === 'enclosure' && looksLikeImage(l.type, null, l.href))?.href;
  return firstUrl([mediaImage, thumb, enclosure, entry.itunes?.image], base) ?? firstImageSrc(html, base);
}
