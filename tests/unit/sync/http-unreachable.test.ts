// Protects the difference between a site that refuses CORS and one that cannot be reached (a typo'd
// or dead host): both reject fetch with a bare TypeError, so a no-cors probe tells them apart. A DNS
// failure used to be reported as "no CORS permission… set a CORS proxy", in the add box and in sync.
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../src/domain/source';
import { fetchSource } from '../../../src/sources/http';
import { openBroadsheetDb } from '../../../src/storage/db';
import { ensureSource, getSource } from '../../../src/storage/sources-repo';
import { syncSource } from '../../../src/sync/sync-source';
import { failure, browserOptions } from './fetch-helpers';

const URL_ = 'https://news.example/feed.xml';
const NO_VALIDATORS = { etag: null, lastModified: null };
const CORS_MESSAGE = 'This site does not let browser apps read it (no CORS permission). You can set a CORS proxy in Settings.';
const UNREACHABLE_MESSAGE = 'Could not reach news.example. Check the address and your connection.';

/** A browser's fetch, faked: CORS requests always fail; a no-cors request gets an opaque answer only if the site is up. */
function browser(siteUp: boolean) {
  const calls: RequestInit[] = [];
  const fetchImpl = (async (_input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push(init);
    if (init.mode === 'no-cors' && siteUp) return new Response(null, { status: 200 });
    throw new TypeError('Failed to fetch');
  }) as typeof fetch;
  return { fetchImpl, calls };
}

describe('CORS refusal or unreachable site', () => {
  it('calls it a CORS refusal when the site answers a no-cors request, without retrying', async () => {
    const srv = browser(true);
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, browserOptions(srv.fetchImpl)));
    expect(err.kind).toBe('cors');
    expect(err.message).toBe(CORS_MESSAGE);
    expect(srv.calls.map((c) => c.mode)).toEqual([undefined, 'no-cors']);
    // The probe sends no cookies and is not answered from the HTTP cache.
    expect(srv.calls[1]).toMatchObject({ credentials: 'omit', cache: 'no-store' });
  });

  it('says the site could not be reached (not CORS) when the no-cors request fails too, after the usual retries', async () => {
    const srv = browser(false);
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, browserOptions(srv.fetchImpl, { retry: { attempts: 2 } })));
    expect(err.kind).toBe('network');
    expect(err.message).toBe(UNREACHABLE_MESSAGE);
    expect(srv.calls.map((c) => c.mode)).toEqual([undefined, 'no-cors', undefined, 'no-cors']);
  });

  it('says an http:// address cannot be read from a secure app (mixed content), rather than calling the site down', async () => {
    const srv = browser(false);
    const err = await failure(fetchSource('http://news.example/feed.xml', NO_VALIDATORS, browserOptions(srv.fetchImpl)));
    expect(err.kind).toBe('cors');
    expect(err.message).toBe('This address starts with http://, which a secure (https) app may not read. Try its https:// address, or set a CORS proxy in Settings.');
    // Blocked before any network: no probe, no retries.
    expect(srv.calls).toHaveLength(1);
    // From an http app (a local dev server) the probe still decides.
    const local = await failure(fetchSource('http://news.example/feed.xml', NO_VALIDATORS, browserOptions(browser(false).fetchImpl, { origin: 'http://127.0.0.1:5173', retry: { attempts: 1 } })));
    expect(local.message).toBe(UNREACHABLE_MESSAGE);
  });

  it('keeps saying "offline" when the device is offline, without a probe', async () => {
    const srv = browser(false);
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, browserOptions(srv.fetchImpl, { isOnline: () => false })));
    expect(err.kind).toBe('offline');
    expect(srv.calls).toHaveLength(1);
  });

  it('does not probe through a CORS proxy: a failing proxy is named as such', async () => {
    const srv = browser(true);
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, browserOptions(srv.fetchImpl, { corsProxy: 'https://proxy.example/?url={url}', retry: { attempts: 1 } })));
    expect(err.message).toMatch(/through your CORS proxy/);
    expect(srv.calls.map((c) => c.mode)).toEqual([undefined]);
  });

  it('stores the same words on a source that sync cannot reach', async () => {
    const db = await openBroadsheetDb({}, 'unreachable-sync');
    const source: Source = { id: 'gone-host', kind: 'rss', url: URL_, title: 'Typo', etag: null, lastModified: null, addedAt: 1, lastSyncAt: null, lastError: null, status: 'new' };
    await ensureSource(db, source);
    const down = await syncSource({ db, fetch: browser(false).fetchImpl, now: () => 5, sleep: async () => {}, random: () => 0, origin: 'https://app.example', isOnline: () => true }, source);
    expect(down).toMatchObject({ errorKind: 'network', error: UNREACHABLE_MESSAGE });
    expect((await getSource(db, source.id))!.lastError).toBe(UNREACHABLE_MESSAGE);
    const refused = await syncSource({ db, fetch: browser(true).fetchImpl, now: () => 6, sleep: async () => {}, random: () => 0, origin: 'https://app.example', isOnline: () => true }, source);
    expect(refused).toMatchObject({ errorKind: 'cors', error: CORS_MESSAGE });
    db.close();
  });
});
