// Dropping evicted articles' images from the image cache, so retention frees real space.
import { IMAGE_CACHE } from '../storage/image-cache';

/** Deletes these image URLs from the image Cache Storage; returns how many were there. No-op without Cache Storage. */
export async function purgeImages(urls: readonly string[], cacheStorage: CacheStorage | undefined = globalThis.caches): Promise<number> {
  if (!cacheStorage || urls.length === 0) return 0;
  // has() first: opening a cache that does not exist would create an empty one.
  if (!(await cacheStorage.has(IMAGE_CACHE))) return 0;
  const cache = await cacheStorage.open(IMAGE_CACHE);
  const deleted = await Promise.all(urls.map((url) => cache.delete(url).catch(() => false)));
  return deleted.filter(Boolean).length;
}
