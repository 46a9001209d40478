// Property tests (fast-check) for the related-stories engine: never the story itself, no repeats,
// scores in order, deterministic, and removal forgets a story completely.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RelatedIndex, type IndexedDoc } from '../../../src/domain/related-index';
import { buildTermVector } from '../../../src/domain/term-vector';

const WORDS = ['harbour', 'barrier', 'flood', 'battery', 'grid', 'solar', 'derby', 'goal', 'library', 'museum', 'council', 'levy', 'tide', 'storm', 'cells'];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 40 }).map((w) => w.join(' '));
const docs = fc
  .array(fc.record({ title: text, body: text, section: fc.constantFrom('World', 'Science', 'Sport'), source: fc.constantFrom('a', 'b', 'c'), day: fc.nat({ max: 30 }) }), { minLength: 2, maxLength: 25 })
  .map((list): IndexedDoc[] =>
    list.map((d, i) => ({
      id: `d${i}`,
      vector: buildTermVector({ title: d.title, text: d.body }),
      section: d.section,
      sourceId: d.source,
      publishedAt: d.day * 86_400_000,
      title: d.title,
    })),
  );

describe('related engine properties', () => {
  it('never returns the story itself or the same story twice, with scores in order, deterministically', () => {
    fc.assert(
      fc.property(docs, (list) => {
        const index = RelatedIndex.build(list);
        for (const doc of list) {
          const hits = index.related(doc.id, { limit: 5 });
          const ids = hits.flatMap((h) => [h.id, ...h.alsoCoveredBy]);
          expect(ids).not.toContain(doc.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
          expect(RelatedIndex.build(list).related(doc.id, { limit: 5 })).toEqual(hits);
        }
      }),
      { numRuns: 60 },
    );
  });
  it('forgets a removed story everywhere', () => {
    fc.assert(
      fc.property(docs, (list) => {
        const index = RelatedIndex.build(list);
        const gone = list[0]!.id;
        index.remove(gone);
        expect(index.has(gone)).toBe(false);
        for (const doc of list.slice(1)) {
          const ids = index.related(doc.id, { limit: 10 }).flatMap((h) => [h.id, ...h.alsoCoveredBy]);
          expect(ids).not.toContain(gone);
        }
      }),
      { numRuns: 60 },
    );
  });
});
