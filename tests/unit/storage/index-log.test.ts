// Protects the index log: every way the articles store changes (a sync's batch, retention, removing a
// source, restoring a backup) is told to the log in the same transaction, so that what the log folds
// to is always what a read of every story gives; and a new base keeps the records written after it.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/domain/article';
import type { Source } from '../../../src/domain/source';
import { allIndexEntries, indexEntry, putArticleBatch } from '../../../src/storage/articles-repo';
import { exportBackup, importBackup, parseBackup } from '../../../src/storage/backup';
import { openBroadsheetDb, type Db } from '../../../src/storage/db';
import type { IndexLogRecord } from '../../../src/storage/index-log';
import { foldLog, lastLogKey, readIndexLog, writeBase } from '../../../src/storage/index-log-read';
import { setSaved } from '../../../src/storage/reading-state-repo';
import { applyRetention } from '../../../src/storage/retention';
import { removeSource } from '../../../src/storage/source-removal';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-02T12:00:00Z');

function article(id: string, sourceId: string, ageDays: number, over: Partial<Article> = {}): Article {
  return {
    id, sourceId, guid: id, url: `https://news.example/${id}`, title: `Story ${id}`, dek: '', author: null, sections: [],
    publishedAt: NOW - ageDays * DAY, updatedAt: null, contentHtml: `<p>Body of ${id}</p>`, baseUrl: 'https://news.example/feed',
    imageUrl: null, language: 'en', section: 'News', plainText: `Body of ${id}`, excerpt: `Body of ${id}`, wordCount: 3, cjkCount: 0, imageCount: 0,
    terms: { terms: [id, 'zulu'], weights: [2, 1] }, fetchedAt: NOW, ...over,
  };
}

const source = (id: string): Source => ({
  id, kind: 'rss', url: `https://news.example/${id}.xml`, title: id, etag: null, lastModified: null, addedAt: NOW, lastSyncAt: null, lastError: null, status: 'ok',
}) as Source;

/** The log's fold must equal a read of every stored story. */
async function expectInStep(db: Db): Promise<void> {
  const logged = await readIndexLog(db);
  expect(logged).not.toBeNull();
  expect(logged!.entries).toEqual(await allIndexEntries(db));
}

/** A database whose log has a base (as the engine's first load leaves it). */
async function withBase(name: string): Promise<Db> {
  const db = await openBroadsheetDb({}, name);
  expect(await readIndexLog(db)).toBeNull();
  expect(await writeBase(db, await allIndexEntries(db), await lastLogKey(db))).toBe(true);
  return db;
}

describe('foldLog', () => {
  const e = (id: string, title = id) => indexEntry(article(id, 's', 1, { title }));
  it('replays puts and removals on the base, in key order, sorted by id', () => {
    const records: IndexLogRecord[] = [
      { kind: 'base', entries: [e('b'), e('a')] },
      { kind: 'put', entries: [e('c'), e('a', 'edited')] },
      { kind: 'remove', ids: ['b'] },
    ];
    const folded = foldLog([4, 7, 9], records);
    expect(folded?.entries.map((x) => [x.id, x.title])).toEqual([['a', 'edited'], ['c', 'c']]);
    expect(folded?.lastKey).toBe(9);
    expect(folded?.replayed).toBe(2);
  });

  it('cannot tell the stories without a base, or after a stale mark', () => {
    expect(foldLog([], [])).toBeNull();
    expect(foldLog([1], [{ kind: 'put', entries: [e('a')] }])).toBeNull();
    expect(foldLog([0, 1], [{ kind: 'base', entries: [] }, { kind: 'stale' }])).toBeNull();
  });
});

describe('the index log', () => {
  it('follows a sync: new and edited stories are logged, unchanged ones are not', async () => {
    const db = await withBase('log-sync');
    await putArticleBatch(db, [article('a', 's', 1), article('b', 's', 2)], source('s'));
    await expectInStep(db);
    const before = (await readIndexLog(db))!.replayed;
    await putArticleBatch(db, [article('a', 's', 1), article('b', 's', 2, { title: 'B, corrected', updatedAt: NOW })], source('s'));
    const logged = (await readIndexLog(db))!;
    expect(logged.replayed).toBe(before + 1);
    expect(logged.entries.find((x) => x.id === 'b')?.title).toBe('B, corrected');
    await expectInStep(db);
    db.close();
  });

  it('follows retention and a removed source (saved stories stay in both)', async () => {
    const db = await withBase('log-remove');
    await putArticleBatch(db, [article('new', 's', 1), article('old', 's', 90)], source('s'));
    await putArticleBatch(db, [article('t1', 't', 1), article('t2', 't', 1)], source('t'));
    await setSaved(db, 't2', true);
    expect((await applyRetention(db, 's', { maxAgeDays: 60, maxArticles: 500 }, NOW)).ids).toEqual(['old']);
    await expectInStep(db);
    expect(await removeSource(db, 't')).toEqual(['t1']);
    await expectInStep(db);
    expect((await readIndexLog(db))!.entries.map((x) => x.id)).toEqual(['new', 't2']);
    db.close();
  });

  it('is marked stale by a restored backup, so the next load reads the stories', async () => {
    const db = await withBase('log-restore');
    await putArticleBatch(db, [article('a', 's', 1)], source('s'));
    const file = parseBackup(JSON.stringify(await exportBackup(db)));
    await importBackup(db, file, 'replace');
    expect(await readIndexLog(db)).toBeNull();
    db.close();
  });

  it('a new base keeps the records written after the point it was read at, and replaying them changes nothing', async () => {
    const db = await withBase('log-base');
    await putArticleBatch(db, [article('a', 's', 1), article('b', 's', 1)], source('s'));
    // A load reads its point and the stories; meanwhile another tab stores and evicts.
    const upTo = await lastLogKey(db);
    const read = await allIndexEntries(db);
    await putArticleBatch(db, [article('c', 's', 1)], source('s'));
    await applyRetention(db, 's', { maxAgeDays: 60, maxArticles: 2 }, NOW);
    expect(await writeBase(db, read, upTo)).toBe(true);
    const logged = (await readIndexLog(db))!;
    expect(logged.replayed).toBe(2);
    await expectInStep(db);
    db.close();
  });

  it('a base is not written over a log folded meanwhile', async () => {
    const db = await withBase('log-raced');
    const earlier = await lastLogKey(db);
    const readEarlier = await allIndexEntries(db);
    await putArticleBatch(db, [article('a', 's', 1)], source('s'));
    // Another load read later and folded the log first: the point this one read at is gone.
    expect(await writeBase(db, await allIndexEntries(db), await lastLogKey(db))).toBe(true);
    expect(await writeBase(db, readEarlier, earlier)).toBe(false);
    await expectInStep(db);
    db.close();
  });
});
