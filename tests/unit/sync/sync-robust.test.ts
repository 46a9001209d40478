// Protects sync under failure: 410 marks a source gone and later syncs skip it; failures back off
// per source (Retry-After wins); offline changes nothing; old source records still sync; progress
// names each source; WordPress pages land in one batch; a crash before the commit leaves the old state.
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../src/domain/source';
import { countArticles, latestArticles } from '../../../src/storage/articles-repo';
import { openBroadsheetDb, type Db } from '../../../src/storage/db';
import { getReadingState, setSaved } from '../../../src/storage/reading-state-repo';
import { ensureSource, getSource } from '../../../src/storage/sources-repo';
import { SOURCE_BACKOFF } from '../../../src/sync/backoff';
import { syncAll, type SyncProgress } from '../../../src/sync/sync-all';
import { syncSource, type SyncDeps } from '../../../src/sync/sync-source';
import { miniFeed } from '../../fixtures/mini-feed';

const FEED = 'https://news.example/feed.json';
const NOW = Date.parse('2026-11-21T12:00:00Z');

function source(over: Partial<Source> = {}): Source {
  return { id: 'mini', kind: 'json-feed', url: FEED, title: 'Mini', etag: null, lastModified: null, addedAt: 1, lastSyncAt: null, lastError: null, status: 'new', ...over };
}

function deps(db: Db, fetchImpl: typeof fetch, over: Partial<SyncDeps> = {}): SyncDeps {
  return { db, fetch: fetchImpl, now: () => NOW, sleep: async () => {}, random: () => 0, origin: 'https://news.example', isOnline: () => true, purgeImages: async () => {}, ...over };
}

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', ...headers } });

function counting(answer: (url: string) => Response | Promise<Response>) {
  const calls: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    return answer(String(input));
  }) as typeof fetch;
  return { fetchImpl, calls };
}

