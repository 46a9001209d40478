// When to sync: at start when stale or when a source has never synced, when the network comes back, and on a timer while visible;
// and when to replay the outbox: at start and when the network comes back.

/** What the triggers need from the app. */
export interface TriggerDeps {
  sync: () => Promise<unknown>;
  /** Time of the last finished sync, or null if never. */
  lastSyncAt: () => Promise<number | null>;
  /** Whether a followed source has never been synced (added just before a sync was cut short by a reload or a closed tab). */
  neverSynced?: () => Promise<boolean>;
  /** Whether the reader can see the app (timers do not sync hidden tabs). */
  isVisible?: () => boolean;
  /** Replays actions taken offline (see outbox.ts). */
  drainOutbox?: () => Promise<unknown>;
  now?: () => number;
  /** A sync older than this is stale. */
  staleAfterMs?: number;
  /** Where `online` events come from (default: globalThis). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

/** Default staleness: fresh enough for news, rare enough to spare a phone's battery. */
export const STALE_AFTER_MS = 15 * 60 * 1000;

/** Starts the triggers; returns a function that stops them. */
export function startSyncTriggers(deps: TriggerDeps): () => void {
  const staleAfter = deps.staleAfterMs ?? STALE_AFTER_MS;
  const now = deps.now ?? Date.now;
  const events = deps.events ?? globalThis;
  // A trigger's failure must not become an unhandled rejection: the models report their own errors.
  const run = (task: (() => Promise<unknown>) | undefined) => void task?.().catch((err) => console.warn('sync trigger:', err));
  // When these triggers last started a sync. "Last synced" moves on only when news arrives, so on a
  // train with no signal the last sync stays stale: without this, every timer tick would sync again.
  let triedAt = -Infinity;
  const syncIfStale = async () => {
    if (now() - triedAt < staleAfter) return;
    const last = await deps.lastSyncAt();
    if (last === null || now() - last >= staleAfter || (await deps.neverSynced?.())) {
      triedAt = now();
      await deps.sync();
    }
  };
  const onOnline = () => {
    run(deps.drainOutbox);
    run(deps.sync);
  };
  events.addEventListener('online', onOnline);
  const timer = setInterval(() => {
    if (deps.isVisible?.() ?? true) run(syncIfStale);
  }, Math.min(staleAfter, 5 * 60 * 1000));
  run(deps.drainOutbox);
  run(syncIfStale);
  return () => {
    events.removeEventListener('online', onOnline);
    clearInterval(timer);
  };
}
