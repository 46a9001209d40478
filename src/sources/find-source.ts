// "Add a source": from any URL the reader pastes (a feed, a site's home page, a WordPress site)
// to a confirmed kind, feed URL, title and a preview of stories. DOM-free.
import type { SourceKind } from '../domain/source';
import type { ParsedFeed } from './index';
import { discoverFeeds, wordpressApiFromLinkHeader } from './discover';
import { parseAnySource } from './parse-any';
import { SourceParseError } from './parse-error';
import { wordpressPostsUrl } from './wordpress-pages';
import { decodeBody } from './decode';
import { detectKind } from './detect';
import { parseWordPressPosts } from './wordpress';
import { webAddress } from './web-address';
import { Parser } from 'htmlparser2';

/** One fetched body, as the finder needs it. */
export interface FetchedBody {
  bytes: Uint8Array;
  contentType: string | null;
  /** The HTTP Link header (WordPress announces its API there). */
  link: string | null;
  finalUrl: string;
}

/** A source ready to be confirmed by the reader. */
export interface FoundSource {
  kind: Exclude<SourceKind, 'sample' | 'page'>;
  url: string;
  title: string;
  feed: ParsedFeed;
  /** How we found it, in words: "RSS feed", "Atom feed found on the page", "WordPress site"… */
  how: string;
}

const PREVIEW_ID = 'preview';

function kindLabel(kind: FoundSource['kind']): string {
  return { rss: 'RSS feed', rdf: 'RSS 1.0 feed', atom: 'Atom feed', 'json-feed': 'JSON Feed', wordpress: 'WordPress site' }[kind];
}

/** The text of an HTML page's <title>, or null. */
export function pageTitle(html: string): string | null {
  let inTitle = false;
  let title = '';
  const parser = new Parser(
    {
      onopentag: (name) => void (inTitle = name === 'title' && !title),
      ontext: (text) => void (inTitle && (title += text)),
      onclosetag: () => void (inTitle = false),
    },
    { decodeEntities: true },
  );
  parser.write(html.slice(0, 200_000));
  parser.end();
  return title.replace(/\s+/g, ' ').trim() || null;
}

async function asWordPress(apiRoot: string, fetchBody: (url: string) => Promise<FetchedBody>, siteTitle: string | null): Promise<FoundSource> {
  const postsUrl = wordpressPostsUrl(apiRoot);
  const res = await fetchBody(postsUrl);
  const feed = parseWordPressPosts(decodeBody(res.bytes, res.contentType).text, postsUrl, PREVIEW_ID);
  // The posts API does not name the site; the page the reader pasted does.
  const title = siteTitle ?? feed.title;
  return { kind: 'wordpress', url: postsUrl, title, feed: { ...feed, title }, how: 'WordPress site (through its REST API)' };
}

/** Finds the source behind a URL: the feed itself, a feed the page links to, or the WordPress API. */
export async function findSource(input: string, fetchBody: (url: string) => Promise<FetchedBody>): Promise<FoundSource> {
  const url = webAddress(input);
  if (url === null) throw new SourceParseError('That is not a web address.');
  const first = await fetchBody(url);
  const text = decodeBody(first.bytes, first.contentType).text;
  const kind = detectKind(text, first.contentType);
  if (kind !== 'html' && kind !== 'unknown') {
    if (kind === 'wordpress') {
      const feed = parseWordPressPosts(text, first.finalUrl, PREVIEW_ID);
      return { kind, url: first.finalUrl, title: feed.title, feed, how: kindLabel(kind) };
    }
    const parsed = parseAnySource(first.bytes, first.finalUrl, PREVIEW_ID, first.contentType);
    return { kind: parsed.kind, url: first.finalUrl, title: parsed.feed.title, feed: parsed.feed, how: kindLabel(parsed.kind) };
  }
  // A web page: prefer the WordPress API (full content, sections), then advertised feeds.
  const discovery = kind === 'html' ? discoverFeeds(text, first.finalUrl) : { feeds: [], wordpressApi: null };
  const wpApi = wordpressApiFromLinkHeader(first.link, first.finalUrl) ?? discovery.wordpressApi;
  if (wpApi) return asWordPress(wpApi, fetchBody, kind === 'html' ? pageTitle(text) : null);
  for (const candidate of discovery.feeds) {
    try {
      const res = await fetchBody(candidate.url);
      const parsed = parseAnySource(res.bytes, res.finalUrl, PREVIEW_ID, res.contentType);
      return { kind: parsed.kind, url: res.finalUrl, title: parsed.feed.title, feed: parsed.feed, how: `${kindLabel(parsed.kind)} found on the page` };
    } catch {
      // An advertised feed that is broken is skipped; the next one may work.
    }
  }
  throw new SourceParseError(
    kind === 'html'
      ? 'No feed was found on this page. Try the address of the site’s RSS or Atom feed.'
      : 'This address is neither a feed nor a web page.',
  );
}
