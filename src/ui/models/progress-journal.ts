// Reading positions, also written synchronously to localStorage. Saving one in IndexedDB is a
// read-modify-write (so another tab's change to the same story is never lost), and its read answers
// in a later task: a page that is being closed or reloaded does not live to write. A position
// written there survives the page, and the next start replays it into IndexedDB.
import { localStore } from './local-store';
import type { ReadingProgress } from '../../storage/schema';

const PREFIX = 'broadsheet:progress:';

/** A position noted for one story, and when. */
export interface JournalEntry {
  articleId: string;
  progress: ReadingProgress;
  at: number;
}

// A clock that went back, or a hand edit, must not date a position ahead of every later change.
const CLOCK_SLACK_MS = 60_000;

/** Notes a position at once; a full or unavailable localStorage leaves only the IndexedDB write. */
export function noteProgress(articleId: string, progress: ReadingProgress, at: number, storage = localStore()): void {
  try {
    storage?.setItem(PREFIX + articleId, JSON.stringify({ progress, at }));
  } catch {
    // Quota or privacy mode: the position still goes to IndexedDB, just not unload-proof.
  }
}

/** Forgets a noted position once IndexedDB has it, unless a newer one was noted meanwhile. */
export function settleProgress(articleId: string, at: number, storage = localStore()): void {
  try {
    const entry = parse(articleId, storage?.getItem(PREFIX + articleId) ?? null);
    if (!entry || entry.at <= at) storage?.removeItem(PREFIX + articleId);
  } catch {
    // Nothing to do: a stale entry is replayed harmlessly (older than the stored state, it is skipped).
  }
}

/** Every noted position that is well-formed; malformed entries are dropped from storage. */
export function notedProgress(storage = localStore()): JournalEntry[] {
  if (!storage) return [];
  const out: JournalEntry[] = [];
  const bad: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const entry = parse(key.slice(PREFIX.length), storage.getItem(key));
      if (entry) out.push(entry);
      else bad.push(key);
    }
    for (const key of bad) storage.removeItem(key);
  } catch {
    return out;
  }
  return out;
}

// localStorage is outside input: anything another version or a hand edit left there is checked.
function parse(articleId: string, raw: string | null): JournalEntry | null {
  if (!articleId || raw === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const { progress, at } = v as { progress?: unknown; at?: unknown };
  if (typeof at !== 'number' || !Number.isFinite(at) || at <= 0 || at > Date.now() + CLOCK_SLACK_MS || typeof progress !== 'object' || progress === null) return null;
  const { paragraph, offset } = progress as { paragraph?: unknown; offset?: unknown };
  if (!Number.isInteger(paragraph) || (paragraph as number) < 0 || typeof offset !== 'number' || !(offset >= 0 && offset <= 1)) return null;
  return { articleId, progress: { paragraph: paragraph as number, offset }, at };
}
