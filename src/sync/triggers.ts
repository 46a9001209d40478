// When to sync: at start when stale, when the network comes back, and on a timer while visible.

/** What the triggers need from the app. */
export interface TriggerDeps {
  sync: () => Promise<unknown>;
  /** Time of the last finished sync, or null if never. */
  lastSyncAt: () => Promise<number | null>;
  /** Whether the reader can see the app (timers do not sync hidden tabs). */
  isVisible?: () => boolean;
  now?: () => number;
  /** A sync older than this is stale. */
  staleAfterMs?: number;
}

/** Default staleness: fresh enough for news, rare enough to spare a phone's battery. */
export const STALE_AFTER_MS = 15 * 60 * 1000;

/** Starts the triggers; returns a function that stops them. */
export function startSyncTriggers(deps: TriggerDeps): () => void {
  const staleAfter = deps.staleAfterMs ?? STALE_AFTER_MS;
  const now = deps.now ?? Date.now;
  const syncIfStale = async () => {
    const last = await deps.lastSyncAt();
    if (last === null || now() - last >= staleAfter) await deps.sync();
  };
  const onOnline = () => void deps.sync();
  globalThis.addEventListener('online', onOnline);
  const timer = setInterval(() => {
    if (deps.isVisible?.() ?? true) void syncIfStale();
  }, Math.min(staleAfter, 5 * 60 * 1000));
  void syncIfStale();
  return () => {
    globalThis.removeEventListener('online', onOnline);
    clearInterval(timer);
  };
}
