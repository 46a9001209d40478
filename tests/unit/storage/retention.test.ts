// Protects retention: old and surplus stories leave, saved and half-read ones never do, stories
// still in the feed stay (no churn), and the evicted stories' image URLs come back for purging.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/domain/article';
import { openBroadsheetDb, type Db } from '../../../src/storage/db';
import { setRead, setSaved, updateReadingState } from '../../../src/storage/reading-state-repo';
import { applyRetention, articleImageUrls, DEFAULT_RETENTION, retentionFor, validateRetention } from '../../../src/storage/retention';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-11-21T12:00:00Z');

function article(id: string, ageDays: number, over: Partial<Article> = {}): Article {
  return {
    id, sourceId: 'src', guid: id, url: `https://news.example/${id}`, title: id, dek: '', author: null, sections: [],
    publishedAt: NOW - ageDays * DAY, updatedAt: null, contentHtml: '<p>x</p>', baseUrl: 'https://news.example/feed',
    imageUrl: null, language: 'en', section: 'News', plainText: 'x', excerpt: 'x', wordCount: 1, cjkCount: 0, imageCount: 0,
    terms: { terms: [], weights: [] }, fetchedAt: NOW, ...over,
  };
}

async function seed(name: string, articles: Article[]): Promise<Db> {
  const db = await openBroadsheetDb({}, name);
  for (const a of articles) await db.put('articles', a);
  return db;
}

const ids = async (db: Db) => (await db.getAllKeys('articles')).sort();

describe('applyRetention', () => {
  it('evicts stories older than the age limit, and returns their image URLs (lead and body) once each', async () => {
    const db = await seed('ret-age', [
      article('new', 1),
      article('old', 61, { imageUrl: 'img/lead.jpg', contentHtml: '<p><img alt="" src="img/lead.jpg"><img src=\'https://cdn.example/b.png?w=1&amp;h=2\'></p>' }),
      article('other-source-old', 90, { sourceId: 'elsewhere' }),
    ]);
    const eviction = await applyRetention(db, 'src', DEFAULT_RETENTION, NOW);
    expect(eviction.ids).toEqual(['old']);
    expect(eviction.imageUrls.sort()).toEqual(['https://cdn.example/b.png?w=1&h=2', 'https://news.example/img/lead.jpg']);
    expect(await ids(db)).toEqual(['new', 'other-source-old']);
    db.close();
  });

  it('keeps at most maxArticles, newest first', async () => {
    const db = await seed('ret-count', [article('a', 1), article('b', 2), article('c', 3), article('d', 4)]);
    const eviction = await applyRetention(db, 'src', { maxAgeDays: 60, maxArticles: 2 }, NOW);
    expect(eviction.ids.sort()).toEqual(['c', 'd']);
    expect(await ids(db)).toEqual(['a', 'b']);
    db.close();
  });

  it('never evicts saved or in-progress stories; read or untouched ones go', async () => {
    const db = await seed('ret-protect', [article('saved', 100), article('reading', 100), article('finished', 100), article('read', 100), article('plain', 100)]);
    await setSaved(db, 'saved', true, NOW);
    await updateReadingState(db, 'reading', () => ({ progress: { paragraph: 3, offset: 10 } }), NOW);
    await updateReadingState(db, 'finished', () => ({ progress: { paragraph: 9, offset: 0 }, read: true, readAt: NOW }), NOW);
    await setRead(db, 'read', true, NOW);
    const eviction = await applyRetention(db, 'src', { maxAgeDays: 1, maxArticles: 1 }, NOW);
    expect(eviction.ids.sort()).toEqual(['finished', 'plain', 'read']);
    expect(await ids(db)).toEqual(['reading', 'saved']);
    // Reader state is never deleted by retention.
    expect(await db.count('readingState')).toBe(4);
    db.close();
  });

  it('keeps stories still in the feed, so they are not re-added as new next sync', async () => {
    const db = await seed('ret-keep', [article('in-feed-old', 200), article('gone-old', 200)]);
    const eviction = await applyRetention(db, 'src', DEFAULT_RETENTION, NOW, new Set(['in-feed-old']));
    expect(eviction.ids).toEqual(['gone-old']);
    db.close();
  });
});

describe('retention settings', () => {
  it('uses the source’s own limits over the defaults', () => {
    expect(retentionFor({})).toEqual({ maxAgeDays: 60, maxArticles: 500 });
    expect(retentionFor({ retention: { maxAgeDays: 7, maxArticles: 50 } })).toEqual({ maxAgeDays: 7, maxArticles: 50 });
  });

  it('refuses limits a reader cannot mean', () => {
    expect(() => validateRetention({ maxAgeDays: 0, maxArticles: 10 })).toThrow(/at least 1 day/);
    expect(() => validateRetention({ maxAgeDays: 5, maxArticles: 2.5 })).toThrow(/at least 1 story/);
  });

  it('ignores non-http image URLs', () => {
    expect(articleImageUrls(article('x', 0, { imageUrl: 'data:image/png;base64,AA', contentHtml: '<img src="javascript:alert(1)">' }))).toEqual([]);
  });
});
