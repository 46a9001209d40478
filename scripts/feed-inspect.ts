// Prints the normalized result of one source as JSON, for testers debugging a feed.
// Usage: npx tsx scripts/feed-inspect.ts <file-or-url>
// A file is read as raw bytes and decoded by the app's own rules; a URL is fetched with the
// app's fetch (timeout, size cap). An HTML page is followed to the feed it advertises.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deriveArticle } from '../src/domain/derive';
import type { SourceKind } from '../src/domain/source';
import { decodeBody } from '../src/sources/decode';
import { detectKind } from '../src/sources/detect';
import { discoverFeeds, wordpressApiFromLinkHeader } from '../src/sources/discover';
import { fetchSource } from '../src/sources/http';
import { parseSourceBody } from '../src/sources/index';
import { wordpressPostsUrl } from '../src/sources/wordpress-pages';

interface Loaded {
  url: string;
  bytes: Uint8Array;
  contentType: string | null;
  link: string | null;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

async function load(target: string): Promise<Loaded> {
  if (!isUrl(target)) {
    const bytes = new Uint8Array(readFileSync(target));
    return { url: pathToFileURL(resolve(target)).href, bytes, contentType: null, link: null };
  }
  const outcome = await fetchSource(target, { etag: null, lastModified: null });
  if (outcome.status !== 'ok') throw new Error('the site answered 304 Not Modified to a request without validators');
  return { url: outcome.finalUrl, bytes: outcome.bytes, contentType: outcome.contentType, link: outcome.link };
}

// Items resolve relative links against the feed URL; a local file gets a stand-in http base.
function baseFor(loaded: Loaded): string {
  return isUrl(loaded.url) ? loaded.url : 'http://localhost/';
}

async function inspect(target: string, hops = 0): Promise<object> {
  const loaded = await load(target);
  const decoded = decodeBody(loaded.bytes, loaded.contentType);
  const detected = detectKind(decoded.text, loaded.contentType);
  if (detected === 'html') {
    const found = discoverFeeds(decoded.text, baseFor(loaded));
    const api = wordpressApiFromLinkHeader(loaded.link, baseFor(loaded)) ?? found.wordpressApi;
    const next = found.feeds[0]?.url ?? (api ? wordpressPostsUrl(api) : null);
    if (!next) throw new Error('This address is not a feed (it looks like an HTML page), and the page links to no feed.');
    if (!isUrl(target) || hops > 1) {
      throw new Error(`This is an HTML page; it advertises: ${[...found.feeds.map((f) => f.url), api ?? ''].filter(Boolean).join(', ')}`);
    }
    console.error(`feed:inspect: ${target} is a page; following ${next}`);
    return inspect(next, hops + 1);
  }
  if (detected === 'unknown') {
    throw new Error('This is not a feed: it is neither RSS, Atom, RDF, JSON Feed nor a WordPress posts list.');
  }
  const kind: SourceKind = detected;
  const url = baseFor(loaded);
  const feed = parseSourceBody(kind, decoded.text, url, 'inspect');
  const now = Date.now();
  const articles = feed.items.map((item) => {
    const a = deriveArticle(item, now);
    return {
      id: a.id,
      guid: item.guid,
      url: a.url,
      title: a.title,
      publishedAt: item.publishedAt === null ? null : new Date(item.publishedAt).toISOString(),
      updatedAt: item.updatedAt === null ? null : new Date(item.updatedAt).toISOString(),
      author: a.author,
      sections: a.sections,
      summary: a.excerpt,
      contentHtml: a.contentHtml,
      imageUrl: a.imageUrl,
      language: a.language,
      wordCount: a.wordCount,
    };
  });
  return {
    source: { url: loaded.url, kind, title: feed.title, homeUrl: feed.homeUrl, encoding: decoded.encoding, charsetFrom: decoded.from },
    articles,
  };
}

const target = process.argv[2];
if (!target) {
  console.error('usage: npm run feed:inspect -- <file-or-url>');
  process.exit(2);
}
inspect(target).then(
  (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
  (err: unknown) => {
    console.error(`feed:inspect: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