describe('failing sources', () => {
  it('marks a source answering 410 as gone, and later syncs leave it alone', async () => {
    const db = await openBroadsheetDb({}, 'robust-gone');
    await ensureSource(db, source());
    const srv = counting(() => new Response('', { status: 410 }));
    const first = await syncAll(deps(db, srv.fetchImpl));
    expect(!first.skipped && first.results[0]!.errorKind).toBe('gone');
    expect(await getSource(db, 'mini')).toMatchObject({ status: 'gone', lastError: expect.stringMatching(/410 Gone/) });
    const second = await syncAll(deps(db, srv.fetchImpl), undefined, { force: true });
    expect(!second.skipped && second.results).toEqual([]);
    expect(srv.calls).toHaveLength(1);
    db.close();
  });

  it('backs a failing source off (5 min, then 10 …), skips it until due, and resets after a success', async () => {
    const db = await openBroadsheetDb({}, 'robust-backoff');
    await ensureSource(db, source());
    let up = false;
    const srv = counting(() => (up ? json(miniFeed()) : new Response('', { status: 500 })));
    await syncAll(deps(db, srv.fetchImpl));
    expect(await getSource(db, 'mini')).toMatchObject({ status: 'error', failures: 1, nextAttemptAt: NOW + SOURCE_BACKOFF.baseDelayMs / 2 });
    expect(srv.calls).toHaveLength(3); // one sync: three tries

    const early = await syncAll(deps(db, srv.fetchImpl, { now: () => NOW + 60_000 }));
    expect(!early.skipped && early.deferred).toEqual([{ sourceId: 'mini', nextAttemptAt: NOW + 150_000 }]);
    expect(srv.calls).toHaveLength(3);

    await syncAll(deps(db, srv.fetchImpl, { now: () => NOW + 200_000 }));
    expect((await getSource(db, 'mini'))!.failures).toBe(2);
    expect((await getSource(db, 'mini'))!.nextAttemptAt).toBe(NOW + 200_000 + SOURCE_BACKOFF.baseDelayMs);

    up = true;
    const manual = await syncAll(deps(db, srv.fetchImpl, { now: () => NOW + 210_000 }), undefined, { force: true });
    expect(!manual.skipped && manual.added).toBe(3);
    expect(await getSource(db, 'mini')).toMatchObject({ status: 'ok', failures: 0, nextAttemptAt: null, lastError: null, lastSuccessAt: NOW + 210_000 });

    // A failure after that: when sync last tried moves on, when it last got the feed stays.
    up = false;
    await syncAll(deps(db, srv.fetchImpl, { now: () => NOW + 900_000 }), undefined, { force: true });
    expect(await getSource(db, 'mini')).toMatchObject({ status: 'error', lastSyncAt: NOW + 900_000, lastSuccessAt: NOW + 210_000 });
    db.close();
  });

  it('comes back when a 503 Retry-After says, not sooner', async () => {
    const db = await openBroadsheetDb({}, 'robust-retry-after');
    await ensureSource(db, source());
    const srv = counting(() => new Response('', { status: 503, headers: { 'Retry-After': '7200' } }));
    const result = await syncSource(deps(db, srv.fetchImpl), source());
    expect(result.error).toBe('The site answered 503 Service Unavailable and asked us to wait 2 hours.');
    expect((await getSource(db, 'mini'))!.nextAttemptAt).toBe(NOW + 7_200_000);
    expect(srv.calls).toHaveLength(1);
    db.close();
  });

  it('changes nothing on the source while offline', async () => {
    const db = await openBroadsheetDb({}, 'robust-offline');
    await ensureSource(db, source({ status: 'ok', etag: '"e"' }));
    const srv = counting(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await syncSource(deps(db, srv.fetchImpl, { isOnline: () => false }), (await getSource(db, 'mini'))!);
    expect(result.errorKind).toBe('offline');
    expect(await getSource(db, 'mini')).toEqual(source({ status: 'ok', etag: '"e"' }));
    db.close();
  });

  it('stores the CORS explanation on a refusing source, and uses the proxy when one is set', async () => {
    const db = await openBroadsheetDb({}, 'robust-cors');
    await ensureSource(db, source());
    const refused = counting(() => Promise.reject(new TypeError('Failed to fetch')));
    // The site is up: it answers the no-cors probe that tells a refusal from an unreachable site.
    const refusing = ((input, init) => (init?.mode === 'no-cors' ? Promise.resolve(new Response(null)) : refused.fetchImpl(input, init))) as typeof fetch;
    const appOrigin = { origin: 'https://app.example' };
    const result = await syncSource(deps(db, refusing, appOrigin), source());
    expect(result.errorKind).toBe('cors');
    expect((await getSource(db, 'mini'))!.lastError).toMatch(/You can set a CORS proxy in Settings\.$/);

    const proxy = counting((url) => (url.startsWith('https://proxy.example/') ? json(miniFeed()) : Promise.reject(new TypeError('x'))));
    const viaProxy = await syncSource(deps(db, proxy.fetchImpl, { ...appOrigin, corsProxy: 'https://proxy.example/?url={url}' }), source());
    expect(viaProxy.added).toBe(3);
    expect(proxy.calls).toEqual([`https://proxy.example/?url=${encodeURIComponent(FEED)}`]);
    // Links still resolve against the feed, not the proxy.
    expect((await latestArticles(db)).every((a) => a.url.startsWith('https://news.example/'))).toBe(true);
    db.close();
  });

  it('syncs a source record written before failures/nextAttemptAt/retention existed', async () => {
    const db = await openBroadsheetDb({}, 'robust-old-record');
    const { failures: _f, nextAttemptAt: _n, retention: _r, ...old } = source();
    await db.put('sources', old as Source);
    const summary = await syncAll(deps(db, counting(() => json(miniFeed())).fetchImpl));
    expect(!summary.skipped && summary.added).toBe(3);
    expect(await getSource(db, 'mini')).toMatchObject({ status: 'ok', failures: 0, nextAttemptAt: null });
    db.close();
  });
});

describe('retention during sync', () => {
  it('evicts beyond the source’s limits after storing, returns the ids and purges their images', async () => {
    const db = await openBroadsheetDb({}, 'robust-retention');
    await ensureSource(db, source({ retention: { maxAgeDays: 60, maxArticles: 1 } }));
    let edition = miniFeed();
    const srv = counting(() => json(edition));
    const purged: string[] = [];
    const d = deps(db, srv.fetchImpl, { purgeImages: async (urls) => void purged.push(...urls) });
    expect((await syncSource(d, (await getSource(db, 'mini'))!)).evicted).toEqual([]);
    const port = (await latestArticles(db)).find((a) => a.guid === 'mini-2')!;
    await setSaved(db, port.id, true, NOW);

    edition = { ...miniFeed(), items: [{ id: 'mini-4', url: 'https://news.example/new', title: 'New', content_html: '<p>New</p>' }] };
    const result = await syncSource(d, (await getSource(db, 'mini'))!);
    expect(result.added).toBe(1);
    expect(result.evicted).toHaveLength(2);
    expect((await latestArticles(db)).map((a) => a.guid).sort()).toEqual(['mini-2', 'mini-4']);
    expect(purged).toEqual(['https://news.example/img/ferry.svg']);
    db.close();
  });
});

describe('progress', () => {
  it('reports each source by name, then the total of new stories', async () => {
    const db = await openBroadsheetDb({}, 'robust-progress');
    await ensureSource(db, source({ id: 'a', title: 'Alpha', addedAt: 1 }));
    await ensureSource(db, source({ id: 'b', title: '', url: 'https://news.example/b.json', addedAt: 2 }));
    const seen: SyncProgress[] = [];
    await syncAll(deps(db, counting((url) => (url.endsWith('b.json') ? new Response('', { status: 404 }) : json(miniFeed()))).fetchImpl), (p) => seen.push(p));
    expect(seen).toEqual([
      { done: 0, total: 2, added: 0, current: null },
      { done: 0, total: 2, added: 0, current: 'Alpha' },
      { done: 1, total: 2, added: 3, current: 'https://news.example/b.json' },
      { done: 2, total: 2, added: 3, current: null },
    ]);
    db.close();
  });
});

describe('WordPress pagination', () => {
  const post = (n: number) => ({
    id: n, link: `https://wp.example/story-${n}/`, guid: { rendered: `https://wp.example/?p=${n}` },
    title: { rendered: `Story ${n}` }, content: { rendered: `<p>Body ${n}</p>` }, excerpt: { rendered: '' },
    date_gmt: `2026-11-${String(20 - n).padStart(2, '0')}T08:00:00`,
  });
  const POSTS = 'https://wp.example/wp-json/wp/v2/posts?_embed=1&per_page=2';

  it('fetches up to the page cap (X-WP-TotalPages) and stores every page with page 1’s validators', async () => {
    const db = await openBroadsheetDb({}, 'robust-wp');
    await ensureSource(db, source({ id: 'wp', kind: 'wordpress', url: POSTS }));
    const srv = counting((url) => {
      const page = Number(new URL(url).searchParams.get('page') ?? '1');
      return json([post(page * 2 - 1), post(page * 2)], { 'X-WP-TotalPages': '5', ETag: `"p${page}"` });
    });
    const result = await syncSource(deps(db, srv.fetchImpl, { origin: 'https://wp.example', maxPages: 3 }), (await getSource(db, 'wp'))!);
    expect(result).toMatchObject({ added: 6, error: null });
    expect(srv.calls.map((u) => new URL(u).searchParams.get('page'))).toEqual([null, '2', '3']);
    expect((await getSource(db, 'wp'))!.etag).toBe('"p1"');
    expect(await countArticles(db)).toBe(6);
    db.close();
  });

  it('follows Link rel="next" when there is no page count, and keeps earlier pages if a later one fails', async () => {
    const db = await openBroadsheetDb({}, 'robust-wp-link');
    await ensureSource(db, source({ id: 'wp', kind: 'wordpress', url: POSTS }));
    const srv = counting((url) => {
      const page = Number(new URL(url).searchParams.get('page') ?? '1');
      if (page === 3) return new Response('', { status: 404 });
      return json([post(page * 2 - 1), post(page * 2)], { Link: `<${POSTS}&page=${page + 1}>; rel="next"` });
    });
    const result = await syncSource(deps(db, srv.fetchImpl, { origin: 'https://wp.example' }), (await getSource(db, 'wp'))!);
    expect(result).toMatchObject({ added: 4, error: null });
    expect(srv.calls).toHaveLength(3);
    db.close();
  });
});

describe('a crash mid-sync', () => {
  /** The db as seen by a tab that dies at `where`: opening the store transaction, or in it after the articles were written. */
  function crashingDb(db: Db, where: 'open' | 'mid-transaction'): Db {
    const bind = <T extends object>(target: T, prop: PropertyKey) => {
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    };
    return new Proxy(db, {
      get(target, prop) {
        if (prop !== 'transaction') return bind(target, prop);
        return (...args: Parameters<Db['transaction']>) => {
          const stores = [...(typeof args[0] === 'string' ? [args[0]] : Array.from(args[0]))] as string[];
          if (!(stores.includes('articles') && stores.includes('sources') && args[1] === 'readwrite')) return target.transaction(...args);
          if (where === 'open') throw new Error('the tab was closed');
          const tx = target.transaction(...args);
          return new Proxy(tx, {
            get(t, p) {
              if (p !== 'objectStore') return bind(t, p);
              return (name: 'articles' | 'sources') => {
                const store = t.objectStore(name);
                if (name !== 'sources') return store;
                return new Proxy(store, { get: (s, q) => (q === 'put' ? () => { throw new Error('the tab was closed'); } : bind(s, q)) });
              };
            },
          });
        };
      },
    }) as Db;
  }

  for (const where of ['open', 'mid-transaction'] as const) {
    it(`keeps the old articles, validators and reader state intact (${where}), and the next sync completes once`, async () => {
      const db = await openBroadsheetDb({}, `robust-crash-${where}`);
      await ensureSource(db, source());
      let edition = miniFeed();
      let etag = '"v1"';
      const srv = counting(() => json(edition, { ETag: etag }));
      await syncSource(deps(db, srv.fetchImpl), (await getSource(db, 'mini'))!);
      const ferry = (await latestArticles(db)).find((a) => a.guid === 'mini-1')!;
      await setSaved(db, ferry.id, true, NOW);
      const stateBefore = await getReadingState(db, ferry.id);

      edition = miniFeed([{ id: 'mini-4', url: 'https://news.example/new', title: 'New', content_html: '<p>New</p>' }], { 'mini-1': { title: 'Changed' } });
      etag = '"v2"';
      const crashed = await syncSource(deps(crashingDb(db, where), srv.fetchImpl), (await getSource(db, 'mini'))!);
      expect(crashed.error).toBe('the tab was closed');
      expect(await countArticles(db)).toBe(3);
      expect((await db.get('articles', ferry.id))!.title).toBe('Night ferry returns to Kestrel Bay');
      expect((await getSource(db, 'mini'))!.etag).toBe('"v1"');
      expect(await getReadingState(db, ferry.id)).toEqual(stateBefore);

      // Reopened: the old validators mean a full fetch, and the new edition lands once.
      const again = await syncSource(deps(db, srv.fetchImpl), (await getSource(db, 'mini'))!);
      expect(again).toMatchObject({ added: 1, updated: 1, error: null });
      expect(await countArticles(db)).toBe(4);
      expect((await getReadingState(db, ferry.id)).saved).toBe(true);
      db.close();
    });
  }
});

describe('storage full', () => {
  /** The db of a full disk: the first `times` article writes of a sync batch fail with QuotaExceededError. */
  function fullDb(db: Db, times: number): Db {
    let left = times;
    const bind = <T extends object>(target: T, prop: PropertyKey) => {
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    };
    return new Proxy(db, {
      get(target, prop) {
        if (prop !== 'transaction') return bind(target, prop);
        return (...args: Parameters<Db['transaction']>) => {
          const tx = target.transaction(...args);
          if (!Array.isArray(args[0]) || !args[0].includes('sources')) return tx;
          return new Proxy(tx, {
            get: (t, p) =>
              p !== 'objectStore'
                ? bind(t, p)
                : (name: 'articles' | 'sources') => {
                    const store = t.objectStore(name);
                    if (name !== 'articles') return store;
                    return new Proxy(store, {
                      get: (st, q) => (q === 'put' && left > 0 ? () => { left--; throw new DOMException('full', 'QuotaExceededError'); } : bind(st, q)),
                    });
                  },
          });
        };
      },
    }) as Db;
  }

  it('evicts by the retention rules and retries once; if still full, says so plainly', async () => {
    const db = await openBroadsheetDb({}, 'robust-quota');
    await ensureSource(db, source());
    await db.put('articles', { ...(await firstArticle(db)), id: 'ancient', publishedAt: NOW - 400 * 24 * 3600 * 1000 });
    const srv = counting(() => json(miniFeed()));
    const retried = await syncSource(deps(fullDb(db, 1), srv.fetchImpl), (await getSource(db, 'mini'))!);
    expect(retried).toMatchObject({ added: 3, error: null, evicted: ['ancient'] });

    await ensureSource(db, source({ id: 'other', url: 'https://news.example/other.json' }));
    const stuck = await syncSource(deps(fullDb(db, 100), counting(() => json(miniFeed())).fetchImpl), (await getSource(db, 'other'))!);
    expect(stuck).toMatchObject({ errorKind: 'storage', error: expect.stringMatching(/^Your device has no room left for new stories\./) });
    db.close();
  });
});

/** A stored-article-shaped record, taken from a real sync of the fixture feed in a scratch database. */
async function firstArticle(_db: Db) {
  const scratch = await openBroadsheetDb({}, `scratch-${Math.random()}`);
  await ensureSource(scratch, source());
  await syncSource(deps(scratch, counting(() => json(miniFeed())).fetchImpl), source());
  const [a] = await scratch.getAll('articles');
  scratch.close();
  return { ...a!, sourceId: 'mini' };
}
