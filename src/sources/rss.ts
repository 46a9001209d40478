// RSS 0.9x/2.0 and RSS 1.0 (RDF) items → ArticleInput. Both share the item vocabulary we read.
import type { RdfFeed, RssFeed } from 'feedsmith';
import type { ArticleInput } from '../domain/article';
import { canonicalUrl, parseUnknownDate, resolveUrl } from './normalize';
import { dekFrom, firstImageSrc, firstText, firstUrl, htmlToPlain, languageTag, looksLikeImage, syntheticGuid } from './feed-text';
import type { FeedMeta } from './xml-feed-types';

type RssItem = RssFeed.Item<string>;
type RdfItem = RdfFeed.Item<string>;
// The union of what either flavour may carry; RDF simply lacks some fields.
type AnyItem = Partial<RssItem> & Partial<RdfItem>;

/** Feed-level facts of an RSS 2.0 or RDF channel. */
export function rssMeta(feed: RssFeed.Feed<string> | RdfFeed.Feed<string>, feedUrl: string): FeedMeta {
  const base = resolveBase(feed.xml?.base, feedUrl);
  const rss = feed as Partial<RssFeed.Feed<string>>;
  return {
    title: htmlToPlain(feed.title ?? '') || htmlToPlain(feed.dc?.titles?.[0]),
    homeUrl: resolveUrl(feed.link, base),
    language: languageTag(firstText(rss.language, feed.dc?.languages?.[0], feed.xml?.lang)),
    base,
    author: firstText(rss.managingEditor?.name, feed.dc?.creators?.[0], rss.itunes?.author),
  };
}

/** Normalizes one RSS or RDF item; never throws on missing fields. */
export function rssItem(item: AnyItem, meta: FeedMeta, sourceId: string): ArticleInput {
  const base = resolveBase(item.xml?.base, meta.base);
  const link = resolveUrl(item.link, base) ?? permalinkGuid(item, base);
  const title = htmlToPlain(item.title) || htmlToPlain(item.dc?.titles?.[0]) || htmlToPlain(item.media?.title?.value);
  const description = item.description ?? item.dc?.descriptions?.[0] ?? item.itunes?.summary ?? '';
  const contentHtml = item.content?.encoded ?? description;
  const guidValue = firstText(item.guid?.value, item.rdf?.about, item.dc?.identifiers?.[0]);
  const author = firstText(
    item.authors?.map((a) => a.name || a.email).filter(Boolean).join(', '),
    item.dc?.creators?.join(', '),
    item.itunes?.author,
  );
  const sections = [
    ...(item.categories ?? []).map((c) => c.name),
    ...(item.dc?.subjects ?? []),
  ].map((s) => htmlToPlain(s)).filter(Boolean);
  const dated = item.dc?.dates?.[0] ?? item.dcterms?.modified?.[0];
  return {
    sourceId,
    guid: guidValue ?? (link ? null : syntheticGuid(title, contentHtml)),
    url: link ? canonicalUrl(link) : meta.homeUrl ?? base,
    title,
    // With content:encoded the description is the standfirst; alone it is the body, and the dek its start.
    dek: dekFrom(htmlToPlain(description)),
    author: author ?? meta.author,
    sections: [...new Set(sections)],
    publishedAt: parseUnknownDate(item.pubDate) ?? parseUnknownDate(item.dcterms?.issued?.[0]) ?? parseUnknownDate(dated),
    updatedAt: parseUnknownDate(dated) ?? parseUnknownDate(item.atom?.updated),
    contentHtml,
    baseUrl: base,
    imageUrl: rssImage(item, contentHtml, base),
    language: languageTag(item.xml?.lang) ?? meta.language,
  };
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
