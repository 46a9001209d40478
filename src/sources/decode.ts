// Bytes of a fetched source → text, choosing the charset the way browsers and feed readers do.
// Order: BOM, HTTP charset, the XML declaration, <meta charset> (HTML), UTF-8.

/** How the charset was chosen, so tools can show it when text looks wrong. */
export type CharsetSource = 'bom' | 'http' | 'xml-declaration' | 'meta' | 'pattern' | 'default';

/** Decoded text with the encoding actually used. */
export interface Decoded {
  text: string;
  /** WHATWG encoding name (e.g. "windows-1252"), or "utf-32le"/"utf-32be" which we decode by hand. */
  encoding: string;
  from: CharsetSource;
}

/** Decodes a body with the charset the bytes, the Content-Type or the document itself declare. */
export function decodeBody(bytes: Uint8Array, contentType: string | null = null): Decoded {
  const bom = sniffBom(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, from: 'bom' };
  const http = usableLabel(charsetFromContentType(contentType));
  if (http) return { text: decodeAs(bytes, http), encoding: http, from: 'http' };
  const wide = sniffWidePattern(bytes);
  if (wide) {
    // A wide encoding without BOM: the declaration inside can only say which UTF-16/32 flavour.
    return { text: decodeAs(bytes, wide), encoding: wide, from: 'pattern' };
  }
  const head = asciiHead(bytes);
  const declared = usableLabel(xmlDeclaredEncoding(head));
  if (declared) return { text: decodeAs(bytes, declared), encoding: declared, from: 'xml-declaration' };
  const meta = usableLabel(metaCharset(head));
  if (meta) return { text: decodeAs(bytes, meta), encoding: meta, from: 'meta' };
  return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', from: 'default' };
}

/** The charset parameter of a Content-Type header value, unquoted; null when absent. */
export function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("([^"]*)"|'([^']*)'|[^;\s]*)/i.exec(contentType);
  if (!m) return null;
  const value = (m[2] ?? m[3] ?? m[1] ?? '').trim();
  return value || null;
}

/** The encoding="…" of an XML declaration at the start of ASCII-compatible text. */
export function xmlDeclaredEncoding(head: string): string | null {
  const decl = /^\s*<\?xml\s[^>]*?\?>/.exec(head);
  if (!decl) return null;
  const m = /\sencoding\s*=\s*["']([^"']+)["']/i.exec(decl[0]);
  return m ? m[1]!.trim() : null;
}

function metaCharset(head: string): string | null {
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return direct ? direct[1]! : null;
}

const BOMS: Array<{ bytes: number[]; encoding: string }> = [
  // UTF-32LE must be tested before UTF-16LE: its BOM starts with the same two bytes.
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
];

function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) return { encoding: bom.encoding, length: bom.bytes.length };
  }
  return null;
}

// "<?" written in each wide encoding (XML 1.0 Appendix F).
const WIDE_PATTERNS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0x00, 0x00, 0x00, 0x3c], encoding: 'utf-32be' },
  { bytes: [0x3c, 0x00, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x3c, 0x00, 0x3f], encoding: 'utf-16be' },
  { bytes: [0x3c, 0x00, 0x3f, 0x00], encoding: 'utf-16le' },
];

function sniffWidePattern(bytes: Uint8Array): string | null {
  for (const p of WIDE_PATTERNS) {
    if (p.bytes.every((b, i) => bytes[i] === b)) return p.encoding;
  }
  return null;
}

// Declarations and <meta> are ASCII in every ASCII-compatible charset, so latin-1 reads them safely.
function asciiHead(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 2048);
  let s = '';
  for (const b of head) s += String.fromCharCode(b);
  return s;
}

// A label we can decode with, or null so the next rule decides.
function usableLabel(label: string | null): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase();
  if (l === 'utf-32' || l === 'utf-32be' || l === 'ucs-4') return 'utf-32be';
  if (l === 'utf-32le') return 'utf-32le';
  try {
    const enc = new TextDecoder(l).encoding;
    // A document that says "utf-16" yet reached here has no BOM and no wide pattern: it is not UTF-16.
    return enc === 'utf-16le' || enc === 'utf-16be' ? null : enc;
  } catch {
    return null;
  }
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(bytes, encoding === 'utf-32le');
  // Node 20's TextDecoder decodes windows-1252 as ISO-8859-1 (0x80–0x9F become C1 controls); browsers do not.
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

// 0x80–0x9F of windows-1252 per the Encoding Standard; 0 marks the five undefined bytes (kept as C1).
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Decodes windows-1252 (also what "latin1" / "iso-8859-1" labels mean on the web). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Decodes UTF-32 by hand (TextDecoder does not support it); invalid code points become U+FFFD. */
export function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 4 <= bytes.byteLength; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    chunk.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    // fromCodePoint takes arguments: keep each call well under engine argument limits.
    if (chunk.length === 4096) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  if (chunk.length) parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}
