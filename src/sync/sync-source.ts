// Syncing one source: fetch (all pages) → parse → derive → store the batch with the new validators
// in one transaction → apply retention. A crash before the commit leaves the old state whole.
import type { Article, ArticleInput } from '../domain/article';
import type { Source } from '../domain/source';
import { fetchSource, SourceFetchError, type FetchErrorKind, type FetchLimits, type FetchOptions, type RetryPolicy } from '../sources/http';
import { parseSourceBody } from '../sources/index';
import { putArticleBatch } from '../storage/articles-repo';
import type { Db } from '../storage/db';
import { isQuotaError } from '../storage/quota';
import { applyRetention, applyRetentionAll, DEFAULT_RETENTION, retentionFor, type RetentionLimits } from '../storage/retention';
import { updateSource } from '../storage/sources-repo';
import { nextSourceAttempt } from './backoff';
import { fetchAllPages } from './wordpress-sync';
import { purgeImages } from './purge-images';
import { deriveBatch, type DeriveOutcome } from './derive-batch';

/** What one source's sync did. */
export interface SourceSyncResult {
  sourceId: string;
  added: number;
  updated: number;
  notModified: boolean;
  error: string | null;
  /** Why it failed, so the UI can offer the right fix (e.g. the CORS proxy setting for 'cors'). */
  errorKind: FetchErrorKind | 'parse' | 'storage' | null;
  /** Article ids removed by retention, for the UI's indexes. */
  evicted: string[];
}

/** Injected effects and settings, so tests can drive sync without a network or a clock. */
export interface SyncDeps {
  db: Db;
  fetch?: typeof fetch;
  now?: () => number;
  limits?: FetchLimits;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** The reader's CORS proxy URL template (`{url}` is replaced by the encoded source URL). */
  corsProxy?: string | null;
  /** The app's origin (default: the current location's), to tell cross-origin sources. */
  origin?: string | null;
  isOnline?: () => boolean;
  /** WordPress pages fetched per sync (default 3). */
  maxPages?: number;
  /** Retention limits for sources that have none of their own. */
  retention?: RetentionLimits;
  /** Removes evicted images from the image cache (default: purgeImages). */
  purgeImages?: (urls: string[]) => Promise<unknown>;
  /**
   * Told after each source's batch is stored: what was written, what retention evicted (the engine's
   * indexes follow), and the index log record of the written stories (null when none).
   */
  onStored?: (written: Article[], evicted: string[], logKey?: number | null) => void;
  /** Derives a batch of items (default: deriveBatch, in this thread; the engine uses a pool of workers). */
  derive?: (items: ArticleInput[], now: number) => Promise<DeriveOutcome[]> | DeriveOutcome[];
  /** How many sources sync at once (default 1): fetching one while another is parsed and stored. */
  concurrency?: number;
}

/** WordPress pages walked per sync: the newest stories are on page 1, older pages fill a new source. */
export const SYNC_MAX_PAGES = 3;

/** Syncs one source; never throws: a failure is stored on the source and returned. */
export async function syncSource(deps: SyncDeps, source: Source): Promise<SourceSyncResult> {
  const now = deps.now?.() ?? Date.now();
  const base: SourceSyncResult = { sourceId: source.id, added: 0, updated: 0, notModified: false, error: null, errorKind: null, evicted: [] };
  try {
    const options = fetchOptions(deps);
    const outcome = await fetchSource(source.url, source, options);
    const synced: Partial<Source> = { lastSyncAt: now, lastSuccessAt: now, lastError: null, status: 'ok', failures: 0, nextAttemptAt: null };
    if (outcome.status === 'not-modified') {
      await putArticleBatch(deps.db, [], { ...source, ...synced });
      return { ...base, notModified: true };
    }
    const pages = source.kind === 'wordpress' ? await fetchAllPages(outcome, options, deps.maxPages ?? SYNC_MAX_PAGES) : [outcome];
    const items: ArticleInput[] = [];
    let title = '';
    for (const page of pages) {
      const feed = parseSourceBody(source.kind, page.bytes, page.finalUrl, source.id, page.contentType);
      title ||= feed.title;
      items.push(...feed.items);
    }
    const articles: Article[] = [];
    for (const derived of await (deps.derive ?? deriveBatch)(items, now)) {
      // One malformed item must not cost the reader the rest of the feed.
      if ('article' in derived) articles.push(derived.article);
      else console.warn(`skipping an item of ${source.url}:`, derived.error);
    }
    // Page 1's validators: a 304 next time means page 1 (the newest stories) is unchanged.
    const next: Source = { ...source, ...synced, title: source.title || title, etag: outcome.etag, lastModified: outcome.lastModified };
    const stored = await storeBatch(deps, articles, next, now);
    const kept = await retain(deps, next, now, new Set(articles.map((a) => a.id)));
    const evicted = [...stored.evicted, ...kept];
    deps.onStored?.(stored.written, evicted, stored.logKey);
    return { ...base, added: stored.added, updated: stored.updated, evicted };
  } catch (err) {
    return { ...base, ...(await recordFailure(deps, source, err, now)) };
  }
}

