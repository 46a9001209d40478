// Body of unknown kind → detected kind + normalized feed: the path for "add a source" previews and tools.
import { decodeBody, type Decoded } from './decode';
import { detectKind, type DetectedKind } from './detect';
import type { FeedContext } from './feed-context';
import { parseSourceBody, type ParsedFeed } from './index';
import { SourceParseError } from './parse-error';
import { notAFeedMessage } from './xml-feed';

/** A body parsed by whichever adapter fits it. */
export interface AnyParsed {
  kind: Exclude<DetectedKind, 'html' | 'unknown'>;
  feed: ParsedFeed;
  decoded: Decoded;
}

/** Decodes, detects and parses a body; throws SourceParseError with a readable message for non-sources. */
export function parseAnySource(
  bytes: Uint8Array,
  url: string,
  sourceId: string,
  contentType: string | null = null,
  context: FeedContext = {},
): AnyParsed {
  const decoded = decodeBody(bytes, contentType);
  const kind = detectKind(decoded.text, contentType);
  if (kind === 'html' || kind === 'unknown') throw new SourceParseError(notAFeedMessage(decoded.text));
  return { kind, feed: parseSourceBody(kind, decoded.text, url, sourceId, contentType, context), decoded };
}
