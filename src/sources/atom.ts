// Atom 0.3/1.0 entries → ArticleInput (feedsmith maps 0.3's issued/modified to published/updated).
import type { AtomFeed } from 'feedsmith';
import type { ArticleInput } from '../domain/article';
import { canonicalUrl, parseUnknownDate, resolveUrl } from './normalize';
import { alternateLink, atomTextHtml } from './atom-text';
import { dekFrom, firstImageSrc, firstText, firstUrl, htmlToPlain, languageTag, looksLikeImage, syntheticGuid, textConstruct } from './feed-text';
import { resolveBase } from './rss';
import type { FeedMeta } from './xml-feed-types';

type Entry = AtomFeed.Entry<string>;
type Person = AtomFeed.Person;

/** Feed-level facts of an Atom feed; `docBase` is the document's own address. */
export function atomMeta(feed: AtomFeed.Feed<string>, docBase: string): FeedMeta {
  const base = resolveBase(feed.xml?.base, docBase);
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
  const summaryHtml = atomTextHtml(entry.summary?.value, entry.summary?.type);
  const contentHtml = atomTextHtml(entry.content?.value, entry.content?.type) || summaryHtml;
  const guid = atomId(entry.id, base);
  const updatedAt = parseUnknownDate(entry.updated) ?? parseUnknownDate(entry.dcterms?.modified?.[0]);
  const publishedAt =
    parseUnknownDate(entry.published) ?? parseUnknownDate(entry.dc?.dates?.[0]) ?? parseUnknownDate(entry.dcterms?.issued?.[0]);
  const sections = (entry.categories ?? []).map((c) => htmlToPlain(c.label || c.term)).filter(Boolean);
  return {
    sourceId,
    guid: guid ?? (link ? null : syntheticGuid(title, contentHtml)),
    url: link ? canonicalUrl(link) : meta.homeUrl ?? base,
    title,
    dek: dekFrom(htmlToPlain(summaryHtml)),
    author: names(entry.authors) ?? names(entry.source?.authors) ?? firstText(entry.dc?.creators?.join(', ')) ?? meta.author,
    sections: [...new Set(sections)],
    // An entry dated only by its last update (common in Atom 0.3) is listed at that date.
    publishedAt: publishedAt ?? updatedAt,
    updatedAt,
    contentHtml,
    baseUrl: base,
    imageUrl: atomImage(entry, contentHtml, base),
    language: languageTag(entry.xml?.lang) ?? meta.language,
  };
}

// atom:id is an IRI and may be a path relative to xml:base (RFC 4287 §4.2.6). Absolute ids and
// bare tokens ("12345", which generators use as opaque ids) are kept as written.
function atomId(id: string | undefined, base: string): string | null {
  const value = firstText(id);
  if (!value || /^[a-z][a-z0-9+.-]*:/i.test(value) || !value.includes('/')) return value;
  return resolveUrl(value, base) ?? value;
}

function names(people: Person[] | undefined): string | null {
  return firstText((people ?? []).map((p) => p.name?.trim() || p.email?.trim()).filter(Boolean).join(', '));
}

function atomImage(entry: Entry, html: string, base: string): string | null {
  const media = [...(entry.media?.contents ?? []), ...(entry.media?.groups ?? []).flatMap((g) => g.contents ?? [])];
  const mediaImage = media.find((m) => looksLikeImage(m.type, m.medium, m.url))?.url;
  const thumb = entry.media?.thumbnails?.[0]?.url ?? media.flatMap((m) => m.thumbnails ?? [])[0]?.url;
  const enclosure = (entry.links ?? []).find((l) => l.rel === 'enclosure' && looksLikeImage(l.type, null, l.href))?.href;
  return firstUrl([mediaImage, thumb, enclosure, entry.itunes?.image], base) ?? firstImageSrc(html, base);
}
