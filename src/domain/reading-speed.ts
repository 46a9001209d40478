// The reader's own reading speed, learned from finished reads (DESIGN.md §4).

/** One finished read: words read and the active time it took. */
export interface ReadSample {
  words: number;
  activeMs: number;
}

/** Speeds outside this range are noise (skimming, or the tab left open), not reading. */
export const MIN_WPM = 100;
export const MAX_WPM = 700;
/** A learned speed needs at least this many finished reads. */
export const MIN_SAMPLES = 5;
/** Only the most recent reads count, so the estimate follows the reader. */
export const RECENT_SAMPLES = 15;

/** Words per minute of one read, clamped to the plausible range; null for unusable samples. */
export function sampleSpeed(sample: ReadSample): number | null {
  if (!(sample.words > 0) || !(sample.activeMs > 0)) return null;
  const wpm = sample.words / (sample.activeMs / 60_000);
  return Math.min(MAX_WPM, Math.max(MIN_WPM, wpm));
}

/** The median speed of the recent reads, or null until there are MIN_SAMPLES usable ones. */
export function learnedWordsPerMinute(samples: readonly ReadSample[]): number | null {
  const speeds = samples
    .slice(-RECENT_SAMPLES)
    .map(sampleSpeed)
    .filter((s): s is number => s !== null)
    .sort((a, b) => a - b);
  if (speeds.length < MIN_SAMPLES) return null;
  const mid = speeds.length >> 1;
  const median = speeds.length % 2 ? speeds[mid]! : (speeds[mid - 1]! + speeds[mid]!) / 2;
  return Math.round(median);
}

/** Appends a sample, keeping only the recent ones that matter. */
export function addSample(samples: readonly ReadSample[], sample: ReadSample): ReadSample[] {
  return [...samples, sample].slice(-RECENT_SAMPLES);
}
