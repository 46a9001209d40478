// Protects the instant first screen in the library model: a first visit lists the built-in edition's
// first screen (fetched as the page starts) and keeps listing it while the database is still empty
// (the first sync has not stored it yet), then shows what is stored; a returning reader's
// remembered screen wins, and what refresh() reads is remembered for the next start.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../../src/engine/engine';
import { deriveArticle } from '../../../../src/domain/derive';
import { putArticleBatch } from '../../../../src/storage/articles-repo';
import { openBroadsheetDb, type Db } from '../../../../src/storage/db';
import { setMeta } from '../../../../src/storage/meta-repo';
import { ensureSource } from '../../../../src/storage/sources-repo';
import { sampleSource } from '../../../../src/sync/sample-source';
import { FIRST_SCREEN_BASE, loadHomeSnapshot, SNAPSHOT_KEY, type HomeSnapshot } from '../../../../src/ui/models/home-snapshot';
import { createLibraryModel } from '../../../../src/ui/models/library';

const APP = 'https://app.example/';
const engine = {} as Engine;

function story(id: string, sourceId: string, publishedAt: number) {
  return deriveArticle(
    { sourceId, guid: id, url: `https://news.example/${id}`, title: `Story ${id}`, dek: '', author: null, sections: ['World'], publishedAt, updatedAt: null, contentHtml: `<p>Body of ${id}.</p><img src="${FIRST_SCREEN_BASE}sample/images/${id}.svg">`, baseUrl: 'https://news.example/', imageUrl: `${FIRST_SCREEN_BASE}sample/images/${id}.svg`, language: 'en' },
    1,
  );
}

/** The first screen as its file's text arrives from the page's head script. */
const fetched = (snapshot: HomeSnapshot) => Promise.resolve(JSON.stringify(snapshot));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const { contentHtml: _c, plainText: _p, terms: _t, ...embeddedStory } = story('a', 'sample', 3000);
const embedded: HomeSnapshot = { latest: [embeddedStory], sections: [{ name: 'World', count: 1, unread: 1 }], read: [], continueReading: [], lastSyncAt: null };

let db: Db;

/** What the first sync leaves behind: the sample source, one story of it, and the time it ended. */
async function firstSyncStored() {
  const source = sampleSource(APP);
  await ensureSource(db, source);
  const b = story('b', source.id, 5000);
  await putArticleBatch(db, [b], source);
  await setMeta(db, 'lastSyncAt', 9000);
  return { source, b };
}

beforeEach(async () => {
  localStorage.clear();
  db = await openBroadsheetDb({}, `library-first-${Math.random()}`);
});
afterEach(() => {
  db.close();
});

describe('the first screen', () => {
  it('lists the built-in first screen, with its URLs under this app, and keeps it while nothing is stored', async () => {
    const library = createLibraryModel(Promise.resolve(db), engine, { appBase: APP, firstScreen: fetched(embedded) });
    await settle();
    expect(library.latest.value?.map((a) => a.id)).toEqual([embeddedStory.id]);
    expect(library.latest.value?.[0]?.imageUrl).toBe(`${APP}sample/images/a.svg`);
    await library.refresh();
    expect(library.latest.value?.map((a) => a.id)).toEqual([embeddedStory.id]);
    expect(loadHomeSnapshot()).toBeNull(); // a provisional screen is not remembered
  });

  it('shows what is stored once the first sync has stored it, and remembers it', async () => {
    const library = createLibraryModel(Promise.resolve(db), engine, { appBase: APP, firstScreen: fetched(embedded) });
    const { source, b } = await firstSyncStored();
    await library.refresh();
    expect(library.latest.value?.map((a) => a.id)).toEqual([b.id]);
    expect(loadHomeSnapshot()?.latest.map((a) => a.id)).toEqual([b.id]);
  });

  it('an empty library after a sync is shown as empty', async () => {
    const library = createLibraryModel(Promise.resolve(db), engine, { appBase: APP, firstScreen: fetched(embedded) });
    await settle();
    await setMeta(db, 'lastSyncAt', 9000);
    await library.refresh();
    expect(library.latest.value).toEqual([]);
  });

  it('prefers the reader’s remembered screen to the built-in one', async () => {
    const { contentHtml: _c2, plainText: _p2, terms: _t2, ...mine } = story('mine', 'rss', 7000);
    localStorage.setItem(SNAPSHOT_KEY, JSON.stringify({ ...embedded, latest: [mine], lastSyncAt: 8000 }));
    const library = createLibraryModel(Promise.resolve(db), engine, { appBase: APP, firstScreen: fetched(embedded) });
    expect(library.latest.value?.map((a) => a.id)).toEqual([mine.id]);
    await settle();
    expect(library.latest.value?.map((a) => a.id)).toEqual([mine.id]);
    expect(library.lastSyncAt.value).toBe(8000);
  });

  it('shows the stored stories, not the built-in screen, when the database answers first', async () => {
    let arrive!: (text: string) => void;
    const library = createLibraryModel(Promise.resolve(db), engine, { appBase: APP, firstScreen: new Promise<string>((r) => (arrive = r)) });
    const { source, b } = await firstSyncStored();
    await library.refresh();
    arrive(JSON.stringify(embedded));
    await settle();
    expect(library.latest.value?.map((a) => a.id)).toEqual([b.id]);
  });

  it('shows what is stored (nothing) when the first sync fails before storing anything', async () => {
    const failing = { sync: () => Promise.reject(new Error('no network')) } as unknown as Engine;
    const library = createLibraryModel(Promise.resolve(db), failing, { appBase: APP, firstScreen: fetched(embedded) });
    await settle();
    expect(library.showingBuiltInScreen()).toBe(true);
    await library.sync();
    expect(library.showingBuiltInScreen()).toBe(false);
    expect(library.latest.value).toEqual([]);
    expect(library.lastOutcome.value).toMatch(/Sync failed: no network/);
  });

  it('waits for the sync when the built-in screen cannot be fetched', async () => {
    const library = createLibraryModel(Promise.resolve(db), engine, { appBase: APP, firstScreen: Promise.resolve(null) });
    await library.refresh();
    await settle();
    expect(library.latest.value).toBeNull(); // "Loading your stories…", not "No stories yet"
  });

  it('keeps the lists on screen when a refresh reads back the same stories, and replaces them when one changed', async () => {
    const { source, b } = await firstSyncStored();
    const library = createLibraryModel(Promise.resolve(db), engine, { appBase: APP });
    await library.refresh();
    const shown = { latest: library.latest.value, sections: library.sections.value, read: library.read.value };
    await library.refresh();
    expect(library.latest.value).toBe(shown.latest);
    expect(library.sections.value).toBe(shown.sections);
    expect(library.read.value).toBe(shown.read);
    await putArticleBatch(db, [{ ...b, title: 'Story b, corrected' }], source);
    await library.refresh();
    expect(library.latest.value).not.toBe(shown.latest);
    expect(library.latest.value?.[0]?.title).toBe('Story b, corrected');
  });
});

