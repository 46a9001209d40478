// Protects readers' data across schema upgrades: a database written by EVERY earlier schema version
// (one writer per version in ./fixtures) opens at the latest version with every record of every
// store intact and the indexes behind section pages, saved, history and link lookups working; and a
// migration that fails part-way leaves the old database exactly as it was.
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBroadsheetDb } from '../../../src/storage/db';
import { DB_VERSION } from '../../../src/storage/migrations';
import { getArticleByUrl, latestArticles, orderedIds } from '../../../src/storage/articles-repo';
import { inProgressStates, readIds, recentlyReadStates, savedStates } from '../../../src/storage/reading-state-repo';
import { listSources } from '../../../src/storage/sources-repo';
import { pendingEntries } from '../../../src/storage/outbox-repo';
import { EXPECTED, WRITERS } from './fixtures';
import { writeV1 } from './fixtures/v1';

const NAME = 'broadsheet-migration-test';
const versions = Object.keys(WRITERS).map(Number).sort((a, b) => a - b);

/** Everything in a database, as a plain value: version, stores, their indexes and records. */
async function snapshot(name: string) {
  const db = await openDB(name);
  const stores: Record<string, { indexes: string[]; keys: IDBValidKey[]; values: unknown[] }> = {};
  for (const store of [...db.objectStoreNames].sort()) {
    const tx = db.transaction(store);
    stores[store] = { indexes: [...tx.store.indexNames].sort(), keys: await tx.store.getAllKeys(), values: await tx.store.getAll() };
  }
  const version = db.version;
  db.close();
  return { version, stores };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('schema migrations', () => {
  it('has a fixture writer for every schema version up to the latest', () => {
    // Bumping DB_VERSION without a writer for the new version fails here, on purpose.
    expect(versions).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  describe.each(versions)('a database written by version %i', (version) => {
    it('opens at the latest version with every record of every store intact', async () => {
      const written = await WRITERS[version](NAME);
      const db = await openBroadsheetDb({}, NAME);
      expect(db.version).toBe(DB_VERSION);
      for (const [store, records] of Object.entries(written)) {
        expect(await db.count(store as 'meta'), store).toBe(records.length);
        for (const [key, value] of records) {
          // Later versions may add fields; none written earlier may change or go missing.
          expect(await db.get(store as 'meta', key as string), `${store} ${String(key)}`).toMatchObject(value as object);
        }
      }
      db.close();
    });

    it('keeps section pages, saved, history, continue reading, sources and link lookups working', async () => {
      await WRITERS[version](NAME);
      const db = await openBroadsheetDb({}, NAME);
      expect((await latestArticles(db)).map((a) => a.id)).toEqual(EXPECTED.newestFirst);
      for (const [section, ids] of Object.entries(EXPECTED.sections)) {
        expect((await latestArticles(db, { section })).map((a) => a.id), section).toEqual(ids);
        expect(await orderedIds(db, section)).toEqual(ids);
      }
      for (const [sourceId, ids] of Object.entries(EXPECTED.bySource)) {
        const range = IDBKeyRange.bound([sourceId, -Infinity], [sourceId, Infinity]);
        expect(await db.getAllKeysFromIndex('articles', 'by-source-published', range), sourceId).toEqual(ids);
      }
      expect((await savedStates(db)).map((s) => s.articleId)).toEqual(EXPECTED.savedNewestFirst);
      expect((await recentlyReadStates(db)).map((s) => s.articleId)).toEqual(EXPECTED.readNewestFirst);
      expect([...(await readIds(db))].sort()).toEqual([...EXPECTED.readNewestFirst].sort());
      expect((await inProgressStates(db)).map((s) => s.articleId)).toEqual(EXPECTED.inProgress);
      expect((await getArticleByUrl(db, EXPECTED.urlOfC))?.id).toBe('c');
      expect((await listSources(db)).map((s) => s.id).sort()).toEqual(['sample', 'wp']);
      // The outbox exists (and keeps its entries) whatever version wrote the database.
      expect(await pendingEntries(db)).toHaveLength(version >= 2 ? 1 : 0);
      db.close();
    });
  });

  it('a failing migration step aborts the upgrade and leaves the old database as it was', async () => {
    await writeV1(NAME);
    const before = await snapshot(NAME);
    // Fail late in the v1 → v2 step: after the section backfill has rewritten records.
    const createIndex = IDBObjectStore.prototype.createIndex;
    vi.spyOn(IDBObjectStore.prototype, 'createIndex').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<typeof createIndex>) {
      if (args[0] === 'by-saved') throw new Error('injected failure');
      return createIndex.apply(this, args);
    });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    await expect(openBroadsheetDb({}, NAME)).rejects.toMatchObject({ name: 'AbortError' });
    expect(consoleError).toHaveBeenCalledWith('migration failed', expect.objectContaining({ message: 'injected failure' }));
    vi.restoreAllMocks();

    const after = await snapshot(NAME);
    expect(after).toEqual(before);
    expect(after.version).toBe(1);
    // Nothing of the failed step leaked in: no backfilled section, no outbox.
    expect(after.stores.articles.values.some((a) => 'section' in (a as object))).toBe(false);
    expect(after.stores.outbox).toBeUndefined();

    // With the fault gone, the same database upgrades fine.
    const db = await openBroadsheetDb({}, NAME);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('articles')).toBe(4);
    db.close();
  });

  it('opens a fresh database at the latest version', async () => {
    const db = await openBroadsheetDb({}, `${NAME}-fresh`);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'indexLog', 'meta', 'outbox', 'readingState', 'sources']);
    db.close();
  });
});
