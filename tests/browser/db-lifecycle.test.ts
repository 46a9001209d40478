// Protects readers with Broadsheet open in several tabs while it updates, in real Chromium IndexedDB:
// an old tab lets go of the database at once (the new version is never stuck) and asks to reload;
// a new tab held up by an old one says so and finishes its upgrade once that tab closes.
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBroadsheetDb } from '../../src/storage/db';
import { DB_VERSION, upgradeToV1 } from '../../src/storage/migrations';
import { createDbLifecycle, isSupersededDbError } from '../../src/ui/db-lifecycle';

const names: string[] = [];
const freshName = () => {
  const name = `broadsheet-lifecycle-${crypto.randomUUID()}`;
  names.push(name);
  return name;
};

/** Opens `name` at `version` the way a newer build would, reporting whether it was blocked. */
function rawOpen(name: string, version: number): Promise<{ db: IDBDatabase; blocked: boolean }> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    const req = indexedDB.open(name, version);
    req.onblocked = () => (blocked = true);
    req.onsuccess = () => resolve({ db: req.result, blocked });
    req.onerror = () => reject(req.error);
  });
}

afterEach(async () => {
  for (const name of names.splice(0)) {
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = req.onerror = req.onblocked = resolve;
    });
  }
});

describe('database lifecycle across tabs', () => {
  it('a tab whose database another tab deletes ("Delete everything") lets go and knows it was deleted, not upgraded', async () => {
    const name = freshName();
    const lifecycle = createDbLifecycle({ reload: vi.fn(), errors: new EventTarget() });
    await lifecycle.track(openBroadsheetDb(lifecycle.hooks, name));
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('the tab did not let go'));
    });
    expect(lifecycle.reloadNeeded.value).toBe(true);
    expect(lifecycle.deletedElsewhere.value).toBe(true);
  });

  it('an old tab lets go when a newer version opens the database, and asks to reload', async () => {
    const name = freshName();
    const reload = vi.fn();
    const errors = new EventTarget();
    const lifecycle = createDbLifecycle({ reload, errors });
    const old = await lifecycle.track(openBroadsheetDb(lifecycle.hooks, name));
    expect(old.version).toBe(DB_VERSION);
    expect(lifecycle.reloadNeeded.value).toBe(false);

    const newer = await rawOpen(name, DB_VERSION + 1);
    expect(newer.db.version).toBe(DB_VERSION + 1);
    expect(newer.blocked).toBe(false);
    expect(lifecycle.reloadNeeded.value).toBe(true);
    expect(lifecycle.deletedElsewhere.value).toBe(false);

    // Later reads in the old tab fail with an error the app recognises (the banner explains it) ...
    const later = old.get('articles', 'any');
    await expect(later).rejects.toSatisfy(isSupersededDbError);
    // ... and, left unhandled, they are not reported as crashes.
    const unhandled = new PromiseRejectionEvent('unhandledrejection', { promise: later, reason: await later.catch((e: unknown) => e), cancelable: true });
    errors.dispatchEvent(unhandled);
    expect(unhandled.defaultPrevented).toBe(true);

    lifecycle.reload();
    expect(reload).toHaveBeenCalledOnce();
    newer.db.close();
  });

  it('other failures still surface before any newer version appeared', () => {
    const errors = new EventTarget();
    createDbLifecycle({ reload: () => undefined, errors });
    const event = new PromiseRejectionEvent('unhandledrejection', {
      promise: Promise.resolve(),
      reason: new DOMException('closing', 'InvalidStateError'),
      cancelable: true,
    });
    errors.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('a new version blocked by an old tab says so, then upgrades once that tab closes', async () => {
    const name = freshName();
    // An old tab at version 1 that never lets go (no versionchange handler).
    const v1 = await openDB(name, 1, { upgrade: (db) => upgradeToV1(db) });
    await v1.put('meta', 42, 'marker');
    const lifecycle = createDbLifecycle({ reload: () => undefined });
    const opening = lifecycle.track(openBroadsheetDb(lifecycle.hooks, name));
    await vi.waitFor(() => expect(lifecycle.blocked.value).toBe(true));

    v1.close();
    const db = await opening;
    expect(db.version).toBe(DB_VERSION);
    expect(lifecycle.blocked.value).toBe(false);
    expect(await db.get('meta', 'marker')).toBe(42);
    db.close();
  });

  it('a tab running older code than the stored database asks to reload', async () => {
    const name = freshName();
    const newer = await rawOpen(name, DB_VERSION + 1);
    newer.db.close();
    const lifecycle = createDbLifecycle({ reload: () => undefined });
    await expect(lifecycle.track(openBroadsheetDb(lifecycle.hooks, name))).rejects.toMatchObject({ name: 'VersionError' });
    expect(lifecycle.reloadNeeded.value).toBe(true);
  });
});
