// Protects freeing space: evicted articles' images leave the image cache, other images stay.
import { describe, expect, it } from 'vitest';
import { IMAGE_CACHE } from '../../../src/storage/image-cache';
import { purgeImages } from '../../../src/sync/purge-images';

function fakeCaches(names: Record<string, string[]>) {
  const stores = new Map(Object.entries(names).map(([n, urls]) => [n, new Set(urls)]));
  return {
    stores,
    api: {
      has: async (n: string) => stores.has(n),
      open: async (n: string) => {
        const set = stores.get(n) ?? new Set<string>();
        stores.set(n, set);
        return { delete: async (url: string) => set.delete(url) };
      },
    } as unknown as CacheStorage,
  };
}

describe('purgeImages', () => {
  it('deletes the given URLs from the image cache only', async () => {
    const c = fakeCaches({ [IMAGE_CACHE]: ['https://a.example/1.jpg', 'https://a.example/2.jpg'], other: ['https://a.example/1.jpg'] });
    expect(await purgeImages(['https://a.example/1.jpg', 'https://a.example/missing.jpg'], c.api)).toBe(1);
    expect([...c.stores.get(IMAGE_CACHE)!]).toEqual(['https://a.example/2.jpg']);
    expect([...c.stores.get('other')!]).toEqual(['https://a.example/1.jpg']);
  });

  it('does nothing (and creates no cache) without Cache Storage or an image cache', async () => {
    expect(await purgeImages(['https://a.example/1.jpg'], undefined)).toBe(0);
    const c = fakeCaches({});
    expect(await purgeImages(['https://a.example/1.jpg'], c.api)).toBe(0);
    expect(c.stores.size).toBe(0);
  });
});
