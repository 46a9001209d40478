// What the reader did in one tab (saved, read, marked all read, restored a backup), told to the
// app's other tabs so their lists, counts and buttons agree. Syncs have their own channel
// (sync/sync-channel.ts); this one is for the reader's own actions.

/** BroadcastChannel for reader actions. */
export const READER_CHANNEL = 'broadsheet-reader';

/** One reader action, as the other tabs need it. */
export type ReaderNews =
  /** One story saved / unsaved or read / unread. */
  | { type: 'flags'; articleId: string; flags: { read?: boolean; saved?: boolean } }
  /** Many reader states changed at once (mark all read): lists and counts are read again. */
  | { type: 'states' }
  /** Stored stories changed outside a sync (a restore, a saved page, a removed source). */
  | { type: 'stories' };

// One channel object per page for sending and receiving: a BroadcastChannel never hears its own messages.
let channel: BroadcastChannel | null | undefined;
const open = (): BroadcastChannel | null => {
  if (channel === undefined) channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(READER_CHANNEL);
  return channel;
};

/** Tells the other tabs. */
export function tellOtherTabs(news: ReaderNews): void {
  open()?.postMessage(news);
}

/** Calls `listener` with what the reader did in other tabs. */
export function onOtherTabs(listener: (news: ReaderNews) => void): void {
  open()?.addEventListener('message', (event: MessageEvent) => {
    const news = event.data as Partial<ReaderNews> | null;
    if (news?.type === 'flags' && typeof news.articleId === 'string' && typeof news.flags === 'object' && news.flags !== null) listener(news as ReaderNews);
    else if (news?.type === 'states' || news?.type === 'stories') listener(news as ReaderNews);
  });
}
