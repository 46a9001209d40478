// Text helpers shared by the XML feed adapters: markup → plain text, short deks, lead images.
import { Parser } from 'htmlparser2';
import { excerptOf, htmlToText } from '../domain/html-text';
import { hashId } from '../domain/ids';
import { resolveUrl } from './normalize';

/** Longest dek we keep: a standfirst, not a second copy of the body. */
export const DEK_MAX = 300;

/** Plain text of an HTML fragment on one line: tags stripped, entities decoded. */
export function htmlToPlain(html: string | null | undefined): string {
  if (!html) return '';
  return stripControls(htmlToText(html).text).replace(/\s+/g, ' ').trim();
}

/** Plain text of a feed text construct: markup only when its type says so (Atom text is literal). */
export function textConstruct(value: string | null | undefined, type: string | null | undefined): string {
  if (!value) return '';
  const t = (type ?? '').toLowerCase().trim();
  // Untyped titles are read as HTML: RSS-minded generators put entities and tags in them.
  if (!t || t === 'html' || t === 'xhtml' || t === 'text/html' || t === 'application/xhtml+xml') return htmlToPlain(value);
  // A binary media type means base64 (0.3's mode="base64" is decoded before parsing). Text that does
  // not decode to UTF-8 under an unknown media type is the literal text it almost always is.
  if (isBase64Type(t)) {
    const decoded = decodeBase64Strict(value);
    if (decoded !== null) return htmlToPlain(decoded);
  }
  return stripControls(value).replace(/\s+/g, ' ').trim();
}

/** Removes C0/C1 control characters (other than whitespace) that XML forbids yet feeds still send. */
export function stripControls(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** A short plain-text standfirst from a summary that may be HTML. */
export function dekFrom(plain: string): string {
  return plain.length > DEK_MAX ? excerptOf(plain, DEK_MAX) : plain;
}

/** The src of the first <img> in an HTML fragment, resolved; null when none. */
export function firstImageSrc(html: string, base: string): string | null {
  // Most bodies have no image, and those that do usually show it early: no parse without an "<img",
  // and the parse stops at the first real image instead of reading the whole body.
  if (!/<img[\s/>]/i.test(html)) return null;
  let src: string | null = null;
  const parser = new Parser({
    onopentag(name, attrs) {
      // 1×1 images are tracking pixels (FeedBurner, analytics), never a lead image.
      const pixel = Number(attrs.width) <= 2 || Number(attrs.height) <= 2;
      if (src === null && name === 'img' && attrs.src && !pixel) {
        src = attrs.src;
        parser.pause();
      }
    },
  });
  parser.write(html);
  if (src === null) parser.end();
  return resolveUrl(src, base);
}

/** Whether a URL or MIME type names an image (enclosures and media:content carry audio and video too). */
export function looksLikeImage(type: string | null | undefined, medium: string | null | undefined, url: string | null | undefined): boolean {
  if (medium) return medium === 'image';
  if (type) return type.toLowerCase().startsWith('image/');
  return !!url && /\.(jpe?g|png|gif|webp|avif|svg)(\?|#|$)/i.test(url);
}

/** First usable image among candidates, resolved against base. */
export function firstUrl(candidates: Array<string | null | undefined>, base: string): string | null {
  for (const c of candidates) {
    const url = resolveUrl(c, base);
    if (url) return url;
  }
  return null;
}

/** A stable identity for items that have neither a guid nor a link, so they do not all collide. */
export function syntheticGuid(title: string, body: string): string {
  return `hash:${hashId(`${title}\n${body}`)}`;
}

/** The first non-empty trimmed string. */
export function firstText(...values: Array<string | null | undefined>): string | null {
  for (const v of values) if (v && v.trim()) return v.trim();
  return null;
}

/** A BCP 47-ish language tag: feeds write en_US as often as en-US. */
export function languageTag(value: string | null | undefined): string | null {
  const v = value?.trim().replace(/_/g, '-');
  return v ? v : null;
}

/** Atom (RFC 4287 §4.1.3.3): a MIME type that is neither text nor XML means the element holds base64. */
export function isBase64Type(type: string | null | undefined): boolean {
  const t = (type ?? '').toLowerCase().trim();
  if (!t.includes('/')) return false;
  return !t.startsWith('text/') && !t.endsWith('/xml') && !t.endsWith('+xml');
}

/** Base64 → UTF-8 text; the input unchanged when it is not base64 of UTF-8 text. */
export function decodeBase64(value: string): string {
  return decodeBase64Strict(value) ?? value;
}

/** Base64 → UTF-8 text, or null when the value is not base64 or does not decode to valid UTF-8. */
export function decodeBase64Strict(value: string): string | null {
  try {
    const bin = atob(value.replace(/\s+/g, ''));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}
