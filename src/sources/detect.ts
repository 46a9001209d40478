// Which adapter applies to a fetched body: by its own shape first, Content-Type only as a tie-breaker.
import { detectAtomFeed, detectRdfFeed, detectRssFeed } from 'feedsmith';
import type { SourceKind } from '../domain/source';

/** A fetchable kind, or what the body is when it is not a source (an HTML page to autodiscover from). */
export type DetectedKind = Exclude<SourceKind, 'sample' | 'page'> | 'html' | 'unknown';

/** Detects the kind of an already decoded body. */
export function detectKind(text: string, contentType: string | null = null): DetectedKind {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{') || body.startsWith('[')) return detectJson(body);
  // Feeds declare themselves by their root element; sniff before trusting a server's Content-Type.
  const head = body.slice(0, 4096);
  if (detectAtomFeed(head)) return 'atom';
  if (detectRdfFeed(head)) return 'rdf';
  if (detectRssFeed(head)) return 'rss';
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<!doctype html|<html[\s>]/i.test(head)) return 'html';
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('html')) return 'html';
  return 'unknown';
}

function detectJson(body: string): DetectedKind {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return 'unknown';
  }
  if (Array.isArray(json)) return json.some(isWordPressPost) ? 'wordpress' : 'unknown';
  if (typeof json === 'object' && json !== null) {
    const { version, items } = json as { version?: unknown; items?: unknown };
    if (typeof version === 'string' && version.includes('jsonfeed.org')) return 'json-feed';
    // Some generators write a bare "1.0" version; an items array is the JSON Feed shape all the same.
    if (Array.isArray(items)) return 'json-feed';
  }
  return 'unknown';
}

function isWordPressPost(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const post = value as { title?: unknown; content?: unknown };
  return typeof post.title === 'object' && post.title !== null && 'rendered' in post.title;
}
