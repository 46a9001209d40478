// Counting what a reader reads (DESIGN.md §4): words by Intl.Segmenter word-like segments, and
// CJK characters separately, since those are read character by character. Done once at ingest.
import { primaryLanguage } from './stop-words';
import { latinWordCount } from './word-segments';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string | null | undefined): Intl.Segmenter {
  const key = language ?? '';
  let seg = segmenters.get(key);
  if (!seg) {
    // An unknown or malformed tag must not break ingest: fall back to the root locale.
    try {
      seg = new Intl.Segmenter(language ?? undefined, { granularity: 'word' });
    } catch {
      seg = new Intl.Segmenter(undefined, { granularity: 'word' });
    }
    segmenters.set(key, seg);
  }
  return seg;
}

/** Counts words (Intl.Segmenter, word-like segments) and CJK characters separately. */
export function countWords(text: string, language?: string | null): { words: number; cjk: number } {
  // English or unknown-language Latin text: the scanner counts the segmenter's words ~50× faster,
  // and counting was most of the time a 10,000-story sync spent per article. Its alphabet has no CJK.
  const primary = primaryLanguage(language);
  const fast = primary === null || primary === 'en' ? latinWordCount(text) : null;
  if (fast !== null) return { words: fast, cjk: 0 };
  let words = 0;
  let cjk = 0;
  for (const s of segmenterFor(language).segment(text)) {
    if (!s.isWordLike) continue;
    // CJK text is read character by character, so a segment of it counts its characters.
    const han = s.segment.match(CJK);
    if (han) {
      cjk += han.length;
      if (han.length < [...s.segment].length) words += 1;
    } else {
      words += 1;
    }
  }
  return { words, cjk };
}

