// Protects bodies kept apart, several stories to a chunk: a story comes back whole; an edited story
// moves to a new chunk and its old one goes once no story points to it (and not before); retention
// and removing a source take the emptied chunks with them; and the index rebuild reads each story's
// current term vector, never an edited story's stale one left in an old chunk.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/domain/article';
import type { Source } from '../../../src/domain/source';
import { allIndexEntries, getArticle, getArticles, getPlainTexts, putArticleBatch } from '../../../src/storage/articles-repo';
import { BODY_CHUNK } from '../../../src/storage/bodies';
import { openBroadsheetDb, type Db } from '../../../src/storage/db';
import { setSaved } from '../../../src/storage/reading-state-repo';
import { applyRetention } from '../../../src/storage/retention';
import { removeSource } from '../../../src/storage/source-removal';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-30T12:00:00Z');
const source = (id: string): Source => ({ id, kind: 'rss', url: `https://${id}.example/feed`, title: id, etag: null, lastModified: null, addedAt: 1, lastSyncAt: null, lastError: null, status: 'ok' });

function story(i: number, over: Partial<Article> = {}, sourceId = 'a'): Article {
  return {
    id: `${sourceId}-${i}`, sourceId, guid: `g${i}`, url: `https://news.example/${sourceId}/${i}`, title: `Story ${i}`, dek: '', author: null,
    sections: ['World'], section: 'World', publishedAt: NOW - i * 60_000, updatedAt: null, contentHtml: `<p>Body ${i}</p><img src="/img/${i}.jpg">`,
    baseUrl: 'https://news.example/', imageUrl: null, language: 'en', plainText: `Body ${i}`, excerpt: `Body ${i}`, wordCount: 2, cjkCount: 0,
    imageCount: 1, terms: { terms: ['bodi', `n${i}`], weights: [1, 1] }, fetchedAt: NOW, ...over,
  };
}

const chunks = async (db: Db) => [await db.count('bodies'), await db.count('texts'), await db.count('vectors')];
let dbs = 0;
const fresh = () => openBroadsheetDb({}, `bodies-${++dbs}`);

describe('bodies kept apart', () => {
  it('stores a batch in chunks of BODY_CHUNK stories and gives each story back whole', async () => {
    const db = await fresh();
    const batch = Array.from({ length: BODY_CHUNK + 3 }, (_, i) => story(i));
    await putArticleBatch(db, batch, source('a'));
    expect(await chunks(db)).toEqual([2, 2, 2]);
    expect(await getArticle(db, 'a-7')).toEqual(batch[7]);
    expect(await getArticles(db, ['a-27', 'nope', 'a-0'])).toEqual([batch[27], undefined, batch[0]]);
    expect(await getPlainTexts(db, ['a-27', 'nope'])).toEqual(['Body 27', undefined]);
    // The per-story record holds no body: lists never read one.
    const stored = await db.get('articles', 'a-7');
    expect(stored).not.toHaveProperty('contentHtml');
    expect(stored).not.toHaveProperty('terms');
    db.close();
  });

  it('moves an edited story to a new chunk and drops its old chunk only once no story points to it', async () => {
    const db = await fresh();
    await putArticleBatch(db, [story(1), story(2)], source('a'));
    const edited = story(1, { contentHtml: '<p>Corrected</p>', plainText: 'Corrected', terms: { terms: ['correct'], weights: [1] } });
    await putArticleBatch(db, [edited, story(2)], source('a'));
    // The first chunk still holds story 2.
    expect(await chunks(db)).toEqual([2, 2, 2]);
    expect(await getArticle(db, 'a-1')).toMatchObject({ contentHtml: '<p>Corrected</p>', plainText: 'Corrected' });
    expect(await getPlainTexts(db, ['a-1'])).toEqual(['Corrected']);
    expect((await allIndexEntries(db)).map((e) => [e.id, e.terms.terms]).sort()).toEqual([['a-1', ['correct']], ['a-2', ['bodi', 'n2']]]);
    await putArticleBatch(db, [edited, story(2, { title: 'Renamed' })], source('a'));
    // Story 2 left too: the first chunk is gone, story 1's chunk stays.
    expect(await chunks(db)).toEqual([2, 2, 2]);
    expect(await getArticle(db, 'a-2')).toMatchObject({ title: 'Renamed', contentHtml: story(2).contentHtml });
    db.close();
  });

  it('a repeat (same content) writes nothing', async () => {
    const db = await fresh();
    await putArticleBatch(db, [story(1)], source('a'));
    const again = await putArticleBatch(db, [story(1)], source('a'));
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 1, written: [] });
    expect(await chunks(db)).toEqual([1, 1, 1]);
    db.close();
  });

  it('retention takes the chunks it empties, keeps the ones still used, and reads the evicted bodies for their images', async () => {
    const db = await fresh();
    await putArticleBatch(db, [story(1, { publishedAt: NOW - 90 * DAY }), story(2, { publishedAt: NOW - 91 * DAY })], source('a'));
    await putArticleBatch(db, [story(3, { publishedAt: NOW - 92 * DAY }), story(4)], source('a'));
    const eviction = await applyRetention(db, 'a', { maxAgeDays: 60, maxArticles: 500 }, NOW);
    expect(eviction.ids.sort()).toEqual(['a-1', 'a-2', 'a-3']);
    expect(eviction.imageUrls.sort()).toEqual(['https://news.example/img/1.jpg', 'https://news.example/img/2.jpg', 'https://news.example/img/3.jpg']);
    expect(await chunks(db)).toEqual([1, 1, 1]);
    expect(await getArticle(db, 'a-4')).toEqual(story(4));
    db.close();
  });

  it('removing a source takes its chunks, except where a saved story still is', async () => {
    const db = await fresh();
    await putArticleBatch(db, [story(1), story(2)], source('a'));
    await putArticleBatch(db, [story(3)], source('a'));
    await putArticleBatch(db, [story(1, {}, 'b')], source('b'));
    await setSaved(db, 'a-2', true, NOW);
    expect((await removeSource(db, 'a')).sort()).toEqual(['a-1', 'a-3']);
    expect(await chunks(db)).toEqual([2, 2, 2]);
    expect(await getArticle(db, 'a-2')).toEqual(story(2));
    db.close();
  });
});
