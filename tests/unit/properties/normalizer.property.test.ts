// Property tests (fast-check) for the JSON Feed normalizer and derivation: arbitrary items never crash
// anything but a clear Error, URLs that survive are http(s), ids are stable, derived counts are sane.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveArticle } from '../../../src/domain/derive';
import { parseJsonFeedText } from '../../../src/sources/json-feed';

const anyValue = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }));
const item = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 30 }), fc.integer()),
    url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 40 }), fc.constant('javascript:alert(1)')),
    title: fc.oneof(fc.string({ maxLength: 80 }), anyValue),
    content_html: fc.oneof(fc.string({ maxLength: 300 }), fc.constant('<p>ok</p><img src="a.png"><script>x()</script>')),
    summary: fc.string({ maxLength: 80 }),
    date_published: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string({ maxLength: 20 })),
    image: fc.oneof(fc.webUrl(), fc.string({ maxLength: 20 })),
    tags: fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
    language: fc.constantFrom('en', 'zh', 'ar', 'bogus tag'),
  },
  { requiredKeys: ['id'] },
);
const feed = fc.record({ title: fc.string({ maxLength: 40 }), items: fc.array(item, { maxLength: 6 }) }).map((f) => ({ version: 'https://jsonfeed.org/version/1.1', ...f }));

describe('normalizer properties', () => {
  it('parses or refuses with an Error, and whatever it keeps is safe and derivable', () => {
    fc.assert(
      fc.property(feed, (f) => {
        let parsed;
        try {
          parsed = parseJsonFeedText(JSON.stringify(f), 'https://news.example/feed.json', 'src');
        } catch (err) {
          expect(err).toBeInstanceOf(Error);
          return;
        }
        for (const input of parsed.items) {
          expect(/^https?:/.test(input.url)).toBe(true);
          if (input.imageUrl) expect(/^https?:/.test(input.imageUrl)).toBe(true);
          let article;
          try {
            article = deriveArticle(input, 1_000);
          } catch (err) {
            expect((err as Error).message).toMatch(/neither title nor content/);
            continue;
          }
          expect(article.id).toBe(deriveArticle(input, 2_000).id);
          expect(article.wordCount).toBeGreaterThanOrEqual(0);
          expect(article.plainText).not.toMatch(/<script|x\(\)/);
          expect(article.terms.terms.length).toBe(article.terms.weights.length);
          expect([...article.terms.terms].sort()).toEqual(article.terms.terms);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('refuses any non-feed text with an Error, never a crash of another kind', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => {
      try {
        parseJsonFeedText(text, 'https://news.example/feed.json', 'src');
      } catch (err) {
        expect(err).toBeInstanceOf(Error);
        expect(err).not.toBeInstanceOf(TypeError);
      }
    }));
  });
});
