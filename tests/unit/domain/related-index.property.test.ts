// Protects incremental maintenance of the related index (fast-check): after any sequence of ingests, replacements and evictions, document frequencies are exact and answers equal a fresh rebuild from the surviving stories — never the query, never a story twice, scores in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RelatedIndex, type IndexedDoc } from '../../../src/domain/related-index';
import { buildTermVector } from '../../../src/domain/term-vector';

const WORDS = ['harbour', 'barrier', 'flood', 'storm', 'tide', 'striker', 'derby', 'goal', 'league', 'battery', 'solar', 'grid', 'budget', 'council', 'levy', 'museum'];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const story = fc.record({
  id: fc.integer({ min: 0, max: 11 }).map((i) => `s${i}`),
  title: text,
  body: text,
  section: fc.constantFrom('World', 'Sport', ''),
  sourceId: fc.constantFrom('a', 'b'),
  day: fc.nat({ max: 5 }),
});
const operation = fc.oneof(
  { arbitrary: story.map((s) => ({ kind: 'add' as const, s })), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 11 }).map((i) => ({ kind: 'remove' as const, id: `s${i}` })), weight: 1 },
);

function toDoc(s: { id: string; title: string; body: string; section: string; sourceId: string; day: number }): IndexedDoc {
  return { id: s.id, vector: buildTermVector({ title: s.title, text: s.body }), section: s.section, sourceId: s.sourceId, publishedAt: s.day * 86_400_000 };
}

describe('RelatedIndex under churn', () => {
  it('stays equal to a rebuild of what survives', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const live = new RelatedIndex();
        const alive = new Map<string, IndexedDoc>();
        for (const op of operations) {
          if (op.kind === 'add') {
            const doc = toDoc(op.s);
            live.add(doc);
            alive.delete(doc.id); // a replacement moves to the end, as in the live index's view
            alive.set(doc.id, doc);
          } else {
            live.remove(op.id);
            alive.delete(op.id);
          }
        }
        expect(live.size).toBe(alive.size);
        for (const word of WORDS) {
          const term = buildTermVector({ title: word, text: '' }).terms[0]!;
          const expected = [...alive.values()].filter((d) => d.vector.terms.includes(term)).length;
          expect(live.documentFrequency(term)).toBe(expected);
        }
        const fresh = RelatedIndex.build(alive.values());
        for (const id of alive.keys()) {
          const hits = live.related(id, { limit: 5 });
          expect(hits).toEqual(fresh.related(id, { limit: 5 }));
          const ids = hits.flatMap((h) => [h.id, ...h.alsoCoveredBy]);
          expect(ids).not.toContain(id);
          expect(new Set(ids).size).toBe(ids.length);
          for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('compacts after heavy eviction without losing anything', () => {
    const index = new RelatedIndex();
    for (let i = 0; i < 3000; i++) {
      index.add(toDoc({ id: `old${i}`, title: `${WORDS[i % 16]} unique${i}`, body: `${WORDS[(i * 7) % 16]} ${WORDS[(i * 3) % 16]} rare${i}`, section: '', sourceId: 'a', day: 0 }));
    }
    index.related('old0');
    for (let i = 0; i < 2990; i++) index.remove(`old${i}`);
    index.add(toDoc({ id: 'new', title: 'flood barrier', body: 'storm tide', section: '', sourceId: 'b', day: 0 }));
    expect(index.size).toBe(11);
    expect(index.documentFrequency('unique5')).toBe(0);
    expect(index.documentFrequency('unique2995')).toBe(1);
    const fresh = RelatedIndex.build([...Array(10).keys()].map((k) => 2990 + k).map((i) => toDoc({ id: `old${i}`, title: `${WORDS[i % 16]} unique${i}`, body: `${WORDS[(i * 7) % 16]} ${WORDS[(i * 3) % 16]} rare${i}`, section: '', sourceId: 'a', day: 0 })).concat(toDoc({ id: 'new', title: 'flood barrier', body: 'storm tide', section: '', sourceId: 'b', day: 0 })));
    expect(index.related('new', { limit: 10 })).toEqual(fresh.related('new', { limit: 10 }));
  });
});
