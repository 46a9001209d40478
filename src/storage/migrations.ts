// Stepwise schema migrations. Never delete-and-recreate: each step keeps every record.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { DEFAULT_SECTION } from '../domain/article';
import type { BroadsheetDB } from './schema';

type UpgradeTx = IDBPTransaction<BroadsheetDB, StoreNames<BroadsheetDB>[], 'versionchange'>;
// Earlier versions had a different shape, so each step works on the untyped view.
type AnyDb = IDBPDatabase<unknown>;
type AnyTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** Version 1: articles, reader state, sources, meta. */
export function upgradeToV1(db: AnyDb): void {
  const articles = db.createObjectStore('articles', { keyPath: 'id' });
  articles.createIndex('by-published', 'publishedAt');
  articles.createIndex('by-source-published', ['sourceId', 'publishedAt']);
  articles.createIndex('by-url', 'url');
  db.createObjectStore('readingState', { keyPath: 'articleId' });
  db.createObjectStore('sources', { keyPath: 'id' });
  db.createObjectStore('meta');
}

/**
 * Version 2: section pages need a section index (backfilled from `sections`),
 * saved/history lists need reader-state indexes, and offline actions an outbox.
 * Must run inside the versionchange transaction: the backfill is part of the upgrade.
 */
export async function upgradeToV2(db: AnyDb, tx: AnyTx): Promise<void> {
  const articles = tx.objectStore('articles');
  articles.createIndex('by-section-published', ['section', 'publishedAt']);
  let cursor = await articles.openCursor();
  while (cursor) {
    const value = cursor.value as { section?: string; sections?: string[] };
    if (!value.section) await cursor.update({ ...value, section: value.sections?.[0] ?? DEFAULT_SECTION });
    cursor = await cursor.continue();
  }
  const state = tx.objectStore('readingState');
  // Booleans are not valid IndexedDB keys, so these index the timestamps that are set only when true.
  state.createIndex('by-saved', 'savedAt');
  state.createIndex('by-read', 'readAt');
  const outbox = db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
  outbox.createIndex('by-next-attempt', 'nextAttemptAt');
}

/**
 * Version 3: the index log (index-log.ts), so a cold engine need not read every story's body. It
 * starts empty: the first load reads the stories as before and writes the log's base.
 */
export function upgradeToV3(db: AnyDb): void {
  db.createObjectStore('indexLog', { autoIncrement: true });
}

/**
 * Test-only version 4, compiled in ONLY when the build runs with VITE_SCHEMA_TEST_BUMP=1 (the
 * service-worker update e2e, tests/e2e/sw-update.spec.ts, builds "version B" that way). It adds
 * one harmless index, so that e2e exercises a real schema upgrade across a worker update. Normal
 * builds never set the variable: DB_VERSION stays 3 and this step is dead code they drop.
 * When a real version 4 arrives, renumber this step past it.
 */
const SCHEMA_TEST_BUMP = import.meta.env.VITE_SCHEMA_TEST_BUMP === '1';

function upgradeToTestV4(tx: AnyTx): void {
  tx.objectStore('articles').createIndex('by-fetched', 'fetchedAt');
}

/** The latest schema version. */
export const DB_VERSION = SCHEMA_TEST_BUMP ? 4 : 3;

/** Runs every step between the stored version and the latest, in order. */
export async function migrate(db: IDBPDatabase<BroadsheetDB>, oldVersion: number, tx: UpgradeTx): Promise<void> {
  const anyDb = db as unknown as AnyDb;
  const anyTx = tx as unknown as AnyTx;
  if (oldVersion < 1) upgradeToV1(anyDb);
  if (oldVersion < 2) await upgradeToV2(anyDb, anyTx);
  if (oldVersion < 3) upgradeToV3(anyDb);
  if (SCHEMA_TEST_BUMP && oldVersion < 4) upgradeToTestV4(anyTx);
}

declare global {
  interface ImportMetaEnv {
    /** "1" only in the e2e build of "version B"; see SCHEMA_TEST_BUMP. */
    readonly VITE_SCHEMA_TEST_BUMP?: string;
  }
}
