// Protects when sync and outbox replay happen: at start (sync only when stale), and when the network returns.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSyncTriggers } from '../../../src/sync/triggers';

afterEach(() => vi.useRealTimers());

describe('startSyncTriggers', () => {
  it('drains the outbox at start and syncs only when stale', async () => {
    const calls: string[] = [];
    const events = new EventTarget();
    const stop = startSyncTriggers({
      sync: async () => void calls.push('sync'), drainOutbox: async () => void calls.push('drain'),
      lastSyncAt: async () => 1000, now: () => 2000, staleAfterMs: 60_000, events,
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['drain']);
    events.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['drain', 'drain', 'sync']);
    stop();
    events.dispatchEvent(new Event('online'));
    expect(calls).toHaveLength(3);
  });

  it('keeps the old API: sync at start when never synced, timer while visible', async () => {
    vi.useFakeTimers();
    let syncs = 0;
    const stop = startSyncTriggers({ sync: async () => void syncs++, lastSyncAt: async () => null, isVisible: () => true, staleAfterMs: 60_000, events: new EventTarget() });
    await vi.advanceTimersByTimeAsync(0);
    expect(syncs).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(syncs).toBe(2);
    stop();
  });

  it('syncs at start, however fresh the last sync, while a source has never synced (a sync cut short by a reload)', async () => {
    let syncs = 0;
    let unsynced = true;
    const stop = startSyncTriggers({
      sync: async () => void syncs++, lastSyncAt: async () => 1000, now: () => 2000, staleAfterMs: 60_000,
      neverSynced: async () => unsynced, events: new EventTarget(),
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(syncs).toBe(1);
    stop();
    unsynced = false;
    const again = startSyncTriggers({
      sync: async () => void syncs++, lastSyncAt: async () => 1000, now: () => 2000, staleAfterMs: 60_000,
      neverSynced: async () => unsynced, events: new EventTarget(),
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(syncs).toBe(1);
    again();
  });

  it('while syncs get nothing (no signal), tries once per staleness period, not at every timer tick', async () => {
    vi.useFakeTimers();
    let syncs = 0;
    const stop = startSyncTriggers({
      sync: async () => void syncs++, lastSyncAt: async () => 0, now: () => Date.now(), isVisible: () => true,
      staleAfterMs: 15 * 60_000, events: new EventTarget(),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(syncs).toBe(1);
    // Three timer ticks (every 5 minutes) within the 15 minutes: "last synced" never moved, yet no new try.
    await vi.advanceTimersByTimeAsync(14 * 60_000);
    expect(syncs).toBe(1);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(syncs).toBe(2);
    stop();
  });
});
