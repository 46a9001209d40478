// The normalized model conformance checks: what the app keeps of a feed, parsed the app's way.
import type { ArticleInput } from '../../src/domain/article';
import type { FeedContext } from '../../src/sources/feed-context';
import { parseAnySource } from '../../src/sources/parse-any';

/** A parsed feed as the checks see it. */
export interface Model {
  kind: string;
  title: string;
  homeUrl: string | null;
  language: string | null;
  items: ArticleInput[];
}

/** Parses raw bytes through decode → detect → adapter, exactly like the app. */
export function parseModel(bytes: Uint8Array, url: string, contentType: string | null = null, context: FeedContext = {}): Model {
  const { kind, feed } = parseAnySource(bytes, url, 'conformance', contentType, context);
  const language = 'language' in feed && typeof feed.language === 'string' ? feed.language : null;
  return { kind, title: feed.title, homeUrl: feed.homeUrl, language, items: feed.items };
}
