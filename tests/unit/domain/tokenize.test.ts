// Protects the tokenizer that related stories, search and highlighting share: stop words, case folding, English stemming, CJK words, and that no input can make it throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerStopWords, stopWordsFor } from '../../../src/domain/stop-words';
import { countTerms, tokenSpans, tokenize } from '../../../src/domain/tokenize';

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

// countTerms counts onto the word cache's own entries; it must agree with counting tokenize()'s output.
function plainCounts(fields: { text: string | undefined; weight: number }[], language?: string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { text, weight } of fields) for (const t of tokenize(text ?? '', language)) counts.set(t, (counts.get(t) ?? 0) + weight);
  return counts;
}
const asMap = ({ terms, counts }: { terms: string[]; counts: number[] }) => {
  expect(new Set(terms).size).toBe(terms.length); // each term once
  return new Map(terms.map((t, i) => [t, counts[i]]));
};

describe('countTerms', () => {
  it('adds weighted counts across fields', () => {
    const fields = [
      { text: 'Flood warning', weight: 3 },
      { text: undefined, weight: 2 },
      { text: 'The flood rose. Floods again.', weight: 1 }, // "again" is a stop word
    ];
    expect(asMap(countTerms(fields, 'en'))).toEqual(new Map([['flood', 5], ['warn', 3], ['rose', 1]]));
  });

  it("merges a word outside the cache with the same term inside it (Obama’s with Obama)", () => {
    expect(asMap(countTerms([{ text: 'Obama’s visit. Obama spoke; Obama’s aides', weight: 1 }], 'en'))).toEqual(
      new Map([['obama', 3], ['visit', 1], ['spoke', 1], ['aid', 1]]),
    );
  });

  it('starts every call from zero', () => {
    countTerms([{ text: 'harbour harbour harbour', weight: 1 }], 'en');
    expect(asMap(countTerms([{ text: 'harbour', weight: 2 }], 'en'))).toEqual(new Map([['harbour', 2]]));
  });

  it('keeps counting right when one text fills the word cache', () => {
    // More distinct words than the cache holds, then words seen before the cache would have been emptied.
    const many = Array.from({ length: 60_000 }, (_, i) => `w${i.toString(36)}x`).join(' ');
    const fields = [{ text: `harbour ${many} harbour`, weight: 1 }, { text: 'harbour ferry', weight: 3 }];
    const counts = asMap(countTerms(fields, 'en'));
    expect(counts.get('harbour')).toBe(5);
    expect(counts).toEqual(plainCounts(fields, 'en'));
    expect(asMap(countTerms([{ text: 'harbour ferry ferry', weight: 1 }], 'en'))).toEqual(new Map([['harbour', 1], ['ferri', 2]]));
  });

  it('agrees with counting tokenize() on arbitrary text in any language', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.array(fc.constantFrom('Harbour', 'harbour’s', 'FERRY', 'ferries', 'İstanbul', 'Ｆｅｒｒｙ', 'the', '東京', 'élection', "BA's"), { maxLength: 30 }).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: fc.option(text, { nil: undefined }), weight: fc.integer({ min: 1, max: 4 }) }), { maxLength: 3 }),
        fc.constantFrom(undefined, null, 'en', 'fr', 'ja', 'tr', 'xx-!!'),
        (fields, lang) => {
          expect(asMap(countTerms(fields, lang))).toEqual(plainCounts(fields, lang));
        },
      ),
      { numRuns: 400 },
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
