// Protects the JSON Feed normalizer: what a reader sees of a feed item (URLs, dates, authors, sections, body).
import { describe, expect, it } from 'vitest';
import { parseJsonFeedText } from '../../../src/sources/json-feed';
import { miniFeed } from '../../fixtures/mini-feed';

const FEED_URL = 'https://news.example/feeds/main.json';

describe('parseJsonFeedText', () => {
  const feed = parseJsonFeedText(JSON.stringify(miniFeed()), FEED_URL, 'src-1');
  const [ferry, port, lanterns] = feed.items;

  it('reads the feed title and every item', () => {
    expect(feed.title).toBe('Mini Gazette');
    expect(feed.items).toHaveLength(3);
  });
  it('normalizes an item with all fields', () => {
    expect(ferry).toMatchObject({
      sourceId: 'src-1',
      guid: 'mini-1',
      title: 'Night ferry returns to Kestrel Bay',
      dek: 'The crossing resumes after a winter of repairs.',
      author: 'Ada Lind, Joe Park',
      sections: ['World', 'Transport'],
      publishedAt: Date.parse('2026-11-20T07:00:00Z'),
      updatedAt: Date.parse('2026-11-20T09:30:00Z'),
      baseUrl: FEED_URL,
      language: 'en',
    });
  });
  it('strips tracking parameters and fragments from the canonical URL', () => {
    expect(ferry!.url).toBe('https://news.example/world/ferry');
  });
  it('resolves a relative image against the feed URL', () => {
    expect(ferry!.imageUrl).toBe('https://news.example/feeds/img/ferry.svg');
  });
  it('turns content_text into escaped paragraphs', () => {
    expect(port!.contentHtml).toBe('<p>Harbour dues go up by four percent.</p><p>Operators say they will absorb the cost.</p>');
    expect(port!.author).toBeNull();
  });
  it('keeps an item language over the feed language', () => {
    expect(lanterns!.language).toBe('zh-CN');
  });
  it('gives null for missing or unparseable dates', () => {
    const f = parseJsonFeedText(JSON.stringify(miniFeed([], { 'mini-2': { date_published: 'yesterday-ish' } })), FEED_URL, 's');
    expect(f.items[1]!.publishedAt).toBeNull();
  });
  it('refuses text that is not JSON, with a message a reader understands', () => {
    expect(() => parseJsonFeedText('<rss></rss>', FEED_URL, 's')).toThrow(/not valid JSON/);
  });
  it('refuses JSON that is not a feed', () => {
    expect(() => parseJsonFeedText('{"hello": "world"}', FEED_URL, 's')).toThrow(/not a JSON Feed/);
  });
  it('drops javascript: URLs', () => {
    const f = parseJsonFeedText(JSON.stringify(miniFeed([], { 'mini-1': { image: 'javascript:alert(1)' } })), FEED_URL, 's');
    expect(f.items[0]!.imageUrl).toBeNull();
  });
});
