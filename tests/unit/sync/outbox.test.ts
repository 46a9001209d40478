// Protects replaying actions taken offline: success removes the entry, failure backs off with the
// error kept for the reader, offline leaves the entry untouched, and kinds without a handler wait.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SourceFetchError } from '../../../src/sources/http';
import { openBroadsheetDb } from '../../../src/storage/db';
import { enqueue, pendingEntries } from '../../../src/storage/outbox-repo';
import { OUTBOX_BACKOFF } from '../../../src/sync/backoff';
import { drainOutbox } from '../../../src/sync/outbox';

const URL_ = 'https://news.example/story';
const base = { now: () => 1000, random: () => 0, isOnline: () => true };

describe('drainOutbox', () => {
  it('runs a due entry and removes it on success', async () => {
    const db = await openBroadsheetDb({}, 'drain-ok');
    await enqueue(db, { kind: 'save-url', payload: { url: URL_ } }, 0);
    const saved: string[] = [];
    const result = await drainOutbox({ db, ...base }, { 'save-url': async ({ url }) => void saved.push(url) });
    expect(result).toEqual({ skipped: false, done: 1, failed: 0, waiting: 0 });
    expect(saved).toEqual([URL_]);
    expect(await pendingEntries(db)).toEqual([]);
    db.close();
  });

  it('backs a failed entry off, keeps the error, and does not retry it before it is due', async () => {
    const db = await openBroadsheetDb({}, 'drain-fail');
    await enqueue(db, { kind: 'save-url', payload: { url: URL_ } }, 0);
    let calls = 0;
    const failing = { 'save-url': async () => { calls++; throw new SourceFetchError('The site answered 500 Internal Server Error.', 500, 'http'); } };
    expect(await drainOutbox({ db, ...base }, failing)).toMatchObject({ done: 0, failed: 1 });
    const [entry] = await pendingEntries(db);
    expect(entry).toMatchObject({ attempts: 1, lastError: 'The site answered 500 Internal Server Error.', nextAttemptAt: 1000 + OUTBOX_BACKOFF.baseDelayMs / 2 });

    await drainOutbox({ db, ...base, now: () => 2000 }, failing);
    expect(calls).toBe(1);
    await drainOutbox({ db, ...base, now: () => 1000 + OUTBOX_BACKOFF.baseDelayMs }, failing);
    expect((await pendingEntries(db))[0]).toMatchObject({ attempts: 2, nextAttemptAt: 1000 + OUTBOX_BACKOFF.baseDelayMs * 2 });
    db.close();
  });

  it('leaves an entry pending and unchanged when the network fails while offline', async () => {
    const db = await openBroadsheetDb({}, 'drain-offline');
    const queued = await enqueue(db, { kind: 'add-source', payload: { url: URL_ } }, 0);
    const result = await drainOutbox({ db, ...base, isOnline: () => false }, { 'add-source': async () => { throw new TypeError('Failed to fetch'); } });
    expect(result).toMatchObject({ done: 0, failed: 0, waiting: 1 });
    expect(await pendingEntries(db)).toEqual([queued]);
    db.close();
  });

  it('leaves kinds this context cannot run for one that can (the worker has no DOM for save-url)', async () => {
    const db = await openBroadsheetDb({}, 'drain-nohandler');
    const queued = await enqueue(db, { kind: 'save-url', payload: { url: URL_ } }, 0);
    expect(await drainOutbox({ db, ...base }, {})).toMatchObject({ waiting: 1 });
    expect(await pendingEntries(db)).toEqual([queued]);
    db.close();
  });
});

describe('one drain at a time', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('skips when another tab or the worker holds the outbox lock', async () => {
    const db = await openBroadsheetDb({}, 'drain-locked');
    await enqueue(db, { kind: 'save-url', payload: { url: URL_ } }, 0);
    const requested: string[] = [];
    const held = { request: async (name: string, _opts: unknown, cb: (lock: null) => unknown) => (requested.push(name), cb(null)) };
    vi.stubGlobal('navigator', { locks: held, onLine: true });
    let calls = 0;
    expect(await drainOutbox({ db, ...base }, { 'save-url': async () => void calls++ })).toEqual({ skipped: true });
    expect(requested).toEqual(['broadsheet-outbox']);
    expect(calls).toBe(0);
    db.close();
  });
});
