// One entry point for every source kind: bytes fetched from a source → normalized items.
import type { SourceKind } from '../domain/source';
import { decodeBody } from './decode';
import type { FeedContext } from './feed-context';
import { parseJsonFeedText, type ParsedFeed } from './json-feed';
import { parseWordPressPosts } from './wordpress';
import { parseXmlFeedText } from './xml-feed';

export type { ParsedFeed } from './json-feed';
export type { FeedContext } from './feed-context';

/**
 * Parses a fetched body (raw bytes, or text already decoded) with the adapter of the source's kind.
 * `context` holds the response's Content-Location and Content-Language headers when sync has them.
 */
export function parseSourceBody(
  kind: SourceKind,
  body: Uint8Array | string,
  url: string,
  sourceId: string,
  contentType: string | null = null,
  context: FeedContext = {},
): ParsedFeed {
  const text = typeof body === 'string' ? body : decodeBody(body, contentType).text;
  switch (kind) {
    case 'sample':
    case 'json-feed':
      return parseJsonFeedText(text, url, sourceId, context);
    case 'rss':
    case 'atom':
    case 'rdf':
      return parseXmlFeedText(text, url, sourceId, kind, context);
    case 'wordpress':
      return parseWordPressPosts(text, url, sourceId);
    case 'page':
      // Saved pages are fetched one by one by "Save this URL"; there is no feed to sync.
      throw new Error('A saved page is not a feed.');
    default: {
      const never: never = kind;
      throw new Error(`unknown source kind ${String(never)}`);
    }
  }
}
