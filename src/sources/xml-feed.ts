// RSS / Atom / RDF text → normalized feed, through feedsmith (DOM-free). Non-feeds get a readable error.
import {
  DetectError,
  MalformedError,
  ParseError,
  detectAtomFeed,
  detectRdfFeed,
  detectRssFeed,
  parseAtomFeed,
  parseFeed,
  parseRdfFeed,
  parseRssFeed,
  type AnyFeed,
  type AtomFeed,
  type RdfFeed,
  type RssFeed,
} from 'feedsmith';
import type { ArticleInput } from '../domain/article';
import type { ParsedFeed } from './json-feed';
import { atomEntry, atomMeta } from './atom';
import { documentBase, headerLanguage, type FeedContext } from './feed-context';
import { SourceParseError } from './parse-error';
import { rssItem, rssMeta } from './rss';
import { NO_EXTRAS, planRssItems } from './xml-extras';
import { repairXmlFeed, wrapBareRssItems } from './xml-repair';
import type { FeedMeta } from './xml-feed-types';

/** A parsed XML feed: the common ParsedFeed plus what the XML told us about itself. */
export interface ParsedXmlFeed extends ParsedFeed {
  format: 'rss' | 'atom' | 'rdf';
  language: string | null;
}

type XmlFormat = 'rss' | 'atom' | 'rdf';

/**
 * Parses RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 text fetched from feedUrl; throws SourceParseError otherwise.
 * `context` carries the response's Content-Location (base of relative URLs) and Content-Language.
 */
export function parseXmlFeedText(text: string, feedUrl: string, sourceId: string, expect?: XmlFormat, context: FeedContext = {}): ParsedXmlFeed {
  const body = repairXmlFeed(text.replace(/^\uFEFF/, ''));
  const parsed = parseAs(body, expect);
  const base = documentBase(feedUrl, context);
  switch (parsed.format) {
    case 'atom': {
      const meta = withHeaderLanguage(atomMeta(parsed.feed, base), context);
      const items = (parsed.feed.entries ?? []).map((e) => atomEntry(e, meta, sourceId));
      return { format: 'atom', title: meta.title || hostOf(feedUrl), homeUrl: meta.homeUrl, language: meta.language, items };
    }
    case 'rss':
    case 'rdf': {
      const meta = withHeaderLanguage(rssMeta(parsed.feed, base), context);
      const items = rssItems(body, parsed.feed.items ?? [], meta, sourceId);
      return { format: parsed.format, title: meta.title || hostOf(feedUrl), homeUrl: meta.homeUrl, language: meta.language, items };
    }
    default:
      throw new SourceParseError('This is a JSON Feed, not an RSS or Atom feed.');
  }
}

type RssLikeItem = RssFeed.Item<string> | RdfFeed.Item<string>;

// feedsmith's items, completed by the elements it does not read (see xml-extras.ts).
function rssItems(body: string, items: RssLikeItem[], meta: FeedMeta, sourceId: string): ArticleInput[] {
  const plan = planRssItems(body, items.length);
  if (!plan) return items.map((i) => rssItem(i, meta, sourceId, NO_EXTRAS));
  return plan.map((slot) => rssItem(slot.feedsmithIndex === null ? {} : items[slot.feedsmithIndex]!, meta, sourceId, slot.extras));
}

function withHeaderLanguage(meta: FeedMeta, context: FeedContext): FeedMeta {
  return meta.language ? meta : { ...meta, language: headerLanguage(context) };
}

type Parsed = AnyFeed<string>;

function parseAs(body: string, expect: XmlFormat | undefined): Parsed {
  const format = expect ?? detectXmlFormat(body);
  try {
    if (!format) return parseFeed<string>(body);
    return parseFormat(body, format);
  } catch (err) {
    if (expect && err instanceof DetectError) return parseAs(body, undefined);
    if (format && err instanceof ParseError) return parseNearlyEmpty(body, format);
    throw explain(body, err);
  }
}

function detectXmlFormat(body: string): XmlFormat | null {
  // The same order feedsmith's own parseFeed tries them in.
  if (detectRssFeed(body)) return 'rss';
  if (detectAtomFeed(body)) return 'atom';
  if (detectRdfFeed(body)) return 'rdf';
  return null;
}

function parseFormat(body: string, format: XmlFormat): Parsed {
  if (format === 'rss') return { format, feed: parseRssFeed<string>(body) };
  if (format === 'atom') return { format, feed: parseAtomFeed<string>(body) };
  return { format, feed: parseRdfFeed<string>(body) };
}

// feedsmith refuses a well-formed feed in which it recognised nothing. Old RSS without a <channel>
// is repaired and parsed again; anything else is an empty feed (its items may still come from extras).
function parseNearlyEmpty(body: string, format: XmlFormat): Parsed {
  const wrapped = format === 'rss' ? wrapBareRssItems(body) : null;
  if (wrapped) {
    try {
      return parseFormat(wrapped, format);
    } catch (err) {
      if (!(err instanceof ParseError)) throw explain(body, err);
    }
  }
  if (format === 'atom') return { format, feed: {} as AtomFeed.Feed<string> };
  if (format === 'rdf') return { format, feed: {} as RdfFeed.Feed<string> };
  return { format, feed: {} as RssFeed.Feed<string> };
}

/** Why a body is not a readable feed, in words a reader understands. */
export function notAFeedMessage(body: string): string {
  const head = body.slice(0, 2048).trimStart().toLowerCase();
  if (!head) return 'This address returned an empty document, not a feed.';
  if (/^<!doctype html|^<html|<head[\s>]|<body[\s>]/.test(head)) return 'This address is not a feed (it looks like an HTML page).';
  if (head.startsWith('{') || head.startsWith('[')) return 'This address is not a feed (it looks like JSON, but not a JSON Feed).';
  if (!head.startsWith('<')) return 'This address is not a feed (it is not XML).';
  return 'This address is not a feed (it is XML, but neither RSS nor Atom).';
}

function explain(body: string, err: unknown): SourceParseError {
  if (err instanceof MalformedError) return new SourceParseError('This feed is broken: it is not well-formed XML.');
  if (err instanceof DetectError) return new SourceParseError(notAFeedMessage(body));
  // feedsmith's own failures on odd input still deserve a readable message, not a stack trace.
  return new SourceParseError(`This feed could not be read (${err instanceof Error ? err.message : String(err)}).`);
}

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).hostname : url;
}
