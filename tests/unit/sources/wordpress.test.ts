// Protects the WordPress REST adapter and pagination helpers: decoded titles, UTC dates, image, sections, author.
import { describe, expect, it } from 'vitest';
import { gmtDate, parseWordPressPosts } from '../../../src/sources/wordpress';
import { nextPageFromLink, parseTotalPages, wordpressPageUrls, wordpressPostsUrl } from '../../../src/sources/wordpress-pages';

const POSTS_URL = 'https://site.example/wp-json/wp/v2/posts?_embed=1';

const post = {
  id: 42,
  date: '2026-03-01T09:30:00',
  date_gmt: '2026-03-01T08:30:00',
  modified_gmt: '2026-03-02T10:00:00',
  guid: { rendered: 'https://site.example/?p=42' },
  link: 'https://site.example/2026/03/01/harbour/',
  title: { rendered: 'Harbour&#8217;s &amp; <em>boats</em>' },
  content: { rendered: '<p>Full body</p>', protected: false },
  excerpt: { rendered: '<p>Short &hellip; summary</p>\n', protected: false },
  _embedded: {
    author: [{ id: 3, name: 'Jane &amp; Joe' }],
    'wp:featuredmedia': [{ id: 9, source_url: 'https://site.example/wp-content/uploads/boat.jpg' }],
    'wp:term': [
      [{ id: 5, name: 'Local &amp; Regional', taxonomy: 'category' }, { id: 1, name: 'Uncategorized', taxonomy: 'category' }],
      [{ id: 7, name: 'boats', taxonomy: 'post_tag' }],
    ],
  },
};

describe('parseWordPressPosts', () => {
  const [item] = parseWordPressPosts(JSON.stringify([post]), POSTS_URL, 'wp').items;
  it('decodes entities in titles and excerpts to plain text', () => {
    expect(item!.title).toBe('Harbour’s & boats');
    expect(item!.dek).toBe('Short … summary');
  });
  it('reads *_gmt dates as UTC even without a Z', () => {
    expect(item!.publishedAt).toBe(Date.parse('2026-03-01T08:30:00Z'));
    expect(item!.updatedAt).toBe(Date.parse('2026-03-02T10:00:00Z'));
  });
  it('takes the featured image, category names (not tags, not Uncategorized) and author', () => {
    expect(item).toMatchObject({
      imageUrl: 'https://site.example/wp-content/uploads/boat.jpg',
      sections: ['Local & Regional'],
      author: 'Jane & Joe',
      guid: 'https://site.example/?p=42',
      url: 'https://site.example/2026/03/01/harbour/',
      contentHtml: '<p>Full body</p>',
    });
  });
  it('refuses an error object with the site message', () => {
    expect(() => parseWordPressPosts('{"code":"rest_no_route","message":"No route"}', POSTS_URL, 'wp')).toThrow(/No route/);
  });
  it('keeps a zone designator when one is given', () => {
    expect(gmtDate('2026-03-01T08:30:00+02:00')).toBe(Date.parse('2026-03-01T06:30:00Z'));
  });
});

describe('pagination', () => {
  it('builds the posts endpoint for pretty and plain permalinks', () => {
    expect(wordpressPostsUrl('https://site.example/wp-json/')).toBe('https://site.example/wp-json/wp/v2/posts?_embed=1&per_page=20');
    expect(wordpressPostsUrl('https://site.example/?rest_route=/')).toContain('rest_route=%2Fwp%2Fv2%2Fposts');
  });
  it('reads X-WP-TotalPages and the next link', () => {
    expect(parseTotalPages('3')).toBe(3);
    expect(parseTotalPages('nope')).toBeNull();
    const link = '<https://site.example/wp-json/wp/v2/posts?page=1>; rel="prev", <https://site.example/wp-json/wp/v2/posts?page=3>; rel="next"';
    expect(nextPageFromLink(link, POSTS_URL)).toBe('https://site.example/wp-json/wp/v2/posts?page=3');
    expect(nextPageFromLink(null, POSTS_URL)).toBeNull();
  });
  it('lists page URLs up to a cap', () => {
    const urls = wordpressPageUrls(POSTS_URL, 50, 3);
    expect(urls).toEqual([POSTS_URL, `${POSTS_URL}&page=2`, `${POSTS_URL}&page=3`]);
  });
});
