// Protects the "N min read" figures readers see: word/CJK counting, image time, rounding, never 0.
import { describe, expect, it } from 'vitest';
import { imageSeconds, readMinutes, readingSeconds } from '../../../src/domain/read-time';
import { countWords } from '../../../src/domain/word-count';

describe('countWords', () => {
  it('counts English words, not punctuation or spaces', () => {
    expect(countWords('The harbour wall held — just. "Twice," she said.', 'en')).toEqual({ words: 8, cjk: 0 });
  });
  it('counts Chinese and Japanese by character', () => {
    expect(countWords('夜市今晚开放', 'zh-CN').cjk).toBe(6);
    expect(countWords('東京の電車は速い', 'ja').cjk).toBe(8);
  });
  it('counts mixed text in both measures', () => {
    const { words, cjk } = countWords('新能源 battery 工厂 opens', 'zh');
    expect(cjk).toBe(5);
    expect(words).toBe(2);
  });
  it('handles empty text', () => {
    expect(countWords('', 'en')).toEqual({ words: 0, cjk: 0 });
  });
  it('survives a malformed language tag', () => {
    expect(countWords('one two', 'not a tag!').words).toBe(2);
  });
});

describe('imageSeconds', () => {
  it('gives 12 s to the first image and one second less to each next, never under 3', () => {
    expect(imageSeconds(0)).toBe(0);
    expect(imageSeconds(1)).toBe(12);
    expect(imageSeconds(3)).toBe(12 + 11 + 10);
    expect(imageSeconds(12)).toBe(12 + 11 + 10 + 9 + 8 + 7 + 6 + 5 + 4 + 3 + 3 + 3);
  });
});

describe('readMinutes', () => {
  it('uses 238 words per minute and rounds up', () => {
    expect(readMinutes({ wordCount: 238, cjkCount: 0, imageCount: 0 })).toBe(1);
    expect(readMinutes({ wordCount: 239, cjkCount: 0, imageCount: 0 })).toBe(2);
    expect(readMinutes({ wordCount: 1190, cjkCount: 0, imageCount: 0 })).toBe(5);
  });
  it('reads CJK at about 500 characters per minute', () => {
    expect(readMinutes({ wordCount: 0, cjkCount: 1000, imageCount: 0 })).toBe(2);
    expect(readMinutes({ wordCount: 0, cjkCount: 1001, imageCount: 0 })).toBe(3);
  });
  it('adds image time', () => {
    // 476 words = exactly 2 min; two images add 23 s → 3 min.
    expect(readMinutes({ wordCount: 476, cjkCount: 0, imageCount: 0 })).toBe(2);
    expect(readMinutes({ wordCount: 476, cjkCount: 0, imageCount: 2 })).toBe(3);
  });
  it('never says 0 min, even for an empty text', () => {
    expect(readMinutes({ wordCount: 0, cjkCount: 0, imageCount: 0 })).toBe(1);
    expect(readMinutes({ wordCount: 5, cjkCount: 0, imageCount: 0 })).toBe(1);
  });
  it("applies a reader's own speed", () => {
    expect(readMinutes({ wordCount: 1000, cjkCount: 0, imageCount: 0 }, { wordsPerMinute: 500 })).toBe(2);
  });
  it('rejects nonsense input with a clear message', () => {
    expect(() => readingSeconds({ wordCount: -1, cjkCount: 0, imageCount: 0 })).toThrow(/wordCount/);
    expect(() => readingSeconds({ wordCount: 1, cjkCount: 0, imageCount: 0 }, { wordsPerMinute: 0 })).toThrow(/positive/);
  });
});
