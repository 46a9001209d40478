// Protects search's top-k selection: asking for the best k must give exactly the first k of the full
// ranking (ties at the cut included and ordered the same), for any collection and query.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/domain/search-index';
import { buildTermVector } from '../../../src/domain/term-vector';

const WORDS = ['harbour', 'ferry', 'ferries', 'council', 'vote', 'votes', 'tide', 'barrier', 'storm', 'quay', 'fees', 'port', 'night', 'crew'];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));

describe('search top-k', () => {
  it('the best k are the first k of the whole ranking', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 60 }), fc.constantFrom(...WORDS, 'fe', 'vo', 'harbour fe', 'storm quay'), fc.integer({ min: 1, max: 10 }), (docs, query, k) => {
        const index = SearchIndex.build(
          docs.map(([title, body], i) => ({ id: `d${String(i).padStart(3, '0')}`, title, excerpt: body.slice(0, 40), vector: buildTermVector({ title, text: body }), language: 'en' })),
        );
        const all = index.search(query, { limit: 1000 });
        expect(index.search(query, { limit: k })).toEqual(all.slice(0, k));
      }),
      { numRuns: 400 },
    );
  });
});
