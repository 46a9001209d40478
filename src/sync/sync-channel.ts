// Finished syncs are announced on one BroadcastChannel, so every tab, the page's engine worker and
// the service worker learn that stored stories changed, whoever synced them.

/** BroadcastChannel on which a finished sync is announced. */
export const SYNC_CHANNEL = 'broadsheet-sync';

/** This JavaScript context's id: a listener in the same context skips its own announcements. */
export const CONTEXT_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `ctx-${Math.random()}`;

/** What a finished sync announces. */
export interface SyncAnnouncement {
  type: 'sync-finished';
  /** CONTEXT_ID of the context that synced. */
  from: string;
  added: number;
  updated: number;
  evicted: string[];
  finishedAt: number;
}

/** Tells every other context that a sync finished. */
export function announceSync(message: Omit<SyncAnnouncement, 'type' | 'from'>): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(SYNC_CHANNEL);
  channel.postMessage({ type: 'sync-finished', from: CONTEXT_ID, ...message } satisfies SyncAnnouncement);
  channel.close();
}

/** Calls `listener` for syncs finished in other contexts; returns a function that stops listening. */
export function onSyncAnnounced(listener: (message: SyncAnnouncement) => void, ignoreFrom: () => ReadonlySet<string> = () => new Set()): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(SYNC_CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    const message = event.data as Partial<SyncAnnouncement> | null;
    if (message?.type !== 'sync-finished' || message.from === CONTEXT_ID || ignoreFrom().has(String(message.from))) return;
    listener(message as SyncAnnouncement);
  };
  return () => channel.close();
}
