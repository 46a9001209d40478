// The outbox store: actions the reader took offline (save a URL, add a source), kept until done.
import type { Db } from './db';
import type { OutboxEntry } from './schema';

/** Kinds of action the outbox replays. */
export type OutboxKind = OutboxEntry['kind'];

/** A stored entry (always has its id). */
export type StoredOutboxEntry = OutboxEntry & { id: number };

/** Queues an action to run as soon as possible; the same kind and URL already waiting is not queued twice. */
export async function enqueue(db: Db, action: { kind: OutboxKind; payload: { url: string } }, now = Date.now()): Promise<StoredOutboxEntry> {
  const tx = db.transaction('outbox', 'readwrite');
  const existing = (await tx.store.getAll()).find((e) => e.kind === action.kind && e.payload.url === action.payload.url);
  if (existing) {
    await tx.done;
    return existing as StoredOutboxEntry;
  }
  const entry: OutboxEntry = { kind: action.kind, payload: { url: action.payload.url }, createdAt: now, attempts: 0, nextAttemptAt: now, lastError: null };
  const id = await tx.store.add(entry);
  await tx.done;
  return { ...entry, id };
}

/** Every waiting entry, oldest first (for the "pending" list). */
export async function pendingEntries(db: Db): Promise<StoredOutboxEntry[]> {
  return (await db.getAll('outbox')) as StoredOutboxEntry[];
}

/** Entries whose next attempt is due at `now`, soonest first. */
export async function dueEntries(db: Db, now: number): Promise<StoredOutboxEntry[]> {
  return (await db.getAllFromIndex('outbox', 'by-next-attempt', IDBKeyRange.upperBound(now))) as StoredOutboxEntry[];
}

/** Removes an entry (done, or cancelled by the reader). */
export async function removeEntry(db: Db, id: number): Promise<void> {
  await db.delete('outbox', id);
}

/** Records a failed attempt: one more attempt, the error, and when to try next. */
export async function recordAttemptFailure(db: Db, id: number, error: string, nextAttemptAt: number): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  const entry = await tx.store.get(id);
  if (entry) await tx.store.put({ ...entry, attempts: entry.attempts + 1, lastError: error, nextAttemptAt });
  await tx.done;
}
