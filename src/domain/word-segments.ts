// Word-like segments of a text. Intl.Segmenter is the reference (Unicode
// UAX #29 word boundaries), but at ~2 µs a word it would spend most of a
// 10,000-article start-up rebuild on titles and excerpts. For the common case —
// English or unknown-language text of Latin letters, digits and ordinary
// punctuation — a scanner applying the same UAX #29 rules is ~10× faster; a
// property test checks it against Intl.Segmenter on random text of exactly
// this alphabet. Anything else (CJK, Thai, combining marks, emoji…) goes to
// Intl.Segmenter.

/** A word-like segment and its UTF-16 offset. */
export interface WordSegment {
  segment: string;
  index: number;
}

/** Characters the scanner handles: ASCII except "_", no-break space, Latin-1/Extended letters, £ €, dashes, curly quotes, ellipsis. */
const FAST_ALPHABET = /^[\t\n\v\f\r\x20-\x5e\x60-\x7e\u00a0\u00a3\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u20ac]*$/;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(tag: string | undefined): Intl.Segmenter {
  const key = tag ?? '';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(tag, { granularity: 'word' });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** UAX #29 MidLetter and MidNumLetQ (WB6/7): ":" "." "'" "‘" "’" between two letters. */
function joinsLetters(c: number): boolean {
  return c === 0x3a || c === 0x2e || c === 0x27 || c === 0x2018 || c === 0x2019;
}

/** UAX #29 MidNum and MidNumLetQ (WB11/12): "," ";" "." "'" "‘" "’" between two digits. */
function joinsDigits(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x2e || c === 0x27 || c === 0x2018 || c === 0x2019;
}

const LETTER = 1;
const DIGIT = 2;
/** isLetter / isDigit of every code unit below 0x250 as one lookup (the scan visits every character of every body). */
const CLASS = new Uint8Array(0x250).map((_, c) => (isLetter(c) ? LETTER : isDigit(c) ? DIGIT : 0));

/** True for a letter or digit: what a word is made of. */
function isWordChar(c: number): boolean {
  return c < 0x250 && CLASS[c] !== 0;
}

/** The scanner: letters and digits run together (WB5, WB8–10), joined across one joiner between like characters. Calls `visit` with each word's span. */
function scanSpans(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let j = i + 1;
    for (;;) {
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      if (j + 1 >= n) break;
      const joiner = text.charCodeAt(j);
      const before = text.charCodeAt(j - 1);
      const after = text.charCodeAt(j + 1);
      const letters = isLetter(before) && isLetter(after) && joinsLetters(joiner);
      const digits = isDigit(before) && isDigit(after) && joinsDigits(joiner);
      if (!letters && !digits) break;
      j += 2;
    }
    visit(start, j);
    i = j;
  }
}

function scan(text: string): WordSegment[] {
  const out: WordSegment[] = [];
  scanSpans(text, (start, end) => out.push({ segment: text.slice(start, end), index: start }));
  return out;
}

/** Word-like segments of `text`; `latinRules` allows the fast scanner (English or unknown language only, since other locales may tailor the rules). */
export function wordSegments(text: string, tag: string | undefined, latinRules: boolean): WordSegment[] {
  if (latinRules && FAST_ALPHABET.test(text)) return scan(text);
  const out: WordSegment[] = [];
  for (const s of segmenterFor(tag).segment(text)) if (s.isWordLike) out.push({ segment: s.segment, index: s.index });
  return out;
}

// Derivation tokenizes a body and then counts its words: the same scan twice. The scan that
// tokenized the last text leaves its word count here, and counting that same text reuses it.
let lastScan: { text: string; words: number } | null = null;

/** How many word-like segments the fast scanner finds, or null when `text` is outside its alphabet (English rules). */
export function latinWordCount(text: string): number | null {
  if (lastScan !== null && lastScan.text === text) return lastScan.words;
  if (!FAST_ALPHABET.test(text)) return null;
  let words = 0;
  scanSpans(text, () => words++);
  return words;
}

/**
 * Calls `visit` with the span of each word-like segment and returns true, when the fast scanner
 * may take `text` (the caller's language follows the English rules); else returns false and visits
 * nothing. For hot loops that would otherwise allocate a segment object per word.
 */
export function eachLatinWord(text: string, visit: (start: number, end: number) => void): boolean {
  if (!FAST_ALPHABET.test(text)) return false;
  let words = 0;
  scanSpans(text, (start, end) => {
    words++;
    visit(start, end);
  });
  // Only a scan that ran to the end knows the count (a throwing visitor leaves the last one).
  lastScan = { text, words };
  return true;
}

/** The reference segmentation (Intl.Segmenter only), for tests. */
export function referenceWordSegments(text: string, tag?: string): WordSegment[] {
  return wordSegments(text, tag, false);
}
