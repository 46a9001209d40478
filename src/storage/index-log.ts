// The index log: what the in-memory indexes need of every stored story (its IndexEntry: term vector
// and card facts, no bodies), so that a cold engine reads ~20 MB instead of every story's ~15 KB
// (measured in Chromium with 10,000 stories: ~0.6 s against ~9–12 s; docs/benchmarks.md).
// Every write to the articles store appends to the log IN THE SAME TRANSACTION, so the two cannot
// disagree. A 'base' record folds the log's past; records after it are replayed in key order.
// This module holds what every writer of stories needs (the page's too); reading and folding the log
// is the engine's alone (index-log-read.ts), so none of it rides in the page's first-paint scripts.
import type { IndexEntry } from './articles-repo';
import type { BroadsheetDB } from './schema';
import type { IDBPObjectStore, StoreNames } from 'idb';

/** One log record: the state so far, stories written, stories gone, or "rebuild from the stories". */
export type IndexLogRecord =
  | { kind: 'base'; entries: IndexEntry[] }
  | { kind: 'put'; entries: IndexEntry[] }
  | { kind: 'remove'; ids: string[] }
  /** Written where the articles changed wholesale (a backup restored): the next load reads the stories. */
  | { kind: 'stale' };

/** The log's store inside a readwrite transaction of any scope that includes it. */
type LogStore = IDBPObjectStore<BroadsheetDB, ArrayLike<StoreNames<BroadsheetDB>>, 'indexLog', 'readwrite'>;

/** Appends written stories' entries (nothing when none were written); resolves to the record's key, or null. */
export async function logPut(store: LogStore, entries: IndexEntry[]): Promise<number | null> {
  return entries.length ? store.add({ kind: 'put', entries }) : null;
}

/** Appends removed stories' ids (nothing when none were removed). */
export function logRemove(store: LogStore, ids: string[]): Promise<unknown> {
  return ids.length ? store.add({ kind: 'remove', ids }) : Promise.resolve();
}

/** Appends the mark that the log no longer describes the stories (the next load reads them all). */
export function logStale(store: LogStore): Promise<unknown> {
  return store.add({ kind: 'stale' });
}
