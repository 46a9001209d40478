// Protects the fast word scanner: on the text it accepts it must split words exactly as Intl.Segmenter does (UAX #29), or search, highlighting and stored vectors would disagree with text the scanner does not take.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachLatinWord, latinWordCount, referenceWordSegments, wordSegments } from '../../../src/domain/word-segments';

// Letters, digits and every joiner or separator the scanner treats specially, plus neighbours.
const ALPHABET = ['a', 'B', 'z', 'é', 'Ā', 'ž', 'Ö', '1', '0', '9', ' ', '.', ',', ';', ':', "'", '’', '‘', '-', '"', '$', '£', '€', '—', '–', '\n', '…', '%', '!', '(', '“', '”', '\t', '\u00a0', '/', '&', '@', '#', '*', '+', '=', '?', '[', '`', '~', '^', '|', '<'];

describe('wordSegments', () => {
  it('matches Intl.Segmenter on random Latin text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((chars) => chars.join('')), (text) => {
        expect(wordSegments(text, 'en', true)).toEqual(referenceWordSegments(text, 'en'));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps abbreviations, decimals, thousands and contractions whole, like Intl.Segmenter', () => {
    const text = "U.S. firms' 1,000.5 don’t e-mail a.1 x:y";
    expect(wordSegments(text, 'en', true).map((s) => s.segment)).toEqual(['U.S', 'firms', '1,000.5', 'don’t', 'e', 'mail', 'a', '1', 'x:y']);
    expect(wordSegments(text, 'en', true)).toEqual(referenceWordSegments(text, 'en'));
  });

  it('hands other scripts to Intl.Segmenter', () => {
    expect(wordSegments('北京欢迎你', 'zh', true).map((s) => s.segment)).toEqual(['北京', '欢迎', '你']);
  });
});

describe('latinWordCount after a tokenizing scan', () => {
  it('reuses the count of the text just scanned and of no other', () => {
    const text = 'One two, three. Four';
    expect(eachLatinWord(text, () => {})).toBe(true);
    expect(latinWordCount(text)).toBe(4);
    expect(latinWordCount('five six')).toBe(2);
    expect(eachLatinWord('a b c', () => {})).toBe(true);
    expect(latinWordCount(text)).toBe(4);
  });

  it('does not keep the count of a scan that stopped half-way', () => {
    const text = 'alpha beta gamma delta';
    expect(() =>
      eachLatinWord(text, (start) => {
        if (start > 6) throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(latinWordCount(text)).toBe(4);
  });
});
