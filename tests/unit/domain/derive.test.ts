// Protects ingest derivation: stable ids, counts for read time, excerpts, sections and term vectors.
import { describe, expect, it } from 'vitest';
import { deriveArticle } from '../../../src/domain/derive';
import type { ArticleInput } from '../../../src/domain/article';

const input: ArticleInput = {
  sourceId: 's1',
  guid: 'g1',
  url: 'https://news.example/a',
  title: 'Harbour barrier tested',
  dek: '',
  author: null,
  sections: [],
  publishedAt: null,
  updatedAt: null,
  contentHtml: '<p>The harbour barrier closed for a test on Monday.</p><img src="x/lead.jpg"><p>It held.</p>',
  baseUrl: 'https://news.example/feed',
  imageUrl: 'https://news.example/x/lead.jpg',
  language: 'en',
};

describe('deriveArticle', () => {
  const a = deriveArticle(input, 1_000);
  it('gives the same id for the same source and guid', () => {
    expect(deriveArticle({ ...input, title: 'Changed' }, 2_000).id).toBe(a.id);
    expect(deriveArticle({ ...input, sourceId: 's2' }, 2_000).id).not.toBe(a.id);
  });
  it('falls back to the URL when there is no guid', () => {
    const b = deriveArticle({ ...input, guid: null }, 1_000);
    expect(b.guid).toBe(input.url);
    expect(b.id).not.toBe(a.id);
  });
  it('counts words and images, not counting a lead image the body already shows', () => {
    expect(a.wordCount).toBe(11);
    expect(a.imageCount).toBe(1);
    expect(deriveArticle({ ...input, imageUrl: 'https://news.example/other.jpg' }, 1).imageCount).toBe(2);
  });
  it('uses the fetch time when the item has no date', () => {
    expect(a.publishedAt).toBe(1_000);
  });
  it('files section-less items under News and builds an excerpt', () => {
    expect(a.section).toBe('News');
    expect(a.excerpt).toContain('harbour barrier');
  });
  it('builds a sorted term vector that includes title terms', () => {
    expect(a.terms.terms.length).toBeGreaterThan(0);
    expect([...a.terms.terms].sort()).toEqual(a.terms.terms);
    expect(a.terms.terms.some((t) => t.startsWith('harbour'))).toBe(true);
  });
  it('rejects an item with neither title nor content', () => {
    expect(() => deriveArticle({ ...input, title: ' ', contentHtml: '' }, 1)).toThrow(/neither title nor content/);
  });
});
