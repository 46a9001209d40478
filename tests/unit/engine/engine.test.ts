// Protects the library engine (sync + indexes, as the engine worker runs it): a sync resolves only
// once its stories are findable and related; evicted and removed stories disappear from answers;
// a batch stored while the indexes are still loading is not lost; stories stored elsewhere (another
// tab, a restore) become findable after reload(); near-duplicates are counted as coverage.
import { describe, expect, it, vi } from 'vitest';
import { deriveArticle } from '../../../src/domain/derive';
import { createEngine } from '../../../src/engine/engine';
import { LibraryIndex } from '../../../src/engine/library-index';
import { putArticleBatch } from '../../../src/storage/articles-repo';
import { openBroadsheetDb, type Db } from '../../../src/storage/db';
import { readIndexLog } from '../../../src/storage/index-log-read';
import { ensureSource, getSource } from '../../../src/storage/sources-repo';
import { sampleSource } from '../../../src/sync/sample-source';
import { deriveBatch } from '../../../src/sync/derive-batch';
import { APP, effects, NOW } from '../../fixtures/engine-effects';
import { miniFeed } from '../../fixtures/mini-feed';

// Each test's engines stop listening for other contexts' syncs when the test ends.
vi.mock('../../../src/sync/sync-channel', async (real) =>
  (await import('../../fixtures/sync-listeners')).listenersClosedAfterEach(await real<typeof import('../../../src/sync/sync-channel')>()),
);

const request = { corsProxy: null, appBase: APP };

async function fresh(name: string): Promise<Db> {
  return openBroadsheetDb({}, `engine-${name}`);
}

