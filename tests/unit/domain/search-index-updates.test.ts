// Protects search as the stored set changes: stories added after a search become findable (prefix included), replacements and evictions are reflected at once, even after eviction compacts the index, and a short prefix keeps its most widespread completions.
import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDoc } from '../../../src/domain/search-index';
import { buildTermVector } from '../../../src/domain/term-vector';

function doc(id: string, title: string, body = '', excerpt = ''): SearchDoc {
  return { id, title, excerpt, vector: buildTermVector({ title, text: body }), language: 'en' };
}

describe('SearchIndex updates', () => {
  it('finds stories added after earlier searches, by prefix too', () => {
    const index = SearchIndex.build([doc('a', 'Harbour barrier closes')]);
    expect(index.search('volc')).toEqual([]);
    index.add(doc('b', 'Volcano erupts overnight'));
    expect(index.search('volc').map((h) => h.id)).toEqual(['b']);
    expect(index.has('b')).toBe(true);
  });

  it('reflects a replacement at once', () => {
    const index = SearchIndex.build([doc('a', 'Harbour barrier closes')]);
    index.add(doc('a', 'Museum reopens'));
    expect(index.search('harbour ')).toEqual([]);
    expect(index.search('museum ').map((h) => h.id)).toEqual(['a']);
    expect(index.size).toBe(1);
  });

  it('keeps answering correctly after most stories are evicted', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 2000; i++) index.add(doc(`old${i}`, `Story number${i} about tides`, `tides and storms ${i}`));
    expect(index.search('tides ').length).toBe(20);
    for (let i = 0; i < 1995; i++) index.remove(`old${i}`);
    index.add(doc('new', 'Tides turn at the harbour'));
    expect(index.search('tides ', { limit: 50 }).map((h) => h.id).sort()).toEqual(['new', 'old1995', 'old1996', 'old1997', 'old1998', 'old1999']);
    expect(index.search('number5 ')).toEqual([]);
    expect(index.search('number199').map((h) => h.id)).toEqual(['old1995', 'old1996', 'old1997', 'old1998', 'old1999']);
  });

  it('keeps the most widespread completions when a short prefix has too many', () => {
    const rare = Array.from({ length: 60 }, (_, i) => doc(`rare${i}`, `Thz${i}x study`));
    const common = Array.from({ length: 5 }, (_, i) => doc(`common${i}`, `Thzcommon news ${i}`));
    const ids = SearchIndex.build([...rare, ...common]).search('thz', { limit: 100 }).map((h) => h.id);
    expect(ids).toEqual(expect.arrayContaining(common.map((d) => d.id)));
    expect(ids.length).toBeLessThan(65);
  });

  it('rejects a bad limit', () => {
    expect(() => new SearchIndex().search('x', { limit: -1 })).toThrow(/limit/);
  });
});
