// Protects the outbox store: an action queued offline is kept (once) with its attempts and next time.
import { describe, expect, it } from 'vitest';
import { openBroadsheetDb } from '../../../src/storage/db';
import { dueEntries, enqueue, pendingEntries, recordAttemptFailure, removeEntry } from '../../../src/storage/outbox-repo';

describe('outbox repository', () => {
  it('queues an action once, lists it as pending and due, and records failures', async () => {
    const db = await openBroadsheetDb({}, 'outbox-repo');
    const a = await enqueue(db, { kind: 'save-url', payload: { url: 'https://news.example/a' } }, 10);
    const again = await enqueue(db, { kind: 'save-url', payload: { url: 'https://news.example/a' } }, 20);
    await enqueue(db, { kind: 'add-source', payload: { url: 'https://news.example/a' } }, 30);
    expect(again.id).toBe(a.id);
    expect((await pendingEntries(db)).map((e) => [e.kind, e.createdAt])).toEqual([['save-url', 10], ['add-source', 30]]);
    expect(await pendingEntries(db)).toContainEqual({ id: a.id, kind: 'save-url', payload: { url: 'https://news.example/a' }, createdAt: 10, attempts: 0, nextAttemptAt: 10, lastError: null });

    await recordAttemptFailure(db, a.id, 'The site answered 500.', 1000);
    expect((await dueEntries(db, 500)).map((e) => e.kind)).toEqual(['add-source']);
    expect((await dueEntries(db, 1000)).find((e) => e.id === a.id)).toMatchObject({ attempts: 1, lastError: 'The site answered 500.' });

    await removeEntry(db, a.id);
    expect(await pendingEntries(db)).toHaveLength(1);
    db.close();
  });
});
