// Full backup and restore: everything the reader has (stories, reader state, sources, settings) as
// one JSON file. A restore validates the whole file first and then writes it in ONE transaction, so
// a bad file, or a failure halfway, changes nothing.
import type { Article } from '../domain/article';
import type { Source } from '../domain/source';
import {
  article, BackupError, count, damaged, LIMITS, metaEntry, readingState, record, source, text, type Check,
} from './backup-validate';
import type { Db } from './db';
import { logStale } from './index-log';
import { DB_VERSION } from './migrations';
import type { ReadingState } from './schema';

/** The marker that says "this JSON is a Broadsheet backup". */
export const BACKUP_FORMAT = 'broadsheet-backup';
/** The backup file format this code writes and the newest it reads. */
export const BACKUP_VERSION = 1;

/** How many records of each kind a backup holds (or an import wrote). */
export interface BackupCounts {
  articles: number;
  readingState: number;
  sources: number;
  meta: number;
}

/** One meta entry: a setting or bookkeeping value under its key. */
export interface MetaEntry {
  key: string;
  value: unknown;
}

/** A whole backup, as written to and read from the file. The outbox (this device's pending actions) is not in it. */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  schemaVersion: number;
  /** ISO 8601, for people opening the file. */
  exportedAt: string;
  counts: BackupCounts;
  articles: Article[];
  readingState: ReadingState[];
  sources: Source[];
  meta: MetaEntry[];
}

/** How a restore meets what is already stored. */
export type ImportMode = 'merge' | 'replace';

/** What a restore wrote; `keptLocal` counts reader states kept because this device's were newer. */
export interface ImportResult extends BackupCounts {
  keptLocal: number;
}

const STORES = ['articles', 'readingState', 'sources', 'meta'] as const;

/** Reads every store but the outbox in one read transaction, so the snapshot is consistent. */
export async function exportBackup(db: Db, now = Date.now()): Promise<BackupFile> {
  const tx = db.transaction([...STORES], 'readonly');
  const [articles, states, sources, metaKeys, metaValues] = await Promise.all([
    tx.objectStore('articles').getAll(),
    tx.objectStore('readingState').getAll(),
    tx.objectStore('sources').getAll(),
    tx.objectStore('meta').getAllKeys(),
    tx.objectStore('meta').getAll(),
  ]);
  await tx.done;
  // Keys and values of one store come back in the same (key) order.
  const meta = metaKeys.map((key, i) => ({ key, value: metaValues[i] }));
  // JSON would silently drop or mangle a Map, a Date or undefined: refuse rather than write a lossy backup.
  for (const entry of meta) assertJsonSafe(entry.value, `setting “${entry.key}”`);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: DB_VERSION,
    exportedAt: new Date(now).toISOString(),
    counts: { articles: articles.length, readingState: states.length, sources: sources.length, meta: meta.length },
    articles,
    readingState: states,
    sources,
    meta,
  };
}

function assertJsonSafe(value: unknown, what: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number' && Number.isFinite(value)) return;
  if (Array.isArray(value)) return value.forEach((v) => assertJsonSafe(v, what));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value).forEach((v) => assertJsonSafe(v, what));
  }
  throw new Error(`Broadsheet cannot back up ${what}: it is not plain data.`);
}

// Keys that could reach an object's prototype when a parsed value is later merged or spread.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse reviver: runs on every key and value, so hostile keys and huge strings are refused wherever they are. */
function reviver(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) {
    throw new BackupError(`This backup was refused: it contains a “${key}” field, which only a tampered file has.`);
  }
  if (key.length > LIMITS.labelChars) damaged('it has a field name longer than 10,000 characters.');
  if (typeof value === 'string' && value.length > LIMITS.stringChars) {
    damaged(`its “${key.slice(0, 40)}” field holds more than 5 MB of text.`);
  }
  return value;
}

function records<T>(value: unknown, label: string, noun: string, check: Check<T>, max: number): T[] {
  if (!Array.isArray(value)) damaged(`its ${label} are not a list.`);
  if (value.length > max) damaged(`it holds more than ${max.toLocaleString('en')} ${label}.`);
  return value.map((item, i) => check(item, `${noun} ${i + 1}`));
}

const whole = (label: string, newest: number): Check<number> => (v, what) => {
  const n = count(1e6, 1)(v, what);
  if (n > newest) {
    throw new BackupError(`This backup was made by a newer version of Broadsheet (${label} ${n}). Update Broadsheet, then restore it.`);
  }
  return n;
};

