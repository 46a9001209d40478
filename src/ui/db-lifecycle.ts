// When two versions of Broadsheet share one database across tabs (DESIGN.md §3): the older tab lets
// go of its connection and asks to be reloaded; the newer tab, if an old one does not let go, says
// which tabs to close and carries on once they are gone.
import { signal, type ReadonlySignal } from '@preact/signals';
import type { Db, OpenHooks } from '../storage/db';
import { reloadIntoUpdate, updateReady } from './sw-bridge';

/** This tab's side of a schema change made by another tab. */
export interface DbLifecycle {
  /** A newer version took the database over, or another tab deleted it; this tab must reload to keep reading and saving. */
  readonly reloadNeeded: ReadonlySignal<boolean>;
  /** It was deleted ("Delete everything" in another tab), not upgraded. */
  readonly deletedElsewhere: ReadonlySignal<boolean>;
  /** Our upgrade waits for an older tab to close its connection. */
  readonly blocked: ReadonlySignal<boolean>;
  /** Pass to openBroadsheetDb. */
  readonly hooks: OpenHooks;
  /** Follows our own open: clears `blocked` once it succeeds; a database newer than this code also means "reload". */
  track(open: Promise<Db>): Promise<Db>;
  /** Reloads into the newest version (through a waiting service worker when there is one). */
  reload(): void;
}

/** True for the error IndexedDB throws on a connection we closed, or on a database newer than our code. */
export function isSupersededDbError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'InvalidStateError' || name === 'VersionError';
}

/**
 * Creates the model. `errors` (the window) is where unhandled rejections land: once we have let go,
 * later IndexedDB calls in this tab fail with InvalidStateError, and the banner already says why,
 * so those are not reported as crashes.
 */
export function createDbLifecycle(env: { reload: () => void; errors?: EventTarget }): DbLifecycle {
  const reloadNeeded = signal(false);
  const deletedElsewhere = signal(false);
  const blocked = signal(false);
  env.errors?.addEventListener('unhandledrejection', (event) => {
    const e = event as PromiseRejectionEvent;
    if (reloadNeeded.value && isSupersededDbError(e.reason)) e.preventDefault();
  });
  return {
    reloadNeeded,
    deletedElsewhere,
    blocked,
    hooks: {
      onBlocked: () => (blocked.value = true),
      onVersionChange: (deleted) => {
        deletedElsewhere.value ||= deleted;
        reloadNeeded.value = true;
      },
    },
    track(open) {
      return open.then(
        (db) => {
          blocked.value = false;
          return db;
        },
        (err: unknown) => {
          blocked.value = false;
          // Old code (e.g. a shell from an old cache) cannot open a database a newer version upgraded.
          if ((err as { name?: unknown } | null)?.name === 'VersionError') reloadNeeded.value = true;
          throw err;
        },
      );
    },
    reload: env.reload,
  };
}

/** Reloads the page, activating a waiting service worker first so the reload gets the new code. */
function reloadApp(): void {
  if (updateReady.value) reloadIntoUpdate();
  else window.location.reload();
}

/** The app's one instance, shared by main.tsx (hooks) and the Toasts (banner). */
export const dbLifecycle = createDbLifecycle({ reload: reloadApp, errors: typeof window === 'undefined' ? undefined : window });
