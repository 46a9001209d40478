// One entry point for every source kind: text fetched from a source → normalized items.
import type { SourceKind } from '../domain/source';
import { parseJsonFeedText, type ParsedFeed } from './json-feed';

export type { ParsedFeed } from './json-feed';

/** Parses a fetched body with the adapter of the source's kind. */
export function parseSourceBody(kind: SourceKind, text: string, url: string, sourceId: string): ParsedFeed {
  switch (kind) {
    case 'sample':
    case 'json-feed':
      return parseJsonFeedText(text, url, sourceId);
    default: {
      const never: never = kind;
      throw new Error(`unknown source kind ${String(never)}`);
    }
  }
}
