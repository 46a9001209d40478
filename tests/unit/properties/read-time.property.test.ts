// Property tests (fast-check) for reading time: never 0, never NaN, monotonic in every count,
// slower readers never get shorter estimates, and word counting never throws on any string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMinutes, readingSeconds } from '../../../src/domain/read-time';
import { countWords } from '../../../src/domain/word-count';

const counts = fc.record({
  wordCount: fc.nat({ max: 200_000 }),
  cjkCount: fc.nat({ max: 200_000 }),
  imageCount: fc.nat({ max: 500 }),
});

describe('read time properties', () => {
  it('is a whole number of minutes, at least 1', () => {
    fc.assert(fc.property(counts, (c) => {
      const m = readMinutes(c);
      expect(Number.isInteger(m)).toBe(true);
      expect(m).toBeGreaterThanOrEqual(1);
    }));
  });
  it('never decreases when any count grows', () => {
    fc.assert(fc.property(counts, fc.constantFrom('wordCount', 'cjkCount', 'imageCount'), fc.nat({ max: 10_000 }), (c, key, more) => {
      expect(readingSeconds({ ...c, [key]: c[key] + more })).toBeGreaterThanOrEqual(readingSeconds(c));
    }));
  });
  it('gives slower readers at least as long', () => {
    fc.assert(fc.property(counts, fc.integer({ min: 100, max: 700 }), fc.integer({ min: 100, max: 700 }), (c, a, b) => {
      const [slow, fast] = a <= b ? [a, b] : [b, a];
      expect(readMinutes(c, { wordsPerMinute: slow })).toBeGreaterThanOrEqual(readMinutes(c, { wordsPerMinute: fast }));
    }));
  });
  it('counts any text without throwing, with sane counts', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.constantFrom(null, 'en', 'zh', 'ar', 'xx-invalid!'), (text, lang) => {
      const { words, cjk } = countWords(text, lang);
      expect(words).toBeGreaterThanOrEqual(0);
      expect(cjk).toBeGreaterThanOrEqual(0);
      expect(words + cjk).toBeLessThanOrEqual([...text].length);
    }));
  });
});
