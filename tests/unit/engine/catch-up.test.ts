// Protects following other contexts' syncs from the index log: stories another tab (or the service
// worker) stored or removed reach this engine's answers without a rebuild, in log order; where the
// log cannot tell (folded past this index, marked stale by a restore) the index says so and is rebuilt.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveArticle } from '../../../src/domain/derive';
import { createEngine } from '../../../src/engine/engine';
import { LibraryIndex } from '../../../src/engine/library-index';
import { putArticleBatch } from '../../../src/storage/articles-repo';
import { openBroadsheetDb, type Db } from '../../../src/storage/db';
import { logStale } from '../../../src/storage/index-log';
import { lastLogKey, readIndexLog, writeBase } from '../../../src/storage/index-log-read';
import { removeSource } from '../../../src/storage/source-removal';
import { ensureSource } from '../../../src/storage/sources-repo';
import { sampleSource } from '../../../src/sync/sample-source';
import { SYNC_CHANNEL } from '../../../src/sync/sync-channel';
import { APP, effects, NOW } from '../../fixtures/engine-effects';
import { miniFeed } from '../../fixtures/mini-feed';

// Each test's engines stop listening for other contexts' syncs when the test ends.
vi.mock('../../../src/sync/sync-channel', async (real) =>
  (await import('../../fixtures/sync-listeners')).listenersClosedAfterEach(await real<typeof import('../../../src/sync/sync-channel')>()),
);

const source = sampleSource(APP);
const other = { ...sampleSource(APP), id: 'other-source', url: 'https://other.example/feed', title: 'Other' };

const story = (sourceId: string, guid: string, title: string, text: string) =>
  deriveArticle(
    { sourceId, guid, url: `https://other.example/${guid}`, title, dek: '', author: null, sections: [], publishedAt: NOW, updatedAt: null, contentHtml: `<p>${text}</p>`, baseUrl: 'https://other.example/', imageUrl: null, language: 'en' },
    NOW,
  );

const lighthouse = story(other.id, 'lighthouse', 'Lighthouse keeper retires', 'After forty years the lighthouse keeper retires.');
const orchard = story(source.id, 'orchard', 'Orchard harvest comes early', 'The apple orchard harvest came early this year.');

let dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs) db.close();
  dbs = [];
  vi.restoreAllMocks();
});

async function fresh(name: string): Promise<Db> {
  const db = await openBroadsheetDb({}, `catch-up-${name}`);
  dbs.push(db);
  await ensureSource(db, source);
  await ensureSource(db, other);
  return db;
}

async function loaded(db: Db): Promise<LibraryIndex> {
  const index = await LibraryIndex.load(db);
  await index.searchable;
  return index;
}

const ids = (index: LibraryIndex, query: string) => index.find(query, 5).map((h) => h.id);

