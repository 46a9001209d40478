// Protects a reader's library across the move of bodies into chunks (schema version 3), in real
// Chromium IndexedDB, where a chunk record over 64 KB is stored outside the database's log: a
// version-2 database with more stories than one chunk holds opens at the latest version with every
// story whole, its lists and term vectors intact; and a story written afterwards reads back whole.
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article';
import { allIndexEntries, getArticle, getPlainTexts, latestArticles, storeArticles } from '../../src/storage/articles-repo';
import { BODY_CHUNK } from '../../src/storage/bodies';
import { openBroadsheetDb } from '../../src/storage/db';
import { DB_VERSION, upgradeToV1, upgradeToV2 } from '../../src/storage/migrations';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await new Promise((resolve) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: resolve, onerror: resolve }));
});

// Bodies of ~8 KB, so a chunk of them is well over the 64 KB at which Chromium keeps a record apart.
const story = (i: number): Article => ({
  id: `s${String(i).padStart(3, '0')}`, sourceId: 'src', guid: `g${i}`, url: `https://news.example/${i}`, title: `Story ${i}`, dek: 'Standfirst.',
  author: null, sections: ['World'], section: 'World', publishedAt: 1_000_000 + i, updatedAt: null,
  contentHtml: `<p>${`Paragraph of story ${i}. `.repeat(350)}</p>`, baseUrl: 'https://news.example/', imageUrl: null, language: 'en',
  plainText: `Paragraph of story ${i}. `.repeat(350).trim(), excerpt: `Paragraph of story ${i}.`, wordCount: 1400, cjkCount: 0, imageCount: 0,
  terms: { terms: ['paragraph', `story${i}`], weights: [350, 1] }, fetchedAt: 5,
});

describe('bodies in chunks, in Chromium', () => {
  it('moves a version-2 library into chunks with every story whole', async () => {
    const name = `broadsheet-bodies-${crypto.randomUUID()}`;
    names.push(name);
    const stories = Array.from({ length: BODY_CHUNK * 2 + 7 }, (_, i) => story(i));
    const v2 = await openDB(name, 2, {
      upgrade: async (d, _o, _n, tx) => {
        upgradeToV1(d);
        await upgradeToV2(d, tx);
      },
    });
    const tx = v2.transaction('articles', 'readwrite');
    for (const s of stories) void tx.store.put(s);
    await tx.done;
    v2.close();

    const db = await openBroadsheetDb({}, name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('bodies')).toBe(3);
    for (const i of [0, BODY_CHUNK, stories.length - 1]) expect(await getArticle(db, stories[i]!.id)).toEqual(stories[i]);
    expect((await latestArticles(db, { limit: 3 })).map((a) => a.id)).toEqual([stories.at(-1)!.id, stories.at(-2)!.id, stories.at(-3)!.id]);
    expect((await allIndexEntries(db)).length).toBe(stories.length);
    expect(await getPlainTexts(db, [stories[5]!.id])).toEqual([stories[5]!.plainText]);

    const later = { ...story(999), id: 'later' };
    await storeArticles(db, [later]);
    expect(await getArticle(db, 'later')).toEqual(later);
    db.close();
  });
});
