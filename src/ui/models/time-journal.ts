// Reading time a page could not store before it went away. Adding it to IndexedDB is a
// read-modify-write, which a closing page does not live to finish (as with positions,
// progress-journal.ts): the page notes it in localStorage as it is hidden, and the next
// start adds it to the story's state.
import { localStore } from './local-store';

const PREFIX = 'broadsheet:time:';
/** More than this in one note is not reading time (a corrupted or hand-edited entry). */
const MAX_NOTED_MS = 24 * 3_600_000;

function read(raw: string | null): number | null {
  if (raw === null) return null;
  const ms = Number(raw);
  return Number.isFinite(ms) && ms > 0 && ms <= MAX_NOTED_MS ? ms : null;
}

/** Adds `ms` of reading time to what is noted for a story; a full or blocked localStorage loses it. */
export function noteTime(articleId: string, ms: number, storage = localStore()): void {
  if (!(ms > 0)) return;
  try {
    const before = read(storage?.getItem(PREFIX + articleId) ?? null) ?? 0;
    storage?.setItem(PREFIX + articleId, String(Math.min(MAX_NOTED_MS, Math.round(before + ms))));
  } catch {
    // Nothing to keep it in: this session's time is lost, as it was before there was a journal.
  }
}

/** Takes back up to `ms` noted for a story (the page came back from the back/forward cache); returns how much was still there. */
export function takeBackTime(articleId: string, ms: number, storage = localStore()): number {
  try {
    const noted = read(storage?.getItem(PREFIX + articleId) ?? null) ?? 0;
    const taken = Math.min(noted, ms);
    if (noted - taken >= 1) storage?.setItem(PREFIX + articleId, String(Math.round(noted - taken)));
    else storage?.removeItem(PREFIX + articleId);
    return taken;
  } catch {
    return 0;
  }
}

/** Every noted amount, removed from the journal as it is handed over (so it is never added twice); malformed entries are dropped. */
export function takeNotedTimes(storage = localStore()): Array<{ articleId: string; ms: number }> {
  if (!storage) return [];
  const out: Array<{ articleId: string; ms: number }> = [];
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) {
      const ms = read(storage.getItem(key));
      storage.removeItem(key);
      const articleId = key.slice(PREFIX.length);
      if (ms !== null && articleId) out.push({ articleId, ms });
    }
  } catch {
    return out;
  }
  return out;
}