const envelope = record<BackupFile>({
  format: { label: 'format marker', check: (v) => v as typeof BACKUP_FORMAT },
  version: { label: 'format version', check: whole('backup format', BACKUP_VERSION) as Check<typeof BACKUP_VERSION> },
  schemaVersion: { label: 'database version', check: whole('database version', DB_VERSION) },
  exportedAt: {
    label: 'export date',
    check: (v, what) => (Number.isFinite(Date.parse(text(100)(v, what))) ? (v as string) : damaged(`${what} is not a valid date.`)),
  },
  counts: {
    label: 'counts',
    check: record<BackupCounts>({
      articles: { label: 'articles', check: count() },
      readingState: { label: 'reader states', check: count() },
      sources: { label: 'sources', check: count() },
      meta: { label: 'settings', check: count() },
    }),
  },
  articles: { label: 'articles', check: (v) => records(v, 'articles', 'article', article, LIMITS.records) },
  readingState: { label: 'reader states', check: (v) => records(v, 'reader states', 'reader state', readingState, LIMITS.records) },
  sources: { label: 'sources', check: (v) => records(v, 'sources', 'source', source, LIMITS.sources) },
  meta: { label: 'settings', check: (v) => records(v, 'settings', 'setting', metaEntry, LIMITS.metaEntries) },
});

/** Parses and validates a backup file's text completely; throws a BackupError saying what is wrong and where. */
export function parseBackup(json: string): BackupFile {
  if (json.length > LIMITS.fileBytes) throw new BackupError('This file is too large to be a Broadsheet backup (over 200 MB).');
  let root: unknown;
  try {
    root = JSON.parse(json, reviver);
  } catch (err) {
    if (err instanceof BackupError) throw err;
    // A RangeError here means nesting too deep for the parser: damaged all the same.
    damaged(`it is not valid JSON, so it may have been cut short or edited (${err instanceof Error ? err.message : String(err)}).`);
  }
  // Say "not a backup" before anything more specific, so a wrong file gets the plain answer.
  if (root === null || typeof root !== 'object' || (root as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('This file is not a Broadsheet backup.');
  }
  const file = envelope(root, 'the backup');
  const actual: BackupCounts = {
    articles: file.articles.length, readingState: file.readingState.length, sources: file.sources.length, meta: file.meta.length,
  };
  for (const key of Object.keys(actual) as Array<keyof BackupCounts>) {
    if (file.counts[key] !== actual[key]) damaged(`it says it holds ${file.counts[key]} ${key} but has ${actual[key]}.`);
  }
  noDuplicates(file.articles.map((a) => a.id), 'article');
  noDuplicates(file.readingState.map((s) => s.articleId), 'reader state');
  noDuplicates(file.sources.map((s) => s.id), 'source');
  noDuplicates(file.meta.map((m) => m.key), 'setting');
  return file;
}

function noDuplicates(ids: string[], noun: string): void {
  const first = new Map<string, number>();
  ids.forEach((id, i) => {
    const seen = first.get(id);
    if (seen !== undefined) damaged(`${noun} ${i + 1} has the same id as ${noun} ${seen + 1}.`);
    first.set(id, i);
  });
}

/**
 * Writes a validated backup in ONE readwrite transaction; on any error it aborts and nothing changes.
 * Replace clears the four stores first. Merge keeps everything else here: articles, sources and settings
 * from the backup win by id or key, and a reader state wins only if it changed later than this device's.
 */
export async function importBackup(db: Db, file: BackupFile, mode: ImportMode): Promise<ImportResult> {
  const tx = db.transaction([...STORES, 'indexLog' as const], 'readwrite');
  const result: ImportResult = { articles: 0, readingState: 0, sources: 0, meta: 0, keptLocal: 0 };
  const writes: Array<Promise<unknown>> = [];
  try {
    if (mode === 'replace') for (const name of STORES) writes.push(tx.objectStore(name).clear());
    const local = new Map<string, number>();
    if (mode === 'merge') for (const s of await tx.objectStore('readingState').getAll()) local.set(s.articleId, s.updatedAt);

    // Requests in one transaction run in order, so the clears land before the puts without awaiting each.
    for (const a of file.articles) writes.push(tx.objectStore('articles').put(a));
    // The stories changed wholesale: the engine's next load reads them rather than the index log.
    if (file.articles.length || mode === 'replace') writes.push(logStale(tx.objectStore('indexLog')));
    for (const s of file.sources) writes.push(tx.objectStore('sources').put(s));
    for (const entry of file.meta) writes.push(tx.objectStore('meta').put(entry.value, entry.key));
    for (const s of file.readingState) {
      const mine = local.get(s.articleId);
      if (mine !== undefined && mine >= s.updatedAt) {
        // Equal times: the same state (a backup restored twice), so nothing was kept "instead".
        if (mine > s.updatedAt) result.keptLocal++;
        continue;
      }
      writes.push(tx.objectStore('readingState').put(s));
      result.readingState++;
    }
    await Promise.all(writes);
    await tx.done;
  } catch (err) {
    // A thrown error alone would let IndexedDB commit the requests already made: abort so none land.
    tx.done.catch(() => {});
    writes.forEach((w) => w.catch(() => {}));
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    throw err;
  }
  return { ...result, articles: file.articles.length, sources: file.sources.length, meta: file.meta.length };
}
