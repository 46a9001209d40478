// Protects the tokenizer that related stories, search and highlighting share: stop words, case folding, English stemming, CJK words, and that no input can make it throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerStopWords, stopWordsFor } from '../../../src/domain/stop-words';
import { tokenSpans, tokenize } from '../../../src/domain/tokenize';

describe('tokenize', () => {
  it('drops English stop words and reporting fillers', () => {
    expect(tokenize('The minister said that it was over and he would go')).toEqual(['minist']);
  });

  it('folds case so headline capitals match body text', () => {
    expect(tokenize('FLOOD Flood flood')).toEqual(['flood', 'flood', 'flood']);
    expect(tokenize('ＦＬＯＯＤ')).toEqual(['flood']); // full-width letters (NFKC)
  });

  it('stems English so word forms meet', () => {
    expect(tokenize('elections elected election')).toEqual(['elect', 'elect', 'elect']);
    expect(tokenize('flooding floods')).toEqual(['flood', 'flood']);
  });

  it("treats a possessive as the name itself (BA's → ba)", () => {
    expect(tokenize("BA's profits")).toEqual(['ba', 'profit']);
    expect(tokenize('BA’s profits')).toEqual(['ba', 'profit']);
  });

  it('drops pure numbers and lone letters but keeps words with digits', () => {
    expect(tokenize('1,000 3.5 24 x 1990s 280bn')).toEqual(['1990s', '280bn']);
  });

  it('does not stem other languages', () => {
    expect(tokenize('Les élections législatives', 'fr')).toEqual(['les', 'élections', 'législatives']);
  });

  it('keeps CJK words, single characters included', () => {
    expect(tokenize('北京欢迎你', 'zh')).toEqual(['北京', '欢迎', '你']);
    const ja = tokenize('東京都に住んでいます', 'ja');
    expect(ja).toContain('東京');
    expect(ja).not.toContain('に'); // a lone hiragana particle
  });

  it('lower-cases by the language (Turkish dotted I)', () => {
    expect(tokenize('İSTANBUL', 'tr')).toEqual(['istanbul']);
  });

  it('tolerates invalid language tags', () => {
    expect(tokenize('Flood warning', 'not a tag!')).toEqual(['flood', 'warn']);
  });

  it('reports where each term came from', () => {
    const text = 'Storm floods harbour';
    expect(tokenSpans(text).map((s) => [s.term, text.slice(s.start, s.end)])).toEqual([
      ['storm', 'Storm'],
      ['flood', 'floods'],
      ['harbour', 'harbour'],
    ]);
  });

  it('throws a clear error for non-strings', () => {
    expect(() => tokenize(42 as unknown as string)).toThrow(/must be a string/);
  });

  it('never throws on arbitrary text and yields non-empty terms', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom(undefined, null, 'en', 'ja', 'tr', 'xx-!!'), (text, lang) => {
        for (const term of tokenize(text, lang)) expect(term.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('stop words', () => {
  it('has English by default, for unknown languages too, and none for languages without a list', () => {
    expect(stopWordsFor('en-GB').has('the')).toBe(true);
    expect(stopWordsFor(null).has('the')).toBe(true);
    expect(stopWordsFor('de').size).toBe(0);
  });

  it('lets a language be added', () => {
    registerStopWords('nl', ['de', 'het', 'een']);
    expect(tokenize('de overstroming van het jaar', 'nl')).toEqual(['overstroming', 'van', 'jaar']);
  });
});
