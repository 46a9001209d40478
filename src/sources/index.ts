// One entry point for every source kind: bytes fetched from a source → normalized items.
import type { SourceKind } from '../domain/source';
import { decodeBody } from './decode';
import { parseJsonFeedText, type ParsedFeed } from './json-feed';
import { parseWordPressPosts } from './wordpress';
import { parseXmlFeedText } from './xml-feed';

export type { ParsedFeed } from './json-feed';

/** Parses a fetched body (raw bytes, or text already decoded) with the adapter of the source's kind. */
export function parseSourceBody(
  kind: SourceKind,
  body: Uint8Array | string,
  url: string,
  sourceId: string,
  contentType: string | null = null,
): ParsedFeed {
  const text = typeof body === 'string' ? body : decodeBody(body, contentType).text;
  switch (kind) {
    case 'sample':
    case 'json-feed':
      return parseJsonFeedText(text, url, sourceId);
    case 'rss':
    case 'atom':
    case 'rdf':
      return parseXmlFeedText(text, url, sourceId, kind);
    case 'wordpress':
      return parseWordPressPosts(text, url, sourceId);
    default: {
      const never: never = kind;
      throw new Error(`unknown source kind ${String(never)}`);
    }
  }
}