describe('the library engine', () => {
  it('resolves a sync only when its stories are searchable and have related stories', async () => {
    const db = await fresh('sync');
    const engine = createEngine(Promise.resolve(db), effects(() => miniFeed()));
    const summary = await engine.sync(request);
    expect(!summary.skipped && summary.added).toBe(3);
    const hits = await engine.search('ferry', 5);
    expect(hits.map((h) => h.id)).toHaveLength(1);
    // The port story shares "port"/"harbour" words with the ferry story (its "Also read").
    const ferryId = hits[0]!.id;
    const related = await engine.related(ferryId, 3);
    expect(related.hits.map((h) => h.id)).not.toContain(ferryId);
    expect(await engine.search('kestrel', 5)).toHaveLength(1);
    db.close();
  });

  it('gives each hit a snippet of its stored body, and says which stories are no longer stored', async () => {
    const db = await fresh('snippets');
    const engine = createEngine(Promise.resolve(db), effects(() => miniFeed()));
    await engine.sync(request);
    const [ferry] = await engine.search('ferry', 1);
    const [snippet, gone] = await engine.snippets([ferry!.id, 'not-stored'], 'ferry');
    expect(snippet!.ranges.length).toBeGreaterThan(0);
    for (const [a, b] of snippet!.ranges) expect(snippet!.text.slice(a, b).toLowerCase()).toMatch(/^ferr/);
    expect(gone).toBeUndefined();
    // A story that matched by its title alone has no body snippet.
    expect((await engine.snippets([ferry!.id], 'zzqxw'))[0]).toBeNull();
    db.close();
  });

  it('starts cold from the index log: the same answers, and no story read', async () => {
    const db = await fresh('cold');
    const first = createEngine(Promise.resolve(db), effects(() => miniFeed()));
    await first.sync(request);
    const ferry = (await first.search('ferry', 5))[0]!.id;
    // The first load left the log its base (an empty library), and the sync's batch followed it.
    await vi.waitFor(async () => expect((await readIndexLog(db))?.entries).toHaveLength(3));
    const getAll = vi.spyOn(db, 'getAll');
    const second = createEngine(Promise.resolve(db));
    expect(await second.search('kestrel', 5)).toEqual(await first.search('kestrel', 5));
    expect(await second.related(ferry, 3)).toEqual(await first.related(ferry, 3));
    expect(await second.coverage([ferry])).toEqual(await first.coverage([ferry]));
    expect(getAll.mock.calls.filter(([store]) => store === 'articles')).toEqual([]);
    db.close();
  });

  it('answers related stories at start before its search index is built, and searches once it is', async () => {
    const db = await fresh('steps');
    const first = createEngine(Promise.resolve(db), effects(() => miniFeed()));
    await first.sync(request);
    const ferry = (await first.search('ferry', 5))[0]!.id;
    const second = createEngine(Promise.resolve(db), effects(() => miniFeed()));
    const order: string[] = [];
    // Asked first, answered second: search waits for the slices; related does not.
    const searching = second.search('kestrel', 5).then((hits) => (order.push('search'), hits));
    const relating = second.related(ferry, 3).then((answer) => (order.push('related'), answer));
    // A sync started meanwhile waits for the search index too, so it reaches both indexes.
    const syncing = second.sync({ ...request, force: true });
    expect(await relating).toEqual(await first.related(ferry, 3));
    expect(await searching).toEqual(await first.search('kestrel', 5));
    expect(order).toEqual(['related', 'search']);
    await syncing;
    expect(await second.search('ferry', 5)).toEqual(await first.search('ferry', 5));
    db.close();
  });

  it('updates its answers with later syncs: new stories found, changed titles found by their new words', async () => {
    const db = await fresh('later');
    let edition = miniFeed();
    const engine = createEngine(Promise.resolve(db), effects(() => edition));
    await engine.sync(request);
    edition = miniFeed(
      [{ id: 'mini-4', url: 'https://news.example/science/glacier', title: 'Glacier retreat measured from orbit', content_text: 'Satellites show the glacier retreat.', date_published: '2026-11-21T09:00:00Z' }],
      { 'mini-2': { title: 'Port fees rise; quayside protest planned' } },
    );
    const second = await engine.sync(request);
    expect(!second.skipped && [second.added, second.updated]).toEqual([1, 1]);
    expect(await engine.search('glacier', 5)).toHaveLength(1);
    expect(await engine.search('quayside', 5)).toHaveLength(1);
    db.close();
  });

  it('never answers related stories from before a change (answers are remembered only until the library changes)', async () => {
    const db = await fresh('related-cache');
    let edition = miniFeed();
    const engine = createEngine(Promise.resolve(db), effects(() => edition));
    await engine.sync(request);
    const [ferry] = await engine.search('ferry', 1);
    await engine.prefetchRelated([ferry!.id], 3);
    const before = await engine.related(ferry!.id, 3);
    expect(await engine.related(ferry!.id, 3)).toEqual(before);
    edition = miniFeed([
      { id: 'mini-9', url: 'https://news.example/world/ferry-crew', title: 'Kestrel Bay ferry crew praised for night crossing', content_text: 'The night ferry crew at Kestrel Bay was praised after the crossing resumed.', date_published: '2026-11-21T09:00:00Z' },
    ]);
    await engine.sync(request);
    const [crew] = await engine.search('praised', 1);
    const after = await engine.related(ferry!.id, 3);
    expect([...after.hits.map((h) => h.id), ...after.duplicates]).toContain(crew!.id);
    db.close();
  });

  it('leaves a malformed stored story out of its answers instead of failing every answer', async () => {
    const db = await fresh('malformed');
    const source = { ...sampleSource(APP), id: 'other', url: 'https://wire.example/feed', kind: 'rss' as const };
    await ensureSource(db, source);
    const good = deriveArticle(
      { sourceId: 'other', guid: 'ok', url: 'https://wire.example/ok', title: 'Harbour reopens', dek: '', author: null, sections: [], publishedAt: NOW, updatedAt: null, contentHtml: '<p>The harbour reopens today.</p>', baseUrl: 'https://wire.example/', imageUrl: null, language: 'en' },
      NOW,
    );
    const bad = { ...good, id: 'bad', guid: 'bad', url: 'https://wire.example/bad', terms: { terms: ['harbour'], weights: [Number.NaN] } };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await putArticleBatch(db, [good, bad], source);
    const engine = createEngine(Promise.resolve(db), effects(() => miniFeed()));
    expect((await engine.search('harbour', 5)).map((h) => h.id)).toEqual([good.id]);
    // A sync whose derivation hands the indexes a story they refuse still ends well, and they still answer.
    const refused = createEngine(Promise.resolve(db), {
      ...effects(() => miniFeed()),
      derive: (items, now) => deriveBatch(items, now).map((o) => ('article' in o ? { article: { ...o.article, terms: { terms: ['x'], weights: [-1] } } } : o)),
    });
    const summary = await refused.sync(request);
    expect(!summary.skipped && summary.added).toBe(3);
    expect((await refused.search('harbour', 5)).map((h) => h.id)).toContain(good.id);
    vi.restoreAllMocks();
    db.close();
  });

  it('forgets stories that retention evicts during a sync', async () => {
    const db = await fresh('evict');
    let edition: object = miniFeed();
    const engine = createEngine(Promise.resolve(db), effects(() => edition));
    await engine.sync(request);
    expect(await engine.search('ferry', 5)).toHaveLength(1);
    // The source now keeps a day of news and the feed lists only the port story: the others are evicted.
    const sample = (await getSource(db, sampleSource(APP).id))!;
    await db.put('sources', { ...sample, retention: { maxAgeDays: 1, maxArticles: 500 } });
    edition = { ...miniFeed(), items: [miniFeed().items[1]] };
    const second = await engine.sync({ ...request, force: true });
    expect(!second.skipped && second.evicted).toHaveLength(2);
    expect(await engine.search('ferry', 5)).toEqual([]);
    expect(await engine.search('port', 5)).toHaveLength(1);
    db.close();
  });

  it('applies a batch stored while the indexes are still loading', async () => {
    const db = await fresh('race');
    let open!: (db: Db) => void;
    const engine = createEngine(new Promise<Db>((resolve) => (open = resolve)), effects(() => miniFeed()));
    const syncing = engine.sync(request);
    open(db);
    await syncing;
    expect(await engine.search('ferry', 5)).toHaveLength(1);
    db.close();
  });

  it('finds stories stored outside its own syncs after reload()', async () => {
    const db = await fresh('reload');
    const engine = createEngine(Promise.resolve(db), effects(() => miniFeed()));
    await engine.sync(request);
    const source = (await getSource(db, sampleSource(APP).id))!;
    const saved = deriveArticle(
      { sourceId: source.id, guid: 'x', url: 'https://other.example/lighthouse', title: 'Lighthouse keeper retires', dek: '', author: null, sections: [], publishedAt: NOW, updatedAt: null, contentHtml: '<p>After forty years the lighthouse keeper retires.</p>', baseUrl: 'https://other.example/', imageUrl: null, language: 'en' },
      NOW,
    );
    await putArticleBatch(db, [saved], source);
    expect(await engine.search('lighthouse', 5)).toEqual([]);
    await engine.reload();
    expect((await engine.search('lighthouse', 5)).map((h) => h.id)).toEqual([saved.id]);
    db.close();
  });

  it('counts the other sources that carried the same story', async () => {
    const db = await fresh('coverage');
    const engine = createEngine(Promise.resolve(db), effects(() => miniFeed()));
    await engine.sync(request);
    const [ferry] = await engine.search('ferry', 1);
    const copy = deriveArticle(
      { sourceId: 'other', guid: 'copy', url: 'https://wire.example/ferry', title: 'Night ferry returns to Kestrel Bay', dek: 'The crossing resumes after a winter of repairs.', author: null, sections: ['World'], publishedAt: NOW, updatedAt: null, contentHtml: '<p>The night ferry to Kestrel Bay sailed again on Tuesday.</p>', baseUrl: 'https://wire.example/', imageUrl: null, language: 'en' },
      NOW,
    );
    await ensureSource(db, { ...sampleSource(APP), id: 'other', url: 'https://wire.example/feed', kind: 'rss' });
    await putArticleBatch(db, [copy], (await getSource(db, 'other'))!);
    await engine.reload();
    expect(await engine.coverage([ferry!.id, 'unknown'])).toEqual([1, 0]);
    expect((await engine.related(ferry!.id, 3)).duplicates).toEqual([copy.id]);
    db.close();
  });

  it('readies search once per index, answering the same before and after', async () => {
    const db = await fresh('prepare');
    const engine = createEngine(Promise.resolve(db), effects(() => miniFeed()));
    await engine.sync(request);
    const before = await engine.search('ferry', 5);
    const find = vi.spyOn(LibraryIndex.prototype, 'find');
    try {
      await engine.prepareSearch();
      const practised = find.mock.calls.length;
      expect(practised).toBeGreaterThan(0);
      await engine.prepareSearch();
      expect(find.mock.calls.length).toBe(practised);
      // A rebuilt index is practised again.
      await engine.reload();
      await engine.prepareSearch();
      expect(find.mock.calls.length).toBe(practised * 2);
    } finally {
      find.mockRestore();
    }
    expect(await engine.search('ferry', 5)).toEqual(before);
    db.close();
  });
});