describe('LibraryIndex.catchUp', () => {
  it('applies stories stored and removed elsewhere, in log order', async () => {
    const db = await fresh('apply');
    await putArticleBatch(db, [orchard], source);
    const index = await loaded(db);
    expect(ids(index, 'lighthouse')).toEqual([]);
    await putArticleBatch(db, [lighthouse], other);
    expect(await index.catchUp(db)).toBe(true);
    expect(ids(index, 'lighthouse')).toEqual([lighthouse.id]);
    expect(index.relatedTo(lighthouse.id, 3)).toEqual({ hits: expect.any(Array), duplicates: [] });
    // Stored, then removed with its source: both records are read, the removal last.
    await putArticleBatch(db, [{ ...lighthouse, title: 'Lighthouse keeper retires to the coast' }], other);
    await removeSource(db, other.id);
    expect(await index.catchUp(db)).toBe(true);
    expect(ids(index, 'lighthouse')).toEqual([]);
    expect(ids(index, 'orchard')).toEqual([orchard.id]);
    // Nothing new: nothing to do, and still able to follow.
    expect(await index.catchUp(db)).toBe(true);
    expect(index.size).toBe(1);
  });

  it('steps over its own batches at the front of the log, and applies them again after another context’s record', async () => {
    const db = await fresh('own');
    await putArticleBatch(db, [orchard], source);
    const index = await loaded(db);
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    // This engine's own sync: applied as stored, then only stepped over.
    const own = await putArticleBatch(db, [lighthouse], other);
    expect(own.logKey).toEqual(expect.any(Number));
    index.apply(own.written, [], own.logKey);
    get.mockClear();
    expect(await index.catchUp(db)).toBe(true);
    expect(get).not.toHaveBeenCalled();
    expect(ids(index, 'lighthouse')).toEqual([lighthouse.id]);
    // Another tab removes the source, then this engine stores the story again: the log says it is
    // stored, so the removal must not be applied over the newer write.
    await removeSource(db, other.id);
    await ensureSource(db, other);
    const again = await putArticleBatch(db, [lighthouse], other);
    index.apply(again.written, [], again.logKey);
    get.mockClear();
    expect(await index.catchUp(db)).toBe(true);
    expect(get).toHaveBeenCalledTimes(2);
    expect(ids(index, 'lighthouse')).toEqual([lighthouse.id]);
  });

  it('says it cannot follow a log folded past it or marked stale', async () => {
    const db = await fresh('cannot');
    await putArticleBatch(db, [orchard], source);
    const folded = await loaded(db);
    const stale = await loaded(db);
    await putArticleBatch(db, [lighthouse], other);
    // Another engine folds the log into a new base after the new batch: the batch's record is gone.
    const log = (await readIndexLog(db))!;
    expect(await writeBase(db, log.entries, await lastLogKey(db))).toBe(true);
    expect(await folded.catchUp(db)).toBe(false);
    const tx = db.transaction('indexLog', 'readwrite');
    await logStale(tx.store);
    await tx.done;
    expect(await stale.catchUp(db)).toBe(false);
    expect(await LibraryIndex.fromEntries([]).catchUp(db)).toBe(false);
  });
});

describe('the engine, when another context announces a sync', () => {
  it('follows the index log instead of rebuilding', async () => {
    const db = await fresh('engine');
    const engine = createEngine(Promise.resolve(db), effects(() => miniFeed()));
    await engine.sync({ corsProxy: null, appBase: APP });
    // Both sources synced the same edition (one fetch for all): two ferry stories.
    const ferries = await engine.search('ferry', 5);
    expect(ferries).toHaveLength(2);
    const load = vi.spyOn(LibraryIndex, 'load');
    await putArticleBatch(db, [lighthouse], other);
    const channel = new BroadcastChannel(SYNC_CHANNEL);
    channel.postMessage({ type: 'sync-finished', from: 'another-tab', added: 1, updated: 0, evicted: [], finishedAt: NOW });
    channel.close();
    await vi.waitFor(async () => expect((await engine.search('lighthouse', 5)).map((h) => h.id)).toEqual([lighthouse.id]));
    expect((await engine.search('ferry', 5)).map((h) => h.id)).toEqual(ferries.map((h) => h.id));
    expect(load).not.toHaveBeenCalled();
  });

  it('rebuilds its indexes from the stories when the log cannot tell (marked stale elsewhere)', async () => {
    const db = await fresh('engine-stale');
    const engine = createEngine(Promise.resolve(db), effects(() => miniFeed()));
    await engine.sync({ corsProxy: null, appBase: APP });
    const load = vi.spyOn(LibraryIndex, 'load');
    // Another context stores a story, then marks the log stale (as a restore does).
    await putArticleBatch(db, [lighthouse], other);
    const tx = db.transaction('indexLog', 'readwrite');
    await logStale(tx.store);
    await tx.done;
    const channel = new BroadcastChannel(SYNC_CHANNEL);
    channel.postMessage({ type: 'sync-finished', from: 'another-tab', added: 1, updated: 0, evicted: [], finishedAt: NOW });
    channel.close();
    await vi.waitFor(async () => expect((await engine.search('lighthouse', 5)).map((h) => h.id)).toEqual([lighthouse.id]));
    expect(load).toHaveBeenCalledTimes(1);
  });
});
