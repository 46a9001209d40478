// Text fixes applied before feedsmith parses an XML feed: well-formed constructs it does not
// understand are rewritten into ones it does, so feedsmith stays the one parser of every feed.
import { decodeBase64Strict } from './feed-text';

/** Runs every repair; each leaves text it does not apply to untouched. */
export function repairXmlFeed(text: string): string {
  return unprefixUserlandRss(expandInternalEntities(decodeBase64Modes(text)));
}

// Entities declared in the internal DTD subset (`<!ENTITY id "tag:example.com,">`) are part of
// well-formed XML, but feedsmith leaves `&id;` in the text. Limits keep "billion laughs" harmless.
const MAX_ENTITIES = 64;
const MAX_ENTITY_LENGTH = 2048;
const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** Replaces references to general entities declared in the document's own DOCTYPE (one level, bounded). */
export function expandInternalEntities(text: string): string {
  const doctype = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i.exec(text.slice(0, 65536));
  if (!doctype) return text;
  const values = new Map<string, string>();
  for (const m of doctype[1]!.matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(["'])([\s\S]*?)\2\s*>/g)) {
    if (values.size >= MAX_ENTITIES) break;
    if (!PREDEFINED.has(m[1]!) && m[3]!.length <= MAX_ENTITY_LENGTH && !values.has(m[1]!)) values.set(m[1]!, m[3]!);
  }
  if (!values.size) return text;
  const end = doctype.index + doctype[0].length;
  const body = outsideCdata(text.slice(end), (part) =>
    part.replace(/&([A-Za-z_][\w.-]*);/g, (ref, name: string) => values.get(name) ?? ref),
  );
  return text.slice(0, end) + body;
}

// Atom 0.3 marks base64 text with mode="base64" (1.0 dropped the attribute, so feedsmith ignores it).
const BASE64_ELEMENT = /<([A-Za-z_][\w.:-]*)(\s[^>]*?)\bmode\s*=\s*(["'])base64\3([^>]*)>\s*(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))\s*<\/\1\s*>/g;

/** Decodes `mode="base64"` elements into escaped text, the form feedsmith reads. */
export function decodeBase64Modes(text: string): string {
  if (!/\bmode\s*=\s*["']base64["']/.test(text)) return text;
  return text.replace(BASE64_ELEMENT, (whole, name: string, before: string, _q, after: string, cdata?: string, plain?: string) => {
    const decoded = decodeBase64Strict(cdata ?? plain ?? '');
    if (decoded === null) return whole;
    return `<${name}${`${before}${after}`.trimEnd()}>${escapeXml(decoded)}</${name}>`;
  });
}

// RSS 2.0 placed in the old UserLand namespace with a prefix (<r:rss><r:channel>…) is plain RSS 2.0.
const USERLAND_RSS = ['http://backend.userland.com/rss2', 'http://blogs.law.harvard.edu/tech/rss'];

/** Drops the prefix bound to the UserLand RSS 2.0 namespace from element names. */
export function unprefixUserlandRss(text: string): string {
  const head = text.slice(0, 8192);
  for (const uri of USERLAND_RSS) {
    const decl = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${uri.replace(/[.\\/]/g, '\\$&')}/?["']`).exec(head);
    if (!decl) continue;
    const prefix = new RegExp(`<(/?)${decl[1]!.replace(/\./g, '\\.')}:`, 'g');
    return outsideCdata(text, (part) => part.replace(prefix, '<$1'));
  }
  return text;
}

/** Wraps the items of an RSS document that has no <channel> (old 0.9x generators) in one. */
export function wrapBareRssItems(text: string): string | null {
  if (/<channel[\s>]/i.test(text)) return null;
  const open = /<rss(\s[^>]*)?>/i.exec(text);
  const close = text.search(/<\/rss\s*>\s*$/i);
  if (!open || close < open.index) return null;
  const start = open.index + open[0].length;
  return `${text.slice(0, start)}<channel>${text.slice(start, close)}</channel>${text.slice(close)}`;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Applies fn to the text between CDATA sections and comments, whose content is not markup.
function outsideCdata(text: string, fn: (part: string) => string): string {
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join('');
}
