// Syncing one source: fetch → parse → derive → store the batch with the new validators in one transaction.
import type { Article } from '../domain/article';
import { deriveArticle } from '../domain/derive';
import type { Source } from '../domain/source';
import { fetchSource, type FetchLimits, DEFAULT_LIMITS } from '../sources/http';
import { parseSourceBody } from '../sources/index';
import { putArticleBatch } from '../storage/articles-repo';
import type { Db } from '../storage/db';
import { recordSourceError } from '../storage/sources-repo';

/** What one source's sync did. */
export interface SourceSyncResult {
  sourceId: string;
  added: number;
  updated: number;
  notModified: boolean;
  error: string | null;
}

/** Injected effects, so tests can drive sync without a network or a clock. */
export interface SyncDeps {
  db: Db;
  fetch?: typeof fetch;
  now?: () => number;
  limits?: FetchLimits;
}

/** Syncs one source; never throws: a failure is stored on the source and returned. */
export async function syncSource(deps: SyncDeps, source: Source): Promise<SourceSyncResult> {
  const now = deps.now?.() ?? Date.now();
  const base = { sourceId: source.id, added: 0, updated: 0, notModified: false, error: null };
  try {
    const outcome = await fetchSource(source.url, source, deps.fetch ?? fetch, deps.limits ?? DEFAULT_LIMITS);
    if (outcome.status === 'not-modified') {
      await putArticleBatch(deps.db, [], { ...source, lastSyncAt: now, lastError: null, status: 'ok' });
      return { ...base, notModified: true };
    }
    const feed = parseSourceBody(source.kind, outcome.bytes, outcome.finalUrl, source.id, outcome.contentType);
    const articles: Article[] = [];
    for (const item of feed.items) {
      // One malformed item must not cost the reader the rest of the feed.
      try {
        articles.push(deriveArticle(item, now));
      } catch (err) {
        console.warn(`skipping an item of ${source.url}:`, err);
      }
    }
    const next: Source = {
      ...source,
      title: source.title || feed.title,
      etag: outcome.etag,
      lastModified: outcome.lastModified,
      lastSyncAt: now,
      lastError: null,
      status: 'ok',
    };
    const result = await putArticleBatch(deps.db, articles, next);
    return { ...base, added: result.added, updated: result.updated };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await recordSourceError(deps.db, source.id, message, now);
    return { ...base, error: message };
  }
}
