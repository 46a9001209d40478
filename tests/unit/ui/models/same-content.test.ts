// Protects the library's "nothing changed, draw nothing" checks: a list read back with the same
// stories (only their download time differs) counts as the same; any field a card shows, the order,
// or the length changing does not; id sets and section counts compare by content.
import { describe, expect, it } from 'vitest';
import { deriveArticle } from '../../../../src/domain/derive';
import type { ArticleSummary } from '../../../../src/storage/articles-repo';
import { sameIds, sameRecords, sameStories } from '../../../../src/ui/models/same-content';

function summary(id: string, fetchedAt = 1): ArticleSummary {
  const { contentHtml: _c, plainText: _p, terms: _t, ...rest } = deriveArticle(
    { sourceId: 's', guid: id, url: `https://news.example/${id}`, title: `Story ${id}`, dek: '', author: null, sections: ['World'], publishedAt: 1000, updatedAt: null, contentHtml: `<p>Body of ${id}.</p>`, baseUrl: 'https://news.example/', imageUrl: null, language: 'en' },
    fetchedAt,
  );
  return rest;
}

describe('sameStories', () => {
  const list = [summary('a'), summary('b')];
  it('treats the same stories fetched again as the same, whatever their key order', () => {
    const again = [summary('a', 99), { ...summary('b', 99) }].map((s) => Object.fromEntries(Object.entries(s).reverse()) as ArticleSummary);
    expect(sameStories(list, again)).toBe(true);
  });
  it('sees a changed headline, another order, a missing story, or nothing shown yet', () => {
    expect(sameStories(list, [summary('a'), { ...summary('b'), title: 'Story b, updated' }])).toBe(false);
    expect(sameStories(list, [summary('b'), summary('a')])).toBe(false);
    expect(sameStories(list, [summary('a')])).toBe(false);
    expect(sameStories(null, list)).toBe(false);
  });
});

describe('sameIds and sameRecords', () => {
  it('compare by content', () => {
    expect(sameIds(new Set(['a', 'b']), new Set(['b', 'a']))).toBe(true);
    expect(sameIds(new Set(['a']), new Set(['b']))).toBe(false);
    expect(sameIds(new Set(['a']), new Set(['a', 'b']))).toBe(false);
    expect(sameRecords([{ name: 'World', count: 2, unread: 1 }], [{ name: 'World', count: 2, unread: 1 }])).toBe(true);
    expect(sameRecords([{ name: 'World', count: 2, unread: 1 }], [{ name: 'World', count: 2, unread: 0 }])).toBe(false);
  });
});
