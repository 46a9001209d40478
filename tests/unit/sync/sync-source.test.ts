// Protects sync correctness: a second sync adds nothing, reader state survives updates,
// validators are sent and honoured, and one broken source only marks itself.
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../src/domain/source';
import { countArticles, latestArticles } from '../../../src/storage/articles-repo';
import { openBroadsheetDb } from '../../../src/storage/db';
import { getReadingState, setSaved, updateReadingState } from '../../../src/storage/reading-state-repo';
import { ensureSource, getSource } from '../../../src/storage/sources-repo';
import { syncAll } from '../../../src/sync/sync-all';
import { syncSource } from '../../../src/sync/sync-source';
import { miniFeed } from '../../fixtures/mini-feed';

const FEED = 'https://news.example/feed.json';

function source(id = 'mini', url = FEED): Source {
  return { id, kind: 'json-feed', url, title: '', etag: null, lastModified: null, addedAt: 1, lastSyncAt: null, lastError: null, status: 'new' };
}

/** A fake server: answers from `body()`, with an ETag, and 304 when the client sends it back. */
function server(body: () => object, etag = () => '"e1"') {
  const requests: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    requests.push({ url: String(input), headers });
    if (headers['If-None-Match'] === etag()) return new Response(null, { status: 304 });
    return new Response(JSON.stringify(body()), { status: 200, headers: { ETag: etag(), 'Content-Type': 'application/feed+json' } });
  }) as typeof fetch;
  return { fetchImpl, requests };
}

describe('syncSource', () => {
  it('stores a feed, and a second sync of the same feed adds 0 articles and keeps reader state', async () => {
    const db = await openBroadsheetDb({}, 'sync-1');
    await ensureSource(db, source());
    let etag = '"e1"';
    const srv = server(() => miniFeed(), () => etag);

    const first = await syncSource({ db, fetch: srv.fetchImpl, now: () => 100 }, (await getSource(db, 'mini'))!);
    expect(first).toMatchObject({ added: 3, updated: 0, error: null });
    expect(await countArticles(db)).toBe(3);

    const [newest] = await latestArticles(db, { limit: 1 });
    await setSaved(db, newest!.id, true, 200);
    await updateReadingState(db, newest!.id, () => ({ read: true, readAt: 201, progress: { paragraph: 2, offset: 30 } }), 201);
    const before = await getReadingState(db, newest!.id);

    // Same content under a new ETag: the server sends it all again; nothing is added or changed.
    etag = '"e2"';
    const second = await syncSource({ db, fetch: srv.fetchImpl, now: () => 300 }, (await getSource(db, 'mini'))!);
    expect(second).toMatchObject({ added: 0, updated: 0, error: null });
    expect(await countArticles(db)).toBe(3);
    expect(await getReadingState(db, newest!.id)).toEqual(before);
    db.close();
  });

  it('sends the stored ETag and treats 304 as nothing new', async () => {
    const db = await openBroadsheetDb({}, 'sync-2');
    await ensureSource(db, source());
    const srv = server(() => miniFeed());
    await syncSource({ db, fetch: srv.fetchImpl }, (await getSource(db, 'mini'))!);
    const again = await syncSource({ db, fetch: srv.fetchImpl }, (await getSource(db, 'mini'))!);
    expect(srv.requests[1]!.headers['If-None-Match']).toBe('"e1"');
    expect(again).toMatchObject({ notModified: true, added: 0 });
    expect(await countArticles(db)).toBe(3);
    db.close();
  });

  it('replaces the content of an updated item but never the reader state', async () => {
    const db = await openBroadsheetDb({}, 'sync-3');
    await ensureSource(db, source());
    let edition = miniFeed();
    let etag = '"a"';
    const srv = server(() => edition, () => etag);
    await syncSource({ db, fetch: srv.fetchImpl }, (await getSource(db, 'mini'))!);
    const ferry = (await latestArticles(db)).find((a) => a.guid === 'mini-1')!;
    await setSaved(db, ferry.id, true);

    edition = miniFeed([{ id: 'mini-4', url: 'https://news.example/new', title: 'A new story', content_html: '<p>New.</p>' }], {
      'mini-1': { title: 'Night ferry returns to Kestrel Bay (updated)', date_modified: '2026-11-21T10:00:00Z' },
    });
    etag = '"b"';
    const result = await syncSource({ db, fetch: srv.fetchImpl }, (await getSource(db, 'mini'))!);
    expect(result).toMatchObject({ added: 1, updated: 1 });
    expect((await db.get('articles', ferry.id))!.title).toMatch(/updated/);
    expect((await getReadingState(db, ferry.id)).saved).toBe(true);
    expect(await countArticles(db)).toBe(4);
    db.close();
  });

  it('stores a readable error on a failing source and keeps its articles', async () => {
    const db = await openBroadsheetDb({}, 'sync-4');
    await ensureSource(db, source());
    const ok = server(() => miniFeed());
    await syncSource({ db, fetch: ok.fetchImpl }, (await getSource(db, 'mini'))!);
    const failing = (async () => new Response('oops', { status: 500, statusText: 'Internal Server Error' })) as typeof fetch;
    const result = await syncSource({ db, fetch: failing, sleep: async () => {} }, (await getSource(db, 'mini'))!);
    expect(result.error).toBe('The site answered 500 Internal Server Error.');
    expect(await getSource(db, 'mini')).toMatchObject({ status: 'error', lastError: result.error, etag: '"e1"' });
    expect(await countArticles(db)).toBe(3);
    db.close();
  });

  it('reports garbage as not a feed', async () => {
    const db = await openBroadsheetDb({}, 'sync-5');
    await ensureSource(db, source());
    const garbage = (async () => new Response('<html>hello</html>', { status: 200 })) as typeof fetch;
    const result = await syncSource({ db, fetch: garbage }, (await getSource(db, 'mini'))!);
    expect(result.error).toMatch(/not a JSON Feed/);
    db.close();
  });
});

