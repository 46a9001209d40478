// What the HTTP response says about a feed beyond its bytes: where it really lives and its language.

/** Response headers that change how a feed is read; sync passes them from the fetch it made. */
export interface FeedContext {
  /** The Content-Location header: the document's own address, the base for its relative URLs. */
  contentLocation?: string | null;
  /** The Content-Language header: the feed's language when the feed itself names none. */
  contentLanguage?: string | null;
}

/** The document's base URL: Content-Location resolved against the fetched URL (RFC 9110 §8.7), else that URL. */
export function documentBase(feedUrl: string, context: FeedContext = {}): string {
  const location = context.contentLocation?.trim();
  if (!location || !URL.canParse(location, feedUrl)) return feedUrl;
  const url = new URL(location, feedUrl);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : feedUrl;
}

/** The first language of a Content-Language header ("en, fr" → "en"); null when absent. */
export function headerLanguage(context: FeedContext = {}): string | null {
  const first = context.contentLanguage?.split(',')[0]?.trim();
  return first ? first : null;
}
