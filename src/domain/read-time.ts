// Reading-time estimates (DESIGN.md §4). We store counts, never minutes, so a
// reader's own speed can be applied later without re-deriving anything.

/** Adult silent reading of non-fiction, words per minute (Brysbaert 2019). */
export const DEFAULT_WORDS_PER_MINUTE = 238;
/** Chinese / Japanese readers, characters per minute. */
export const DEFAULT_CJK_CHARS_PER_MINUTE = 500;

/** The counts a reading time is computed from. */
export interface ReadCounts {
  wordCount: number;
  cjkCount: number;
  imageCount: number;
}

/** Reader-specific speeds; omitted fields use the defaults. */
export interface ReadSpeed {
  wordsPerMinute?: number;
  cjkCharsPerMinute?: number;
}

/** Seconds spent on images: 12 s for the first, one second less for each next, never under 3 s. */
export function imageSeconds(imageCount: number): number {
  let total = 0;
  for (let i = 0; i < imageCount; i++) total += Math.max(12 - i, 3);
  return total;
}

/** Estimated reading time in seconds for the given counts and speed. */
export function readingSeconds(counts: ReadCounts, speed: ReadSpeed = {}): number {
  const wpm = speed.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE;
  const cpm = speed.cjkCharsPerMinute ?? DEFAULT_CJK_CHARS_PER_MINUTE;
  if (!(wpm > 0) || !(cpm > 0)) throw new RangeError(`reading speed must be positive, got ${wpm} wpm / ${cpm} cpm`);
  for (const key of ['wordCount', 'cjkCount', 'imageCount'] as const) {
    const v = counts[key];
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${key} must be a non-negative number, got ${v}`);
  }
  return (counts.wordCount / wpm) * 60 + (counts.cjkCount / cpm) * 60 + imageSeconds(counts.imageCount);
}

/** Whole minutes to read, rounded up and never 0 ("1 min read" for the shortest text). */
export function readMinutes(counts: ReadCounts, speed: ReadSpeed = {}): number {
  return Math.max(1, Math.ceil(readingSeconds(counts, speed) / 60));
}
