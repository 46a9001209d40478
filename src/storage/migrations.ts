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

/** The latest schema version. */
export const DB_VERSION = 2;

/** Runs every step between the stored version and the latest, in order. */
export async function migrate(db: IDBPDatabase<BroadsheetDB>, oldVersion: number, tx: UpgradeTx): Promise<void> {
  const anyDb = db as unknown as AnyDb;
  const anyTx = tx as unknown as AnyTx;
  if (oldVersion < 1) upgradeToV1(anyDb);
  if (oldVersion < 2) await upgradeToV2(anyDb, anyTx);
}
