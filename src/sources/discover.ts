// Autodiscovery without a DOM: feeds a page links to, and the WordPress REST API behind a site.
import { Parser } from 'htmlparser2';
import { resolveUrl } from './normalize';
import { splitLinkHeader } from './wordpress-pages';

/** A feed a page advertises. */
export interface DiscoveredFeed {
  url: string;
  kind: 'rss' | 'atom' | 'json-feed';
  title: string | null;
}

/** What a page reveals about the sources behind it. */
export interface Discovery {
  feeds: DiscoveredFeed[];
  /** WordPress REST API root (e.g. https://site/wp-json/), or null. */
  wordpressApi: string | null;
}

const WP_API_REL = 'https://api.w.org/';

const FEED_TYPES: Record<string, DiscoveredFeed['kind']> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json-feed',
  'application/json': 'json-feed',
};

/** Finds <link rel="alternate"> feeds and the WordPress API link in an HTML page (hrefs resolved against pageUrl). */
export function discoverFeeds(html: string, pageUrl: string): Discovery {
  const feeds: DiscoveredFeed[] = [];
  let wordpressApi: string | null = null;
  let base = pageUrl;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && attrs.href) base = resolveUrl(attrs.href, pageUrl) ?? base;
        if (name !== 'link' || !attrs.href) return;
        const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
        const href = resolveUrl(attrs.href, base);
        if (!href) return;
        if (rels.includes(WP_API_REL)) wordpressApi ??= href;
        const kind = FEED_TYPES[(attrs.type ?? '').toLowerCase().split(';')[0]!.trim()];
        // rel="alternate" with a feed type is the convention; "alternate stylesheet" etc. are not feeds.
        if (kind && rels.includes('alternate') && !rels.includes('stylesheet') && !feeds.some((f) => f.url === href)) {
          feeds.push({ url: href, kind, title: attrs.title?.trim() || null });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { feeds, wordpressApi };
}

/** The WordPress API root from an HTTP Link header value (rel="https://api.w.org/"), or null. */
export function wordpressApiFromLinkHeader(value: string | null, requestUrl?: string): string | null {
  for (const link of splitLinkHeader(value)) {
    if (!link.rels.includes(WP_API_REL)) continue;
    const url = requestUrl ? resolveUrl(link.href, requestUrl) : resolveUrl(link.href, link.href);
    if (url) return url;
  }
  return null;
}
