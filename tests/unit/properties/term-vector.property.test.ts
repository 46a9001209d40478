// Protects the term-vector ranking: the fast selection (numeric ranking, strings compared only at the
// cut) keeps exactly the terms the plain rule keeps — strongest first, then longer, then alphabetical —
// with and without idf, so stored vectors and related stories do not depend on the implementation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTermVector, FIELD_WEIGHTS } from '../../../src/domain/term-vector';
import { tokenize } from '../../../src/domain/tokenize';

function reference(title: string, text: string, maxTerms: number, idf?: (t: string) => number) {
  const counts = new Map<string, number>();
  for (const t of tokenize(title, 'en')) counts.set(t, (counts.get(t) ?? 0) + FIELD_WEIGHTS.title);
  for (const t of tokenize(text, 'en')) counts.set(t, (counts.get(t) ?? 0) + FIELD_WEIGHTS.text);
  const ranked = [...counts].map(([term, count]) => ({ term, count, strength: idf ? count * idf(term) : count }));
  ranked.sort((a, b) => b.strength - a.strength || b.term.length - a.term.length || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const kept = ranked.slice(0, maxTerms).sort((a, b) => (a.term < b.term ? -1 : 1));
  return { terms: kept.map((k) => k.term), weights: kept.map((k) => k.count) };
}

// A small vocabulary so that counts and lengths tie often, which is where the cut is delicate.
const WORDS = ['harbour', 'ferry', 'bay', 'council', 'vote', 'tide', 'barrier', 'storm', 'quay', 'fees', 'port', 'night', 'crew', 'repairs', 'winter', 'dock', 'kestrel', 'cargo', 'pilot', 'wharf'];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 80 }).map((w) => w.join(' '));

describe('term vector ranking', () => {
  it('keeps the same terms as the plain rule', () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: 12 }), (title, body, maxTerms) => {
        expect(buildTermVector({ title, text: body, language: 'en' }, maxTerms)).toEqual(reference(title, body, maxTerms));
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps the same terms as the plain rule when idf ranks them', () => {
    const idf = (t: string) => 1 + (t.charCodeAt(0) % 3) / 2;
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: 12 }), (title, body, maxTerms) => {
        expect(buildTermVector({ title, text: body, language: 'en' }, maxTerms, idf)).toEqual(reference(title, body, maxTerms, idf));
      }),
      { numRuns: 1500 },
    );
  });
});
