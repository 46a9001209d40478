// Reading and folding the index log (index-log.ts): the engine's side, kept out of the page's
// first-paint scripts (the page only appends to the log, through the repositories).
import type { IndexEntry } from './articles-repo';
import type { Db } from './db';
import type { IndexLogRecord } from './index-log';

/** Records after the base before a load folds them into a new base (each sync adds one per source). */
export const MAX_REPLAYED = 64;

/** The stored stories' entries, as the log tells them; null when it cannot (no base, or marked stale). */
export interface LoggedEntries {
  /** Sorted by id, as a read of the articles store gives them. */
  entries: IndexEntry[];
  /** The last record's key: a new base goes there (see writeBase). */
  lastKey: number;
  /** Records replayed after the base. */
  replayed: number;
}

/** Folds the whole log in one read transaction; null when it must be rebuilt from the stories. */
export async function readIndexLog(db: Db): Promise<LoggedEntries | null> {
  const tx = db.transaction('indexLog');
  const [keys, records] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  await tx.done;
  return foldLog(keys, records);
}

/** Replays records (in key order) onto the first, which must be a base; null otherwise. */
export function foldLog(keys: readonly number[], records: readonly IndexLogRecord[]): LoggedEntries | null {
  const first = records[0];
  if (!first || first.kind !== 'base') return null;
  const byId = new Map<string, IndexEntry>();
  for (const e of first.entries) byId.set(e.id, e);
  for (const record of records.slice(1)) {
    if (record.kind === 'stale' || record.kind === 'base') return null;
    if (record.kind === 'put') for (const e of record.entries) byId.set(e.id, e);
    else for (const id of record.ids) byId.delete(id);
  }
  const entries = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, lastKey: keys[keys.length - 1]!, replayed: records.length - 1 };
}

/** What the log gained after a key: records a reader must apply, in key order. */
export interface LogTail {
  /** The last of the leading records the reader said it had already (null when none). */
  skippedTo: number | null;
  records: Array<{ key: number; record: IndexLogRecord }>;
}

/**
 * The log's records after `key`, in key order, in one read transaction (so no fold elsewhere can come
 * between the keys and the records): leading records `have` says the reader applied already (its own
 * batches) are only skipped over, not read.
 */
export async function readIndexLogAfter(db: Db, key: number, have: (key: number) => boolean = () => false): Promise<LogTail> {
  const tx = db.transaction('indexLog');
  const keys = await tx.store.getAllKeys(IDBKeyRange.lowerBound(key, true));
  let from = 0;
  while (from < keys.length && have(keys[from]!)) from++;
  const wanted = keys.slice(from);
  const records = await Promise.all(wanted.map((k) => tx.store.get(k)));
  await tx.done;
  return { skippedTo: from > 0 ? keys[from - 1]! : null, records: records.map((record, i) => ({ key: wanted[i]!, record: record! })) };
}

/** The log's last key now (null when empty): read BEFORE reading the stories that will make a base. */
export async function lastLogKey(db: Db): Promise<number | null> {
  const cursor = await db.transaction('indexLog').store.openKeyCursor(null, 'prev');
  return cursor ? cursor.key : null;
}

/**
 * Makes `entries` the base at key `upTo` (0 for a log that was empty), dropping every record up to
 * it. Records appended after `upTo` stay and are replayed on top: writes made while `entries` were
 * being read are then applied again, which changes nothing (a put is the story's latest entry, a
 * removal removes). Skipped when the log no longer holds `upTo` (the log was rebuilt meanwhile).
 */
export async function writeBase(db: Db, entries: IndexEntry[], upTo: number | null): Promise<boolean> {
  const tx = db.transaction('indexLog', 'readwrite', { durability: 'relaxed' });
  const key = upTo ?? 0;
  if (upTo !== null && (await tx.store.count(upTo)) === 0) {
    await tx.done;
    return false;
  }
  void tx.store.delete(IDBKeyRange.upperBound(key));
  void tx.store.put({ kind: 'base', entries }, key);
  await tx.done;
  return true;
}
