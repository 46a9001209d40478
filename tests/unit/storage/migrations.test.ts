// Protects readers' data across schema upgrades: a database written by version 1 opens at the
// latest version with every article, reader state, source and setting still there.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openBroadsheetDb } from '../../../src/storage/db';
import { DB_VERSION, upgradeToV1 } from '../../../src/storage/migrations';
import { latestArticles } from '../../../src/storage/articles-repo';
import { savedStates } from '../../../src/storage/reading-state-repo';

const NAME = 'broadsheet-migration-test';

// A v1 article record: it had `sections` but no `section` field.
const v1Article = (id: string, sections: string[], publishedAt: number) => ({
  id, sourceId: 'src', guid: id, url: `https://news.example/${id}`, title: `Story ${id}`, dek: '', author: null,
  sections, publishedAt, updatedAt: null, contentHtml: '<p>Body</p>', baseUrl: 'https://news.example/feed',
  imageUrl: null, language: 'en', plainText: 'Body', excerpt: 'Body', wordCount: 1, cjkCount: 0, imageCount: 0,
  terms: { terms: ['bodi'], weights: [1] }, fetchedAt: 1,
});

async function writeV1(): Promise<void> {
  const db = await openDB(NAME, 1, { upgrade: (d) => upgradeToV1(d) });
  await db.put('articles', v1Article('a', ['World', 'Politics'], 3));
  await db.put('articles', v1Article('b', [], 2));
  await db.put('readingState', {
    articleId: 'a', read: true, readAt: 10, saved: true, savedAt: 11, progress: { paragraph: 4, offset: 12 }, timeSpentMs: 5000, updatedAt: 11,
  });
  await db.put('sources', { id: 'src', kind: 'json-feed', url: 'https://news.example/feed', title: 'Example', etag: '"v1"', lastModified: null, addedAt: 1, lastSyncAt: 2, lastError: null, status: 'ok' });
  await db.put('meta', 1234, 'lastSyncAt');
  db.close();
}

describe('schema migrations', () => {
  it('is at version 2 or later', () => {
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('upgrades a version-1 database without losing anything', async () => {
    await writeV1();
    const db = await openBroadsheetDb({}, NAME);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('articles')).toBe(2);
    expect((await db.get('articles', 'a'))?.title).toBe('Story a');
    expect(await db.get('readingState', 'a')).toMatchObject({ read: true, saved: true, progress: { paragraph: 4, offset: 12 }, timeSpentMs: 5000 });
    expect(await db.get('sources', 'src')).toMatchObject({ etag: '"v1"', title: 'Example' });
    expect(await db.get('meta', 'lastSyncAt')).toBe(1234);
    db.close();
  });

  it('backfills the section index so section pages list old articles', async () => {
    await writeV1();
    const db = await openBroadsheetDb({}, NAME);
    expect((await latestArticles(db, { section: 'World' })).map((a) => a.id)).toEqual(['a']);
    expect((await latestArticles(db, { section: 'News' })).map((a) => a.id)).toEqual(['b']);
    expect((await savedStates(db)).map((s) => s.articleId)).toEqual(['a']);
    expect(db.objectStoreNames.contains('outbox')).toBe(true);
    db.close();
  });

  it('opens a fresh database at the latest version', async () => {
    const db = await openBroadsheetDb({}, `${NAME}-fresh`);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'meta', 'outbox', 'readingState', 'sources']);
    db.close();
  });
});
