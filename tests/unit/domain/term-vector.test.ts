// Protects the stored term vector: headline words weigh more, terms are sorted and deterministic, the size cap keeps the strongest terms, and weights stay raw counts.
import { describe, expect, it } from 'vitest';
import { buildTermVector, checkTermVector, FIELD_WEIGHTS } from '../../../src/domain/term-vector';

const weightOf = (v: { terms: string[]; weights: number[] }, term: string) => v.weights[v.terms.indexOf(term)];

describe('buildTermVector', () => {
  it('weighs title words above standfirst words above body words', () => {
    const v = buildTermVector({ title: 'Harbour', dek: 'barrier', text: 'storm' });
    expect(weightOf(v, 'harbour')).toBe(FIELD_WEIGHTS.title);
    expect(weightOf(v, 'barrier')).toBe(FIELD_WEIGHTS.dek);
    expect(weightOf(v, 'storm')).toBe(FIELD_WEIGHTS.text);
    expect(FIELD_WEIGHTS.title).toBeGreaterThan(FIELD_WEIGHTS.dek);
  });

  it('adds up occurrences across fields as raw counts', () => {
    const v = buildTermVector({ title: 'Flood warning', text: 'The flood rose. Floods again.' });
    expect(weightOf(v, 'flood')).toBe(FIELD_WEIGHTS.title + 2);
    expect(v.weights.every((w) => Number.isInteger(w))).toBe(true);
  });

  it('keeps terms sorted ascending with parallel weights', () => {
    const v = buildTermVector({ title: 'Zebra crossing', text: 'apple mango banana apple' });
    expect(v.terms).toEqual([...v.terms].sort());
    expect(v.weights).toHaveLength(v.terms.length);
  });

  it('is deterministic', () => {
    const input = { title: 'Budget vote', text: 'council tax levy budget spending vote council' };
    expect(buildTermVector(input)).toEqual(buildTermVector(input));
  });

  it('keeps only the strongest terms when capped, title terms first', () => {
    const v = buildTermVector({ title: 'Harbour', text: 'storm storm tide wave gull' }, 2);
    expect(v.terms).toEqual(['harbour', 'storm']);
  });

  it('lets an idf choose among equally frequent terms without changing the stored weights', () => {
    const rare = (t: string) => (t === 'gull' ? 5 : 1);
    const v = buildTermVector({ title: '', text: 'tide gull wave' }, 1, rare);
    expect(v).toEqual({ terms: ['gull'], weights: [1] });
  });

  it('ranks the same with or without a neutral idf (packed-key and comparator ranking agree), ties cut alphabetically', () => {
    const words = ['tide', 'gull', 'wave', 'storm', 'harbour', 'sea', 'pier', 'boat', 'flood', 'quay', 'rain', 'wind'];
    let seed = 99;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
    for (let k = 0; k < 500; k++) {
      const input = { title: pick(2), dek: pick(3), text: pick(30) };
      const maxTerms = 1 + Math.floor(random() * 8);
      expect(buildTermVector(input, maxTerms)).toEqual(buildTermVector(input, maxTerms, () => 1));
    }
    // Three terms of equal count and length: the cut keeps the alphabetically first.
    expect(buildTermVector({ title: '', text: 'wave gull tide' }, 2).terms).toEqual(['gull', 'tide']);
  });

  it('gives an empty vector for empty text', () => {
    expect(buildTermVector({ title: '', text: '' })).toEqual({ terms: [], weights: [] });
  });

  it('throws on invalid input', () => {
    expect(() => buildTermVector({ title: 'x' } as never)).toThrow(/title and text/);
    expect(() => buildTermVector({ title: '', text: '' }, 0)).toThrow(/maxTerms/);
  });
});

describe('checkTermVector', () => {
  it('rejects mismatched or non-positive weights', () => {
    expect(() => checkTermVector({ terms: ['a'], weights: [] }, 'test')).toThrow(/1 terms but 0 weights/);
    expect(() => checkTermVector({ terms: ['a'], weights: [0] }, 'test')).toThrow(/finite positive/);
  });
});
