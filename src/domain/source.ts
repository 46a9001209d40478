// A source the reader follows, and the state sync keeps about it. Pure data.

/** Kinds of source; each has one adapter in src/sources. */
export type SourceKind = 'sample' | 'json-feed' | 'rss' | 'atom' | 'rdf' | 'wordpress';

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
  lastSyncAt: number | null;
  lastError: string | null;
  status: SourceStatus;
}
