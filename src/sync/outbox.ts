// Replaying the outbox: actions taken offline run when the network returns, one drain at a time.
import type { Db } from '../storage/db';
import { dueEntries, recordAttemptFailure, removeEntry, type OutboxKind, type StoredOutboxEntry } from '../storage/outbox-repo';
import { SourceFetchError } from '../sources/http';
import { nextOutboxAttempt } from './backoff';

/** Name of the Web Lock that lets one tab (or the worker) drain the outbox at a time. */
export const OUTBOX_LOCK = 'broadsheet-outbox';

/**
 * What to do for each kind of action. The page supplies 'save-url' (Readability needs a DOM);
 * a context without a handler for a kind leaves those entries waiting for one that has it.
 */
export type OutboxHandlers = Partial<Record<OutboxKind, (payload: { url: string }, entry: StoredOutboxEntry) => Promise<unknown>>>;

/** Effects a drain needs; tests inject a clock and connectivity. */
export interface DrainDeps {
  db: Db;
  now?: () => number;
  isOnline?: () => boolean;
  random?: () => number;
}

/** What a drain did; `skipped` when another context was draining. */
export type DrainResult = { skipped: true } | { skipped: false; done: number; failed: number; waiting: number };

/** Runs every due outbox entry once: done entries leave, failed ones back off, offline ones wait untouched. */
export async function drainOutbox(deps: DrainDeps, handlers: OutboxHandlers): Promise<DrainResult> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) return drain(deps, handlers);
  return locks.request(OUTBOX_LOCK, { ifAvailable: true }, (lock: Lock | null) =>
    lock ? drain(deps, handlers) : ({ skipped: true } as const),
  );
}

async function drain(deps: DrainDeps, handlers: OutboxHandlers): Promise<DrainResult> {
  const now = deps.now ?? Date.now;
  const online = deps.isOnline ?? (() => (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine ?? true);
  const result = { skipped: false as const, done: 0, failed: 0, waiting: 0 };
  for (const entry of await dueEntries(deps.db, now())) {
    const handler = handlers[entry.kind];
    if (!handler) {
      result.waiting++;
      continue;
    }
    try {
      await handler(entry.payload, entry);
      await removeEntry(deps.db, entry.id);
      result.done++;
    } catch (err) {
      // Offline is not the action's fault: it stays as it was, and the `online` event drains it.
      if (isOfflineFailure(err, online())) {
        result.waiting++;
        continue;
      }
      const message = err instanceof Error ? err.message : String(err);
      await recordAttemptFailure(deps.db, entry.id, message, nextOutboxAttempt(entry.attempts + 1, now(), deps.random));
      result.failed++;
    }
  }
  return result;
}

function isOfflineFailure(err: unknown, online: boolean): boolean {
  if (err instanceof SourceFetchError) return err.kind === 'offline' || (!online && (err.kind === 'network' || err.kind === 'timeout'));
  return !online && err instanceof TypeError;
}
