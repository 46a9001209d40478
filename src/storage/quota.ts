// How much room the app's storage takes and may take, and asking the browser to keep it.

/** Bytes used and available to this origin, and whether storage is persistent (null: unknown). */
export interface StorageUse {
  usage: number;
  quota: number;
  persisted: boolean | null;
}

// Typed loosely: persist() exists only in pages, estimate() in pages and workers, neither in old Safari.
interface StorageLike {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

function storageManager(): StorageLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageLike } }).navigator?.storage;
}

/** Storage used and quota from navigator.storage.estimate(); null where the browser cannot tell. */
export async function storageEstimate(storage: StorageLike | undefined = storageManager()): Promise<StorageUse | null> {
  if (!storage?.estimate) return null;
  const { usage = 0, quota = 0 } = await storage.estimate();
  const persisted = storage.persisted ? await storage.persisted().catch(() => null) : null;
  return { usage, quota, persisted };
}

/** Asks the browser not to evict our data under pressure; true if granted, null where unsupported. */
export async function requestPersistence(storage: StorageLike | undefined = storageManager()): Promise<boolean | null> {
  if (!storage?.persist) return null;
  if (storage.persisted && (await storage.persisted())) return true;
  return storage.persist();
}

/** "12.3 MB of 1.2 GB": storage figures for a settings page. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return i === 0 ? `${Math.round(value)} ${units[0]}` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[i]}`;
}

/** Whether an error is the browser refusing a write because storage is full. */
export function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || (err as { inner?: { name?: unknown } } | null)?.inner?.name === 'QuotaExceededError';
}
