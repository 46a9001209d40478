// A source the reader follows, and the state sync keeps about it. Pure data.

/** Kinds of source; each has one adapter in src/sources. */
export type SourceKind = 'sample' | 'json-feed' | 'rss' | 'atom' | 'rdf' | 'wordpress' | 'page';

/** Health of a source as last seen by sync. */
export type SourceStatus = 'new' | 'ok' | 'error' | 'gone';

/** A followed source with its HTTP validators and last sync outcome. */
export interface Source {
  id: string;
  kind: SourceKind;
  url: string;
  title: string;
  /** Conditional-GET validators from the last successful fetch. */
  etag: string | null;
  lastModified: string | null;
  addedAt: number;
  /** When sync last ran for this source, whatever the outcome. */
  lastSyncAt: number | null;
  /** When sync last got the feed (absent on records written before it was kept: unknown). */
  lastSuccessAt?: number | null;
  lastError: string | null;
  status: SourceStatus;
  /** Failed syncs in a row (absent on records written before backoff existed: read as 0). */
  failures?: number;
  /** Sync skips the source until this time (epoch ms) after failures or a long Retry-After. */
  nextAttemptAt?: number | null;
  /** The reader's limits for this source; absent means the defaults. */
  retention?: RetentionLimits;
}

/** How much of a source to keep: articles newer than maxAgeDays, at most maxArticles of them. */
export interface RetentionLimits {
  maxAgeDays: number;
  maxArticles: number;
}

/** A source another reader or app could follow: not the built-in sample edition, not saved pages (what OPML carries). */
export function isPortableSource(source: Pick<Source, 'kind'>): boolean {
  return source.kind !== 'sample' && source.kind !== 'page';
}
