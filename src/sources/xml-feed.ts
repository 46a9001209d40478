// RSS / Atom / RDF text → normalized feed, through feedsmith (DOM-free). Non-feeds get a readable error.
import { DetectError, MalformedError, parseAtomFeed, parseFeed, parseRdfFeed, parseRssFeed, type AnyFeed } from 'feedsmith';
import type { ParsedFeed } from './json-feed';
import { atomEntry, atomMeta } from './atom';
import { SourceParseError } from './parse-error';
import { rssItem, rssMeta } from './rss';

/** A parsed XML feed: the common ParsedFeed plus what the XML told us about itself. */
export interface ParsedXmlFeed extends ParsedFeed {
  format: 'rss' | 'atom' | 'rdf';
  language: string | null;
}

/** Parses RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 text fetched from feedUrl; throws SourceParseError otherwise. */
export function parseXmlFeedText(text: string, feedUrl: string, sourceId: string, expect?: 'rss' | 'atom' | 'rdf'): ParsedXmlFeed {
  const body = text.replace(/^\uFEFF/, '');
  const parsed = parseAs(body, expect);
  switch (parsed.format) {
    case 'atom': {
      const meta = atomMeta(parsed.feed, feedUrl);
      const items = (parsed.feed.entries ?? []).map((e) => atomEntry(e, meta, sourceId));
      return { format: 'atom', title: meta.title || hostOf(feedUrl), homeUrl: meta.homeUrl, language: meta.language, items };
    }
    case 'rss':
    case 'rdf': {
      const meta = rssMeta(parsed.feed, feedUrl);
      const items = (parsed.feed.items ?? []).map((i) => rssItem(i, meta, sourceId));
      return { format: parsed.format, title: meta.title || hostOf(feedUrl), homeUrl: meta.homeUrl, language: meta.language, items };
    }
    default:
      throw new SourceParseError('This is a JSON Feed, not an RSS or Atom feed.');
  }
}

type Parsed = AnyFeed<string>;

function parseAs(body: string, expect: 'rss' | 'atom' | 'rdf' | undefined): Parsed {
  try {
    // A source saved as one kind is parsed as that kind, so a feed cannot silently change adapters.
    if (expect === 'rss') return { format: 'rss', feed: parseRssFeed<string>(body) };
    if (expect === 'atom') return { format: 'atom', feed: parseAtomFeed<string>(body) };
    if (expect === 'rdf') return { format: 'rdf', feed: parseRdfFeed<string>(body) };
    return parseFeed<string>(body);
  } catch (err) {
    if (expect && err instanceof DetectError) return parseAs(body, undefined);
    throw explain(body, err);
  }
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
