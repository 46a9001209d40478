// Protects offline search: whole-word and as-you-type prefix matches, title matches ranked above body
// mentions, all words before some, removal, and highlight ranges that agree with the index.
import { describe, expect, it } from 'vitest';
import { buildTermVector } from '../../../src/domain/term-vector';
import { highlightRanges } from '../../../src/domain/highlight';
import { SearchIndex, type SearchDoc } from '../../../src/domain/search-index';

function doc(id: string, title: string, body: string, excerpt = ''): SearchDoc {
  return { id, title, excerpt, vector: buildTermVector({ title, text: body }), language: 'en' };
}

const docs = [
  doc('barrier', 'Harbour barrier closes for the storm', 'The flood gates closed at dawn as the surge rose.'),
  doc('budget', 'Council budget approved', 'The budget mentions the harbour once and the flood defences twice: flood, flood.'),
  doc('cycling', 'Velodrome reopens in spring', 'Riders return to the resurfaced track.', 'Cycling is back at the velodrome.'),
  doc('battery', 'Battery park switches on', 'The grid battery stores solar power for the evening peak.'),
];

describe('SearchIndex', () => {
  const index = SearchIndex.build(docs);

  it('finds whole words through stemming', () => {
    expect(index.search('floods ').map((h) => h.id)).toEqual(expect.arrayContaining(['barrier', 'budget']));
  });
  it('matches as you type', () => {
    expect(index.search('velo')[0]?.id).toBe('cycling');
    expect(index.search('batt')[0]?.id).toBe('battery');
  });
  it('ranks a title match above body mentions', () => {
    const ids = index.search('harbour ').map((h) => h.id);
    expect(ids[0]).toBe('barrier');
    expect(ids).toContain('budget');
  });
  it('puts stories with every word before stories with some', () => {
    const ids = index.search('harbour storm').map((h) => h.id);
    expect(ids[0]).toBe('barrier');
  });
  it('searches excerpts too', () => {
    expect(index.search('cycling ')[0]?.id).toBe('cycling');
  });
  it('reports the matched terms for highlighting', () => {
    expect(index.search('flood ')[0]?.terms).toContain('flood');
  });
  it('forgets removed stories', () => {
    const copy = SearchIndex.build(docs);
    copy.remove('cycling');
    expect(copy.search('velo')).toEqual([]);
    expect(copy.size).toBe(3);
  });
  it('is deterministic and never throws on odd input', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('!!! ???')).toEqual([]);
    expect(index.search('harbour')).toEqual(index.search('harbour'));
  });
  it('practises on its most widespread terms, whole and as a two-letter prefix', () => {
    const wide = SearchIndex.build([
      doc('a', 'Harbour storm', 'Harbour storm harbour.'),
      doc('b', 'Harbour budget', 'The harbour budget.'),
      doc('c', 'Harbour cycling', 'Harbour riders.'),
      doc('d', 'Storm battery', 'Storm.'),
    ]);
    expect(wide.practiceQueries(4)).toEqual(['harbour ', 'ha', 'storm ', 'st']);
    expect(wide.practiceQueries(3)).toHaveLength(3);
    expect(new SearchIndex().practiceQueries(8)).toEqual([]);
  });
  it('orders equal matches at the cut by id, keeping only the smallest ids that fit', () => {
    // Ids sharing their first characters, or shorter than three, as well as distinct ones; inserted shuffled.
    const ids = ['ab', 'abc', 'abcd', 'abd', 'a', 'b0', 'zz9', 'abca', 'ab\u0000', 'mmm', 'm', 'abcb', 'zz'];
    const shuffled = [...ids].sort((x, y) => (x.length * 7 + x.charCodeAt(0)) % 5 - (y.length * 7 + y.charCodeAt(0)) % 5);
    const same = SearchIndex.build(shuffled.map((id) => doc(id, 'Tide tables', 'The tide turns.')));
    const byId = [...ids].sort();
    for (const limit of [1, 3, 5, ids.length, ids.length + 2]) {
      expect(same.search('tide ', { limit }).map((h) => h.id)).toEqual(byId.slice(0, limit));
    }
    // A better match above the tie comes first; the tie fills the rest, smallest ids first.
    const mixed = SearchIndex.build([...shuffled.map((id) => doc(id, 'Tide tables', 'The tide turns.')), doc('zzz', 'Tide', 'Tide tide tide.')]);
    expect(mixed.search('tide ', { limit: 4 }).map((h) => h.id)).toEqual(['zzz', ...byId.slice(0, 3)]);
  });
  it('builds in steps the same index as in one go, pausing before each slice', async () => {
    const many = Array.from({ length: 23 }, (_, i) =>
      doc(`s${i}`, `${['Harbour', 'Velodrome', 'Battery', 'Council'][i % 4]} story ${i}`, `Body ${i} about the ${['flood', 'track', 'grid', 'budget'][i % 3]} and the harbour.`, i % 5 ? '' : 'Excerpt on cycling.'),
    );
    const whole = SearchIndex.build([...docs, ...many]);
    let pauses = 0;
    const stepped = await SearchIndex.buildInSteps([...docs, ...many], async () => void pauses++, 4);
    expect(pauses).toBe(7); // 27 documents, 4 at a time
    for (const q of ['harbour ', 'flood', 'velo', 'cycling ', 'harbour storm', 'story 1', 'budg', 'nothing here']) {
      expect(stepped.search(q, { limit: 50 })).toEqual(whole.search(q, { limit: 50 }));
    }
    expect(stepped.practiceQueries(6)).toEqual(whole.practiceQueries(6));
    expect((await SearchIndex.buildInSteps([], async () => void pauses++)).size).toBe(0);
    await expect(SearchIndex.buildInSteps(docs, async () => undefined, 0)).rejects.toThrow(RangeError);
  });
});

describe('highlightRanges', () => {
  it('marks stemmed matches and the typed prefix, merging neighbours', () => {
    const text = 'Harbour barrier: flooding expected';
    const ranges = highlightRanges(text, 'flood harb');
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['Harbour', 'flooding']);
    expect(highlightRanges('harbour barrier', 'harbour barr').map(([a, b]) => 'harbour barrier'.slice(a, b))).toEqual(['harbour barrier']);
  });
  it('returns nothing for an empty query', () => {
    expect(highlightRanges('anything', '')).toEqual([]);
  });
});
