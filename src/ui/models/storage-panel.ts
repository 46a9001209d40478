// The storage panel: how much room Broadsheet takes, persistence, and clearing images or everything.
import { signal } from '@preact/signals';
import type { Db } from '../../storage/db';
import { DB_NAME } from '../../storage/schema';
import { IMAGE_CACHE } from '../../storage/image-cache';
import { requestPersistence, storageEstimate, type StorageUse } from '../../storage/quota';

/** Creates the storage-panel model. */
export function createStoragePanelModel(dbReady: Promise<Db>) {
  const use = signal<StorageUse | null>(null);
  const message = signal<string | null>(null);

  /** Reads usage, quota and persistence from the browser. */
  async function refresh(): Promise<void> {
    use.value = await storageEstimate();
  }

  /** Asks the browser to keep our data under storage pressure, and says what it answered. */
  async function persist(): Promise<void> {
    const granted = await requestPersistence();
    message.value =
      granted === null
        ? 'This browser cannot keep storage persistent.'
        : granted
          ? 'Storage is persistent: the browser will not clear your stories to free space.'
          : 'The browser declined for now (it often grants this to installed or frequently used apps).';
    await refresh();
  }

  /** Empties the image cache; stories stay, images download again when next shown online. */
  async function clearImages(): Promise<void> {
    const removed = 'caches' in globalThis && (await caches.delete(IMAGE_CACHE));
    message.value = removed ? 'Cached images cleared.' : 'There were no cached images.';
    await refresh();
  }

  /** Deletes every story, reader state, source and setting on this device, then starts afresh. */
  async function deleteEverything(): Promise<void> {
    (await dbReady).close();
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(DB_NAME);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
      // Other tabs close their connection on versionchange; if one cannot, say so rather than hang.
      req.onblocked = () => (message.value = 'Close other Broadsheet tabs to finish deleting.');
    });
    if ('caches' in globalThis) await caches.delete(IMAGE_CACHE);
    localStorage.clear();
    window.location.assign('/');
  }

  return { use, message, refresh, persist, clearImages, deleteEverything };
}

/** The storage-panel model's public shape. */
export type StoragePanelModel = ReturnType<typeof createStoragePanelModel>;
