// Protects "Related" and "Also covered by": the same story from two sources is grouped (never listed twice, never shown as related to itself), order is deterministic, section and time nudge ties, and evictions update document frequencies.
import { describe, expect, it } from 'vitest';
import { RelatedIndex, type IndexedDoc } from '../../../src/domain/related-index';
import { buildTermVector } from '../../../src/domain/term-vector';

const DAY = 86_400_000;

function doc(id: string, title: string, text: string, extra: Partial<IndexedDoc> = {}): IndexedDoc {
  return { id, vector: buildTermVector({ title, text }), section: 'News', publishedAt: 0, sourceId: 'a', ...extra };
}

const floodText =
  'The harbour barrier closed at dawn as the storm surge rose. Flood gates held, but the river flooded low streets and residents were evacuated.';

const corpus: IndexedDoc[] = [
  doc('flood-a', 'Harbour barrier closes as storm surge rises', floodText, { sourceId: 'a' }),
  doc('flood-b', 'Harbour barrier closes as storm surge rises', floodText + ' Updated with comment.', { sourceId: 'b' }),
  doc('flood-c', 'Storm surge: barrier shut', floodText, { sourceId: 'c' }),
  doc('levee', 'River levee to be raised after flood', 'Engineers will raise the river levee after the storm surge flooded streets and the barrier struggled.', { sourceId: 'd' }),
  doc('insurance', 'Flood claims rise after storm', 'Insurers expect flood claims from residents of flooded streets after the storm surge.', { sourceId: 'e' }),
  doc('derby', 'Late goal settles the derby', 'A late goal from the striker settled the derby as the league leaders won.', { section: 'Sport' }),
  doc('cup', 'Striker scores twice in cup tie', 'The striker scored twice as the league side won the cup tie with a late goal.', { section: 'Sport' }),
  doc('battery', 'Grid battery switches on', 'The grid battery stores solar power for the evening peak of demand.'),
  doc('solar', 'Solar farm approved', 'Councillors approved the solar farm that will feed the grid battery.'),
];

