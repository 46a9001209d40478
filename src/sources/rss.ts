// RSS 0.9x/2.0 and RSS 1.0 (RDF) items → ArticleInput. Both share the item vocabulary we read.
import type { RdfFeed, RssFeed } from 'feedsmith';
import type { ArticleInput } from '../domain/article';
import { canonicalUrl, parseUnknownDate, resolveUrl } from './normalize';
import { alternateLink, atomTextHtml } from './atom-text';
import { dekFrom, firstImageSrc, firstText, firstUrl, htmlToPlain, languageTag, looksLikeImage, syntheticGuid, textConstruct } from './feed-text';
import { NO_EXTRAS, type ItemExtras } from './xml-extras';
import type { FeedMeta } from './xml-feed-types';

type RssItem = RssFeed.Item<string>;
type RdfItem = RdfFeed.Item<string>;
// The union of what either flavour may carry; RDF simply lacks some fields.
type AnyItem = Partial<RssItem> & Partial<RdfItem>;

/** Feed-level facts of an RSS 2.0 or RDF channel; `docBase` is the document's own address. */
export function rssMeta(feed: RssFeed.Feed<string> | RdfFeed.Feed<string>, docBase: string): FeedMeta {
  const base = resolveBase(feed.xml?.base, docBase);
  const rss = feed as Partial<RssFeed.Feed<string>>;
  return {
    title: htmlToPlain(feed.title ?? '') || htmlToPlain(feed.dc?.titles?.[0]),
    // An <atom:link rel="alternate"> stands in for a missing <link> (feeds built from Atom templates).
    homeUrl: resolveUrl(feed.link, base) ?? alternateLink(rss.atom?.links, base),
    language: languageTag(firstText(rss.language, feed.dc?.languages?.[0], feed.xml?.lang)),
    base,
    author: firstText(rss.managingEditor?.name, feed.dc?.creators?.[0], rss.itunes?.author),
  };
}

/** Normalizes one RSS or RDF item; never throws on missing fields. `extras` come from xml-extras.ts. */
export function rssItem(item: AnyItem, meta: FeedMeta, sourceId: string, extras: ItemExtras = NO_EXTRAS): ArticleInput {
  const base = resolveBase(item.xml?.base, meta.base);
  const atom = item.atom;
  const link = resolveUrl(item.link, base) ?? alternateLink(atom?.links, base) ?? permalinkGuid(item, base);
  const title =
    htmlToPlain(item.title) ||
    htmlToPlain(item.dc?.titles?.[0]) ||
    textConstruct(atom?.title?.value, atom?.title?.type) ||
    htmlToPlain(item.media?.title?.value);
  const description = item.description ?? item.dc?.descriptions?.[0] ?? atomHtml(atom?.summary) ?? item.itunes?.summary ?? '';
  const contentHtml = item.content?.encoded ?? extras.contentHtml ?? atomHtml(atom?.content) ?? description;
  const guidValue = firstText(item.guid?.value, item.rdf?.about, item.dc?.identifiers?.[0], atom?.id);
  const author = firstText(
    item.authors?.map((a) => a.name || a.email).filter(Boolean).join(', '),
    item.dc?.creators?.join(', '),
    extras.author ? personName(extras.author) : null,
    atom?.authors?.map((a) => a.name?.trim() || a.email?.trim()).filter(Boolean).join(', '),
    item.itunes?.author,
  );
  // The order other readers list them in: RSS categories, iTunes, Dublin Core, media, Atom.
  // iTunes keywords are search terms, not sections: a podcast's dozen keywords would bury its category.
  const sections = [
    ...(item.categories ?? []).map((c) => c.name),
    ...extras.categories,
    ...(item.dc?.subjects ?? []),
    ...(item.media?.categories ?? []).map((c) => c.label || c.name),
    ...(atom?.categories ?? []).map((c) => c.label || c.term),
  ].map((s) => htmlToPlain(s)).filter(Boolean);
  const dated = item.dc?.dates?.[0] ?? item.dcterms?.modified?.[0];
  const publishedAt =
    parseUnknownDate(item.pubDate) ?? parseUnknownDate(item.dcterms?.issued?.[0]) ?? parseUnknownDate(atom?.published) ?? parseUnknownDate(dated);
  const updatedAt = parseUnknownDate(dated) ?? parseUnknownDate(atom?.updated);
  return {
    sourceId,
    guid: guidValue ?? (link ? null : syntheticGuid(title, contentHtml)),
    url: link ? canonicalUrl(link) : meta.homeUrl ?? base,
    title,
    // With content:encoded the description is the standfirst; alone it is the body, and the dek its start.
    dek: dekFrom(htmlToPlain(description)),
    author: author ?? meta.author,
    sections: [...new Set(sections)],
    // An item dated only by its last update is listed at that date rather than at "unknown".
    publishedAt: publishedAt ?? updatedAt,
    updatedAt,
    contentHtml,
    baseUrl: base,
    imageUrl: rssImage(item, contentHtml, base),
    language: languageTag(item.xml?.lang) ?? meta.language,
  };
}

// "Jane Doe (jane@example.org)" or "jane@example.org (Jane Doe)" → the name a reader sees.
function personName(value: string): string {
  const v = value.trim();
  const paren = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(v);
  if (paren) return paren[1]!.includes('@') ? paren[2]!.trim() || v : paren[1]!.trim() || v;
  return v;
}

// An embedded Atom text construct (atom:summary, atom:content) as HTML, or undefined when absent.
function atomHtml(text: { value?: string; type?: string } | undefined): string | undefined {
  if (!text?.value) return undefined;
  return atomTextHtml(text.value, text.type) || undefined;
}

function rssImage(item: AnyItem, html: string, base: string): string | null {
  const media = [...(item.media?.contents ?? []), ...(item.media?.groups ?? []).flatMap((g) => g.contents ?? [])];
  const mediaImage = media.find((m) => looksLikeImage(m.type, m.medium, m.url))?.url;
  const thumb = item.media?.thumbnails?.[0]?.url ?? media.flatMap((m) => m.thumbnails ?? [])[0]?.url;
  const enclosure = item.enclosures?.find((e) => looksLikeImage(e.type, null, e.url))?.url;
  return firstUrl([mediaImage, thumb, enclosure, item.itunes?.image], base) ?? firstImageSrc(html, base);
}

// An RSS guid that is a permalink doubles as the link when <link> is missing.
function permalinkGuid(item: AnyItem, base: string): string | null {
  const guid = item.guid;
  if (!guid || guid.isPermaLink === false) return null;
  return /^https?:\/\//i.test(guid.value ?? '') ? resolveUrl(guid.value, base) : null;
}

/** Resolves a (possibly relative) xml:base against its parent's base. */
export function resolveBase(xmlBase: string | null | undefined, parent: string): string {
  return resolveUrl(xmlBase, parent) ?? parent;
}
