// Atom constructs shared by the Atom adapter and by Atom elements embedded in RSS items.
import type { AtomFeed } from 'feedsmith';
import { decodeBase64, isBase64Type } from './feed-text';
import { resolveUrl } from './normalize';

type Link = AtomFeed.Link<string>;

/** The rel=alternate link (HTML first), else the first link without a rel; resolved. */
export function alternateLink(links: Link[] | undefined, base: string): string | null {
  const alternates = (links ?? []).filter((l) => !l.rel || l.rel === 'alternate');
  const html = alternates.find((l) => !l.type || /html/i.test(l.type)) ?? alternates[0];
  return resolveUrl(html?.href, base);
}

/**
 * An Atom text or content value as HTML (RFC 4287 §4.1.3): text is escaped, html and xhtml kept,
 * other XML media types shown as their source text, any other media type is base64.
 */
export function atomTextHtml(value: string | undefined, type: string | undefined): string {
  if (!value) return '';
  const t = (type ?? 'text').toLowerCase().trim();
  if (t === 'html' || t === 'xhtml' || t === 'text/html' || t === 'application/xhtml+xml') return value;
  if (isBase64Type(t)) return escapeText(decodeBase64(value));
  return escapeText(value);
}

/** Escapes text so it reads literally as HTML. */
export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