describe('RelatedIndex', () => {
  const index = RelatedIndex.build(corpus);

  it('never returns the story itself', () => {
    for (const d of corpus) {
      const ids = index.related(d.id, { limit: 20 }).flatMap((h) => [h.id, ...h.alsoCoveredBy]);
      expect(ids).not.toContain(d.id);
    }
  });

  it('treats the same story from other sources as duplicates, not as related', () => {
    expect(index.duplicatesOf('flood-a')).toEqual(expect.arrayContaining(['flood-b', 'flood-c']));
    const ids = index.related('flood-a', { limit: 20 }).flatMap((h) => [h.id, ...h.alsoCoveredBy]);
    expect(ids).not.toContain('flood-b');
    expect(ids).not.toContain('flood-c');
    expect(index.related('flood-a', { limit: 2 }).map((h) => h.id).sort()).toEqual(['insurance', 'levee']);
  });

  it('groups near-duplicates of a hit under the best one as "also covered by"', () => {
    const hits = index.related('levee', { limit: 5 });
    const flood = hits.find((h) => h.id.startsWith('flood-'));
    expect(flood).toBeDefined();
    const group = [flood!.id, ...flood!.alsoCoveredBy].sort();
    expect(group).toEqual(['flood-a', 'flood-b', 'flood-c']);
    expect(hits.filter((h) => h.id.startsWith('flood-'))).toHaveLength(1);
  });

  it('lists each story at most once, with scores not increasing', () => {
    for (const d of corpus) {
      const hits = index.related(d.id, { limit: 20 });
      const ids = hits.flatMap((h) => [h.id, ...h.alsoCoveredBy]);
      expect(new Set(ids).size).toBe(ids.length);
      for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    }
  });

  it('finds stories on the same topic first', () => {
    expect(index.related('derby', { limit: 1 })[0]?.id).toBe('cup');
    expect(index.related('battery', { limit: 1 })[0]?.id).toBe('solar');
  });

  it('is deterministic whatever the insertion order', () => {
    const reversed = RelatedIndex.build([...corpus].reverse());
    for (const d of corpus) expect(reversed.related(d.id, { limit: 10 })).toEqual(index.related(d.id, { limit: 10 }));
  });

  // Three stories each sharing one different word with the query: equally similar by construction.
  const triangle = (extra: Array<Partial<IndexedDoc>> = [{}, {}, {}, {}]) => [
    doc('query', 'alpha beta gamma', '', extra[0]),
    doc('tie-3', 'alpha delta', '', extra[1]),
    doc('tie-1', 'beta epsilon', '', extra[2]),
    doc('tie-2', 'gamma zeta', '', extra[3]),
  ];

  it('breaks exact ties by id', () => {
    const hits = RelatedIndex.build(triangle()).related('query');
    expect(hits.map((h) => h.id)).toEqual(['tie-1', 'tie-2', 'tie-3']);
    expect(hits[0]!.score).toBe(hits[2]!.score);
  });

  it('nudges a same-section story above equally similar ones', () => {
    const sections = RelatedIndex.build(triangle([{ section: 'Sport' }, { section: 'Sport' }, { section: 'Business' }, { section: 'Business' }]));
    expect(sections.related('query').map((h) => h.id)).toEqual(['tie-3', 'tie-1', 'tie-2']);
  });

  it('nudges a story published nearer in time above equally similar ones', () => {
    const times = RelatedIndex.build(triangle([{ publishedAt: 10 * DAY }, { publishedAt: 9 * DAY }, { publishedAt: 0 }, { publishedAt: 0 }]));
    expect(times.related('query').map((h) => h.id)).toEqual(['tie-3', 'tie-1', 'tie-2']);
  });

  it('keeps document frequencies exact through additions, replacements and evictions', () => {
    const live = RelatedIndex.build(corpus);
    expect(live.documentFrequency('striker')).toBe(2);
    live.remove('cup');
    expect(live.documentFrequency('striker')).toBe(1);
    expect(live.has('cup')).toBe(false);
    expect(live.size).toBe(corpus.length - 1);
    live.add(doc('derby', 'Derby abandoned', 'Fog stopped play.'));
    expect(live.documentFrequency('striker')).toBe(0);
    expect(live.size).toBe(corpus.length - 1);
    expect(live.documentFrequency('no-such-term')).toBe(0);
  });

  it('forgets an evicted story in later results', () => {
    const live = RelatedIndex.build(corpus);
    live.remove('cup');
    expect(live.related('derby', { limit: 10 }).map((h) => h.id)).not.toContain('cup');
    expect(live.related('cup')).toEqual([]);
  });

  it('applies the filter to hits and "also covered by" alike', () => {
    const hits = index.related('levee', { limit: 10, filter: (id) => id !== 'flood-a' && id !== 'insurance' });
    const ids = hits.flatMap((h) => [h.id, ...h.alsoCoveredBy]);
    expect(ids).not.toContain('flood-a');
    expect(ids).not.toContain('insurance');
    expect(ids).toContain('flood-b');
  });

  it('honours the limit', () => {
    expect(index.related('flood-a', { limit: 1 })).toHaveLength(1);
    expect(index.related('flood-a', { limit: 0 })).toEqual([]);
  });

  it('ranks stories for a vector that is not stored', () => {
    const vector = buildTermVector({ title: 'Striker goal', text: 'league derby goal' });
    expect(['derby', 'cup']).toContain(index.similar(vector, { limit: 1 })[0]?.id);
  });

  it('rejects invalid documents and options with clear messages', () => {
    const live = new RelatedIndex();
    expect(() => live.add({ ...corpus[0]!, id: '' })).toThrow(/id must be a non-empty string/);
    expect(() => live.add({ ...corpus[0]!, publishedAt: Number.NaN })).toThrow(/publishedAt/);
    expect(() => live.add({ ...corpus[0]!, vector: { terms: ['a'], weights: [] } })).toThrow(/1 terms but 0 weights/);
    expect(() => index.related('flood-a', { limit: -1 })).toThrow(/limit/);
  });
});
