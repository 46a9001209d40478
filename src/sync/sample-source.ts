// The built-in sample edition: a same-origin JSON Feed, so a first run has news with no network.
import { hashId } from '../domain/ids';
import type { Source } from '../domain/source';
import type { Db } from '../storage/db';
import { ensureSource } from '../storage/sources-repo';

/** Path of the sample edition under the app's base URL. */
export const SAMPLE_PATH = 'sample/edition.json';

/** The sample source record for an app served from `appBase` (e.g. location.origin + '/'). */
export function sampleSource(appBase: string, now = Date.now()): Source {
  const url = new URL(SAMPLE_PATH, appBase).toString();
  return {
    // The id ignores the origin so a dev server and a preview build share ids in tests.
    id: `sample-${hashId(SAMPLE_PATH)}`,
    kind: 'sample',
    url,
    title: 'Broadsheet Sample Edition',
    etag: null,
    lastModified: null,
    addedAt: now,
    lastSyncAt: null,
    lastError: null,
    status: 'new',
  };
}

/** Makes sure the sample source is followed (first run); keeps it if the reader renamed it. */
export function ensureSampleSource(db: Db, appBase: string): Promise<Source> {
  return ensureSource(db, sampleSource(appBase));
}
