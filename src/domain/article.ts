// The article model shared by every layer. Pure data: no DOM, no IndexedDB.

/** Section shown for items whose source names none. */
export const DEFAULT_SECTION = 'News';

/** Sparse term vector: parallel arrays, terms sorted ascending, weights are raw (title-boosted) term frequencies. */
export interface TermVector {
  terms: string[];
  weights: number[];
}

/** What a source adapter produces from one feed item, before derivation. */
export interface ArticleInput {
  sourceId: string;
  /** Source-local identity (feed guid / id); falls back to the canonical URL. */
  guid: string | null;
  url: string;
  title: string;
  /** Standfirst / summary as plain text (may be empty). */
  dek: string;
  author: string | null;
  sections: string[];
  /** Epoch milliseconds; null when the source gave no usable date. */
  publishedAt: number | null;
  updatedAt: number | null;
  /** Body HTML as received: untrusted, sanitized only at render time. */
  contentHtml: string;
  /** Absolute URL that relative links and images in contentHtml resolve against. */
  baseUrl: string;
  imageUrl: string | null;
  language: string | null;
}

/** A stored article: the input plus fields derived once at ingest. */
export interface Article extends Omit<ArticleInput, 'guid' | 'publishedAt'> {
  id: string;
  guid: string;
  publishedAt: number;
  /** First section, or "News" when the source gave none; indexed for section pages. */
  section: string;
  plainText: string;
  excerpt: string;
  wordCount: number;
  cjkCount: number;
  imageCount: number;
  terms: TermVector;
  fetchedAt: number;
}
