// The feed-level facts an item normalizer inherits from its feed.

/** Feed metadata every XML adapter produces before normalizing items. */
export interface FeedMeta {
  title: string;
  homeUrl: string | null;
  language: string | null;
  /** Absolute base for the feed's relative URLs: xml:base resolved against the feed URL. */
  base: string;
  /** Feed-level author, inherited by items that name none. */
  author: string | null;
}
