// Protects the article store's fast paths: a batch tells new, edited and repeated stories apart from
// one key read (and reports what it wrote, for the indexes); section counts come from jumping
// between sections, unread counts from the reader's read ids; the index rebuild reads every story
// exactly once, page by page.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/domain/article';
import type { Source } from '../../../src/domain/source';
import { allIndexEntries, listSections, neighbourIds, orderedIds, putArticleBatch } from '../../../src/storage/articles-repo';
import { openBroadsheetDb } from '../../../src/storage/db';

const source = (id: string): Source => ({ id, kind: 'rss', url: `https://${id}.example/feed`, title: id, etag: null, lastModified: null, addedAt: 1, lastSyncAt: null, lastError: null, status: 'ok' });

function story(i: number, sourceId = 'a', section = 'World', over: Partial<Article> = {}): Article {
  return {
    id: `${sourceId}-${i}`, sourceId, guid: `g${i}`, url: `https://news.example/${sourceId}/${i}`, title: `Story ${i}`, dek: '', author: null,
    sections: [section], section, publishedAt: 1_000 + i, updatedAt: null, contentHtml: `<p>Body ${i}</p>`, baseUrl: 'https://news.example/',
    imageUrl: null, language: 'en', plainText: `Body ${i}`, excerpt: `Body ${i}`, wordCount: 2, cjkCount: 0, imageCount: 0,
    terms: { terms: ['bodi'], weights: [1] }, fetchedAt: 5, ...over,
  };
}

describe('putArticleBatch', () => {
  it('adds new stories, updates edited ones (keeping first fetchedAt), skips repeats, and says what it wrote', async () => {
    const db = await openBroadsheetDb({}, 'repo-batch');
    const first = await putArticleBatch(db, [story(1), story(2), story(1)], source('a'));
    expect(first).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(first.written.map((a) => a.id)).toEqual(['a-1', 'a-2']);
    const second = await putArticleBatch(db, [story(1), story(2, 'a', 'World', { title: 'Edited', fetchedAt: 99 }), story(3)], source('a'));
    expect(second).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(second.written.map((a) => [a.id, a.title, a.fetchedAt])).toEqual([['a-2', 'Edited', 5], ['a-3', 'Story 3', 5]]);
    expect(await db.count('articles')).toBe(3);
    db.close();
  });
});

describe('listSections', () => {
  it('counts every section’s stories and the unread ones', async () => {
    const db = await openBroadsheetDb({}, 'repo-sections');
    await putArticleBatch(db, [story(1, 'a', 'World'), story(2, 'a', 'World'), story(3, 'a', 'Sport'), story(4, 'a', 'Arts'), story(5, 'a', 'World')], source('a'));
    expect(await listSections(db, new Set(['a-1', 'a-4']))).toEqual([
      { name: 'World', count: 3, unread: 2 },
      { name: 'Arts', count: 1, unread: 0 },
      { name: 'Sport', count: 1, unread: 1 },
    ]);
    db.close();
  });
});

describe('neighbourIds', () => {
  it('gives the newer and older story of every story, in all stories and in its section, ties on date included', async () => {
    const db = await openBroadsheetDb({}, 'repo-neighbours');
    // Dates repeat (three stories share each), so the id decides their order, as in the list itself.
    const stories = Array.from({ length: 12 }, (_, i) => story(i, 'a', i % 2 ? 'World' : 'Sport', { publishedAt: 1_000 + Math.floor(i / 3) }));
    await putArticleBatch(db, stories, source('a'));
    for (const section of [undefined, 'World']) {
      const list = await orderedIds(db, section);
      for (const s of stories.filter((x) => section === undefined || x.section === section)) {
        const pos = list.indexOf(s.id);
        expect(await neighbourIds(db, s, section), `${s.id} in ${section ?? 'all'}`).toEqual({ newer: list[pos - 1] ?? null, older: list[pos + 1] ?? null });
      }
    }
    // A story opened with a section it is not in has no neighbours there.
    expect(await neighbourIds(db, stories[0]!, 'World')).toEqual({ newer: null, older: null });
    db.close();
  });
});

describe('allIndexEntries', () => {
  it('reads every stored story once, across pages', async () => {
    const db = await openBroadsheetDb({}, 'repo-index');
    for (const s of ['a', 'b', 'c']) await putArticleBatch(db, Array.from({ length: 401 }, (_, i) => story(i, s)), source(s));
    const entries = await allIndexEntries(db);
    expect(entries).toHaveLength(1203);
    expect(new Set(entries.map((e) => e.id)).size).toBe(1203);
    expect(Object.keys(entries[0]!).sort()).toEqual(['cjkCount', 'excerpt', 'id', 'imageCount', 'language', 'publishedAt', 'section', 'sourceId', 'terms', 'title', 'wordCount']);
    db.close();
  });
});