function fetchOptions(deps: SyncDeps): FetchOptions {
  const { fetch, limits, retry, sleep, random, corsProxy, origin, isOnline, now } = deps;
  return { fetch, limits, retry, sleep, random, corsProxy, origin, isOnline, now };
}

/** Stores the batch; when storage is full, applies retention everywhere and tries once more. */
async function storeBatch(deps: SyncDeps, articles: Article[], next: Source, now: number) {
  try {
    return { ...(await putArticleBatch(deps.db, articles, next)), evicted: [] as string[] };
  } catch (err) {
    if (!isQuotaError(err)) throw err;
    const freed = await applyRetentionAll(deps.db, now, deps.retention ?? DEFAULT_RETENTION);
    // Those stories are gone whether or not the retry fits: the indexes must forget them now.
    deps.onStored?.([], freed.ids);
    await (deps.purgeImages ?? purgeImages)(freed.imageUrls).catch(() => {});
    try {
      return { ...(await putArticleBatch(deps.db, articles, next)), evicted: freed.ids };
    } catch (again) {
      if (!isQuotaError(again)) throw again;
      throw new StorageFullError();
    }
  }
}

class StorageFullError extends Error {
  constructor() {
    super('Your device has no room left for new stories. Remove saved stories or sources, or free up space on the device.');
  }
}

/** Retention after a stored batch; a failure here must not turn a good sync into an error. */
async function retain(deps: SyncDeps, source: Source, now: number, inFeed: Set<string>): Promise<string[]> {
  try {
    const eviction = await applyRetention(deps.db, source.id, retentionFor(source, deps.retention), now, inFeed);
    if (eviction.imageUrls.length) await (deps.purgeImages ?? purgeImages)(eviction.imageUrls).catch(() => {});
    return eviction.ids;
  } catch (err) {
    console.warn(`retention of ${source.url} failed:`, err);
    return [];
  }
}

/** Stores the failure on the source: gone for 410, else one more failure and a later next attempt. */
async function recordFailure(deps: SyncDeps, source: Source, err: unknown, now: number): Promise<Pick<SourceSyncResult, 'error' | 'errorKind'>> {
  const error = err instanceof Error ? err.message : String(err);
  const errorKind = err instanceof SourceFetchError ? err.kind : err instanceof StorageFullError || isStorageError(err) ? 'storage' : 'parse';
  // Offline is nobody's fault: the source keeps its state and is tried again when the network returns.
  if (errorKind === 'offline') return { error, errorKind };
  const retryAt = err instanceof SourceFetchError ? err.retryAt : null;
  try {
    await updateSource(deps.db, source.id, (s) => {
      if (errorKind === 'gone') return { status: 'gone', lastError: error, lastSyncAt: now, nextAttemptAt: null };
      const failures = (s.failures ?? 0) + 1;
      return { status: 'error', lastError: error, lastSyncAt: now, failures, nextAttemptAt: nextSourceAttempt(failures, now, retryAt, deps.random) };
    });
  } catch (storeErr) {
    console.warn(`could not record the failure of ${source.url}:`, storeErr);
  }
  return { error, errorKind };
}

const STORAGE_ERRORS = new Set(['AbortError', 'QuotaExceededError', 'DataError', 'InvalidStateError', 'TransactionInactiveError', 'ConstraintError', 'UnknownError', 'VersionError']);

function isStorageError(err: unknown): boolean {
  return STORAGE_ERRORS.has(String((err as { name?: unknown } | null)?.name));
}
