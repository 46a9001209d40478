// Protects the stored term vector: headline words weigh more, terms are sorted and deterministic, the size cap keeps the strongest terms, and weights stay raw counts.
import { describe, expect, it } from 'vitest';
import { buildTermVector, checkTermVector, FIELD_WEIGHTS } from '../../../src/domain/term-vector';
import { tokenize } from '../../../src/domain/tokenize';

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

  // The ranking as first written (one comparator over every term), kept here as the definition the faster ranking must match.
  function reference(input: { title: string; dek?: string; text: string; language?: string }, maxTerms: number, idf?: (t: string) => number) {
    const counts = new Map<string, number>();
    const add = (text: string | undefined, weight: number) => {
      for (const t of text ? tokenize(text, input.language) : []) counts.set(t, (counts.get(t) ?? 0) + weight);
    };
    add(input.title, FIELD_WEIGHTS.title);
    add(input.dek, FIELD_WEIGHTS.dek);
    add(input.text, FIELD_WEIGHTS.text);
    const terms = [...counts.keys()];
    const weights = [...counts.values()];
    const byTerm = (a: number, b: number) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0);
    const pick = (chosen: number[]) => {
      const order = chosen.sort(byTerm);
      return { terms: order.map((i) => terms[i]), weights: order.map((i) => weights[i]) };
    };
    if (terms.length <= maxTerms) return pick(Array.from(terms.keys()));
    const strength = idf ? weights.map((c, i) => c * idf(terms[i])) : weights;
    const byRank = Array.from(terms.keys()).sort((a, b) => strength[b] - strength[a] || terms[b].length - terms[a].length);
    const same = (a: number, b: number) => strength[a] === strength[b] && terms[a].length === terms[b].length;
    let groupStart = maxTerms - 1;
    while (groupStart > 0 && same(byRank[groupStart - 1], byRank[maxTerms - 1])) groupStart--;
    let groupEnd = maxTerms;
    while (groupEnd < byRank.length && same(byRank[groupEnd], byRank[maxTerms - 1])) groupEnd++;
    const boundary = byRank.slice(groupStart, groupEnd).sort(byTerm);
    return pick([...byRank.slice(0, groupStart), ...boundary.slice(0, maxTerms - groupStart)]);
  }

  it('ranks exactly as the one-comparator definition, with and without idf, in any script', () => {
    const words = ['tide', 'gull', 'wave', 'storm', 'harbour', 'sea', 'pier', 'boat', 'flood', 'quay', 'rain', 'wind',
      'Straße', 'élan', 'İstanbul', 'ıslak', 'Ωμέγα', 'мост', '東京', 'たべる', '𝒳enon', 'naïve', 'cafe', 'café'];
    let seed = 99;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
    const idf = (t: string) => 1 + (t.length % 3) / 2;
    for (let k = 0; k < 600; k++) {
      const input = { title: pick(2), dek: pick(3), text: pick(30), language: ['en', 'tr', 'de', ''][k % 4] || undefined };
      const maxTerms = 1 + Math.floor(random() * 12);
      expect(buildTermVector(input, maxTerms)).toEqual(reference(input, maxTerms));
      expect(buildTermVector(input, maxTerms, idf)).toEqual(reference(input, maxTerms, idf));
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
