// Opening the database: migrations on upgrade, and letting go when a newer tab upgrades.
import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, migrate } from './migrations';
import { DB_NAME, type BroadsheetDB } from './schema';

/** An open Broadsheet database. */
export type Db = IDBPDatabase<BroadsheetDB>;

/** Callbacks for the two ways another tab can stand in the way of a schema change. */
export interface OpenHooks {
  /** Another tab holds an older version open; we wait for it. */
  onBlocked?: () => void;
  /** A newer version wants to upgrade, or another tab deletes the database (`deleted`): we closed our connection; the page should ask to reload. */
  onVersionChange?: (deleted: boolean) => void;
}

/** Opens (and if needed migrates) the Broadsheet database. */
export function openBroadsheetDb(hooks: OpenHooks = {}, name = DB_NAME): Promise<Db> {
  return openDB<BroadsheetDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      // A failed upgrade is reported once, by the rejected open; its `done` would be an uncaught duplicate.
      tx.done.catch(() => undefined);
      // idb waits for the returned promise only through the transaction; errors abort the upgrade.
      migrate(db, oldVersion, tx).catch((err) => {
        console.error('migration failed', err);
        tx.abort();
      });
    },
    blocked() {
      hooks.onBlocked?.();
    },
    blocking(_current, next, event) {
      (event.target as IDBDatabase).close();
      // A deletion ("Delete everything" in another tab) asks for no version.
      hooks.onVersionChange?.(next === null);
    },
  });
}
