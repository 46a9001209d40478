// Protects the Sources page's model as a tester found it wanting: a name of only spaces is answered in
// the form (it threw, uncaught); a feed already followed is said to be so in its preview, a new Find
// clears the last notice, and a followed address leaves the box; limits of 1 read "1 story for 1 day".
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Source } from '../../../../src/domain/source';
import type { FetchedBody } from '../../../../src/sources/find-source';
import { openBroadsheetDb, type Db } from '../../../../src/storage/db';
import { ensureSource, getSource, listSources } from '../../../../src/storage/sources-repo';
import type { LibraryModel } from '../../../../src/ui/models/library';
import { createSourcesModel, newSource } from '../../../../src/ui/models/sources';

const FEED = 'https://news.example/feed.xml';
const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Good Feed</title><link>https://news.example/</link>
<item><title>One</title><link>https://news.example/1</link><guid>1</guid></item></channel></rss>`;

let db: Db;
let syncs = 0;

/** Just what the sources model uses of the library: the source list, refreshed from storage. */
function library(): LibraryModel {
  const sources = signal<Source[]>([]);
  const refresh = async () => void (sources.value = await listSources(db));
  const sync = async () => {
    syncs++;
    await refresh();
  };
  return { sources, refresh, sync, storiesChanged: refresh } as unknown as LibraryModel;
}

async function fetchBody(url: string): Promise<FetchedBody> {
  return { bytes: new TextEncoder().encode(RSS), contentType: 'application/rss+xml', link: null, finalUrl: url };
}

async function model() {
  const lib = library();
  await lib.refresh();
  return { lib, sources: createSourcesModel(Promise.resolve(db), lib, fetchBody) };
}

beforeEach(async () => {
  syncs = 0;
  db = await openBroadsheetDb({}, `sources-model-${Math.random()}`);
});
afterEach(() => db.close());

describe('renaming', () => {
  it('answers a name of only spaces with a message, and keeps the old name', async () => {
    await ensureSource(db, newSource('rss', FEED, 'Old name'));
    const { sources } = await model();
    const id = newSource('rss', FEED, '').id;
    await expect(sources.rename(id, '   ')).resolves.toBe('A source needs a name.');
    expect((await getSource(db, id))!.title).toBe('Old name');
    await expect(sources.rename(id, '  New name ')).resolves.toBeNull();
    expect((await getSource(db, id))!.title).toBe('New name');
  });

  it('answers a source removed meanwhile with a message, not an exception', async () => {
    const { sources } = await model();
    await expect(sources.rename('src-nothing', 'Name')).resolves.toBe('This source no longer exists.');
  });
});

describe('adding', () => {
  it('follows a found feed, says so, and empties the address box', async () => {
    const { lib, sources } = await model();
    sources.address.value = FEED;
    await sources.lookUp(sources.address.value);
    expect(sources.find.value.step).toBe('found');
    expect(sources.followed.value).toBeNull();
    await sources.confirm();
    expect(sources.notice.value).toBe('Added “Test Good Feed”.');
    expect(sources.address.value).toBe('');
    expect(lib.sources.value.map((s) => s.url)).toEqual([FEED]);
    expect(syncs).toBe(1);
  });

  it('says in the preview that a feed is already followed, and a new Find clears the last notice', async () => {
    const { lib, sources } = await model();
    await sources.lookUp(FEED);
    await sources.confirm();
    expect(sources.notice.value).toBe('Added “Test Good Feed”.');

    await sources.lookUp(FEED);
    expect(sources.notice.value).toBeNull();
    expect(sources.find.value.step).toBe('found');
    expect(sources.followed.value?.title).toBe('Test Good Feed');
    // Confirming anyway adds nothing.
    await sources.confirm();
    expect(lib.sources.value).toHaveLength(1);
    expect(syncs).toBe(1);
  });

  it('recognises the followed address written differently (host case, root slash)', async () => {
    await ensureSource(db, newSource('rss', 'https://news.example/', 'Site'));
    const { sources } = await model();
    await sources.lookUp('https://NEWS.example');
    expect(sources.followed.value?.title).toBe('Site');
  });
});

describe('limits', () => {
  it('words a limit of one story for one day in the singular', async () => {
    await ensureSource(db, newSource('rss', FEED, 'Feed'));
    const { sources } = await model();
    await expect(sources.setRetention(newSource('rss', FEED, '').id, 1, 1)).resolves.toBeNull();
    expect(sources.notice.value).toBe('Keeping at most 1 story for 1 day; saved and unfinished stories always stay.');
  });
});
