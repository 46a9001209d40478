// "Save this URL": a fetched web page → a normalized item, through Mozilla Readability.
// Needs a Document (DOMParser in the page, jsdom in Node scripts), so it lives outside the DOM-free layers.
import { Readability } from '@mozilla/readability';
import type { ArticleInput } from '../../domain/article';

/** Parses HTML into a Document; the page passes DOMParser, Node scripts pass jsdom's. */
export type ParseHtml = (html: string, url: string) => Document;

/** What Readability found, before it becomes an item. */
export interface ExtractedPage {
  title: string;
  byline: string | null;
  excerpt: string;
  contentHtml: string;
  siteName: string | null;
  language: string | null;
  publishedAt: number | null;
  imageUrl: string | null;
}

function meta(doc: Document, ...selectors: string[]): string | null {
  for (const s of selectors) {
    const v = doc.querySelector(s)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

function absolute(value: string | null, base: string): string | null {
  if (!value || !URL.canParse(value, base)) return null;
  const u = new URL(value, base);
  return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
}

/** Extracts the readable article from a page; throws a reader-facing error when there is none. */
export function extractPage(html: string, url: string, parse: ParseHtml): ExtractedPage {
  const doc = parse(html, url);
  // Readability resolves relative URLs against the document's base; make sure it is the page's URL.
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head?.prepend(base);
  }
  const imageUrl = absolute(meta(doc, 'meta[property="og:image"]', 'meta[name="twitter:image"]'), url);
  const published = meta(doc, 'meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]');
  const language = doc.documentElement.getAttribute('lang')?.trim() || null;
  const result = new Readability(doc, { charThreshold: 300 }).parse();
  if (!result || !result.content || !(result.textContent ?? '').trim()) {
    throw new Error('No article could be found on this page (it may be a home page, a login page or mostly pictures).');
  }
  const publishedAt = published ? Date.parse(published) : NaN;
  return {
    title: (result.title ?? '').trim() || new URL(url).hostname,
    byline: result.byline?.trim() || null,
    excerpt: (result.excerpt ?? '').trim(),
    contentHtml: result.content,
    siteName: result.siteName?.trim() || null,
    language: result.lang?.trim() || language,
    publishedAt: Number.isFinite(publishedAt) ? publishedAt : null,
    imageUrl,
  };
}

/** Turns an extracted page into an item of the "Saved pages" source. */
export function pageToItem(page: ExtractedPage, url: string, sourceId: string): ArticleInput {
  return {
    sourceId,
    guid: url,
    url,
    title: page.title,
    dek: page.excerpt,
    author: page.byline,
    sections: page.siteName ? [page.siteName] : ['Saved pages'],
    publishedAt: page.publishedAt,
    updatedAt: null,
    contentHtml: page.contentHtml,
    baseUrl: url,
    imageUrl: page.imageUrl,
    language: page.language,
  };
}