describe('syncAll', () => {
  it('syncs every source; one failing source does not stop the others', async () => {
    const db = await openBroadsheetDb({}, 'sync-6');
    await ensureSource(db, { ...source('broken', 'https://down.example/feed.json'), addedAt: 0 });
    await ensureSource(db, source());
    const ok = server(() => miniFeed());
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).includes('down.example') ? Promise.reject(new TypeError('Failed to fetch')) : ok.fetchImpl(input, init)) as typeof fetch;
    const summary = await syncAll({ db, fetch: fetchImpl, now: () => 5, sleep: async () => {}, origin: 'https://news.example', isOnline: () => true });
    expect(summary.skipped).toBe(false);
    if (summary.skipped) return;
    expect(summary.added).toBe(3);
    expect(summary.results.find((r) => r.sourceId === 'broken')!.error).toBe('Could not reach down.example. Check the address and your connection.');
    expect(await db.get('meta', 'lastSyncAt')).toBe(5);
    db.close();
  });

  it('leaves "last synced" alone when no source got news (offline: only the built-in edition answered, from cache)', async () => {
    const db = await openBroadsheetDb({}, 'sync-7');
    await ensureSource(db, { ...source('sample-ed', 'https://app.example/sample/edition.json'), kind: 'sample' });
    await ensureSource(db, source());
    const ok = server(() => miniFeed());
    // The device is offline: the app's own cache still answers for the built-in edition.
    let online = false;
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).includes('app.example') || online ? ok.fetchImpl(input, init) : Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const deps = { db, fetch: fetchImpl, sleep: async () => {}, origin: 'https://news.example', isOnline: () => online };
    await syncAll({ ...deps, now: () => 5 });
    expect(await db.get('meta', 'lastSyncAt')).toBeUndefined();
    online = true;
    await syncAll({ ...deps, now: () => 9 }, undefined, { force: true });
    expect(await db.get('meta', 'lastSyncAt')).toBe(9);
    db.close();
  });
});
