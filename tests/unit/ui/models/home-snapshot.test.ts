// Protects the instant first screen: home's last list comes back from localStorage exactly, and a
// damaged, foreign or unwritable snapshot never breaks start-up (it is ignored, IndexedDB is read).
import { describe, expect, it } from 'vitest';
import { loadHomeSnapshot, saveHomeSnapshot, SNAPSHOT_KEY, type HomeSnapshot } from '../../../../src/ui/models/home-snapshot';
import type { ArticleSummary } from '../../../../src/storage/articles-repo';

const story = (id: string): ArticleSummary => ({
  id, sourceId: 's', guid: id, url: `https://news.example/${id}`, title: `Story ${id}`, dek: '', author: null, sections: ['World'],
  section: 'World', publishedAt: 1_700_000_000_000, updatedAt: null, baseUrl: 'https://news.example/', imageUrl: null, language: 'en',
  excerpt: `About ${id}`, wordCount: 300, cjkCount: 0, imageCount: 1, fetchedAt: 1,
});

const snapshot: HomeSnapshot = {
  latest: [story('a'), story('b')],
  sections: [{ name: 'World', count: 2, unread: 1 }],
  read: ['b'],
  continueReading: [story('c')],
  lastSyncAt: 1_700_000_100_000,
};

function memory(): Storage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, String(v)) } as Storage;
}

describe('home snapshot', () => {
  it('comes back exactly as saved', () => {
    const storage = memory();
    saveHomeSnapshot(snapshot, storage);
    expect(loadHomeSnapshot(storage)).toEqual(snapshot);
  });

  it('is null when nothing was saved', () => {
    expect(loadHomeSnapshot(memory())).toBeNull();
  });

  it.each([
    ['not JSON', '{"latest": ['],
    ['the wrong shape', JSON.stringify({ latest: 'a,b', sections: [], read: [] })],
    ['a story without a title', JSON.stringify({ ...snapshot, latest: [{ ...story('a'), title: 7 }] })],
    ['sections without counts', JSON.stringify({ ...snapshot, sections: [{ name: 'World' }] })],
    ['null', 'null'],
  ])('ignores %s', (_what, raw) => {
    const storage = memory();
    storage.setItem(SNAPSHOT_KEY, raw);
    expect(loadHomeSnapshot(storage)).toBeNull();
  });

  it('survives a storage that refuses writes or reads', () => {
    const full = { setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } } as unknown as Storage;
    expect(() => saveHomeSnapshot(snapshot, full)).not.toThrow();
    const blocked = { getItem: () => { throw new DOMException('denied', 'SecurityError'); } } as unknown as Storage;
    expect(loadHomeSnapshot(blocked)).toBeNull();
  });
});
