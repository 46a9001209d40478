// Protects the tokenizer's ASCII fast path and the fast word count: both skip Unicode work for plain
// text, and must give exactly what the general rules give, or stored vectors, search and read times
// would change with how a word happens to be spelled. The reference below is the general path as
// written before the fast path existed (NFKC, locale lower case, Unicode-class regular expressions).
import fc from 'fast-check';
import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { stopWordsFor } from '../../../src/domain/stop-words';
import { tokenize } from '../../../src/domain/tokenize';
import { countWords } from '../../../src/domain/word-count';
import { latinWordCount, referenceWordSegments } from '../../../src/domain/word-segments';

const NUMBER_LIKE = /^[\p{N}.,'’:/-]+$/u;
const LATIN_WORD = /^\p{Script=Latin}+$/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function referenceTokenize(text: string, lang: 'en' | undefined): string[] {
  const stops = stopWordsFor(lang);
  const out: string[] = [];
  for (const { segment } of referenceWordSegments(text, lang)) {
    const folded = segment.normalize('NFKC').toLocaleLowerCase(lang).replace(/[’ʼ`´]/g, "'");
    if (stops.has(folded)) continue;
    let word = folded.endsWith("'s") ? folded.slice(0, -2) : folded;
    if (word.includes("'")) word = word.replace(/'/g, '');
    if (word.length === 0 || stops.has(word) || NUMBER_LIKE.test(word)) continue;
    if (CJK.test(word)) continue;
    if (word.length < 2) continue;
    out.push(LATIN_WORD.test(word) ? stemmer(word) : word);
  }
  return out;
}

// ASCII letters of both cases, digits, joiners and separators, and a few common words (stop words too).
const PIECES = ['a', 'B', 'z', 'Q', 'I', '1', '0', ' ', '.', ',', ':', "'", '-', '/', '"', '!', '\n', "'s", 'The', 'running', 'HARBOUR', "isn't", '3.5', 'U.S.', 'co-op'];
const asciiText = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));

describe('tokenizer fast path', () => {
  it('gives the general rules’ terms for ASCII text, English or unknown language', () => {
    fc.assert(
      fc.property(asciiText, fc.constantFrom('en' as const, undefined), (text, lang) => {
        expect(tokenize(text, lang)).toEqual(referenceTokenize(text, lang));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('fast word count', () => {
  it('counts exactly the word-like segments Intl.Segmenter finds', () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        const reference = referenceWordSegments(text, 'en').length;
        expect(latinWordCount(text)).toBe(reference);
        expect(countWords(text, 'en')).toEqual({ words: reference, cjk: 0 });
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves other alphabets to the segmenter', () => {
    expect(latinWordCount('夜市今晚开放')).toBeNull();
    expect(countWords('夜市今晚开放 tonight', 'en').cjk).toBe(6);
  });
});
