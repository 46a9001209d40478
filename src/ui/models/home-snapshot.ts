// The first screen, remembered: what home showed last time (latest stories, sections, read flags,
// last sync), kept in localStorage so the next start paints the list synchronously, before
// IndexedDB has even opened. The library model then reads IndexedDB and replaces it. A first visit
// has none: it shows the built-in edition's first screen, fetched as the page starts.
import type { ArticleSummary } from '../../storage/articles-repo';

/** What home needs to draw its first screen. */
export interface HomeSnapshot {
  latest: ArticleSummary[];
  sections: Array<{ name: string; count: number; unread: number }>;
  /** Ids among `latest` and `continueReading` that are read. */
  read: string[];
  continueReading: ArticleSummary[];
  lastSyncAt: number | null;
}

/** localStorage key; the version suffix changes whenever the shape does, so an old snapshot is ignored. */
export const SNAPSHOT_KEY = 'broadsheet.home.v1';

/** How many stories home lists before "more" (and so what a snapshot keeps). */
export const HOME_LIMIT = 60;

/** File (under the app base) holding the sample edition's first screen, built by scripts/first-screen.ts. */
export const FIRST_SCREEN_FILE = 'first-screen.json';

/** Where the page's head script leaves the first screen's fetch on a first visit (see scripts/first-screen.ts). */
export const FIRST_SCREEN_GLOBAL = '__broadsheetFirstScreen';

/** The app base the build computes that first screen under; the page puts its own in its place. */
export const FIRST_SCREEN_BASE = 'https://broadsheet-app.invalid/';

const isSummary = (v: unknown): v is ArticleSummary => {
  const a = v as Partial<ArticleSummary> | null;
  return !!a && typeof a.id === 'string' && typeof a.title === 'string' && typeof a.section === 'string' &&
    typeof a.publishedAt === 'number' && typeof a.wordCount === 'number' && typeof a.excerpt === 'string';
};

/** The remembered first screen, or null when there is none or it is unreadable (never throws). */
export function loadHomeSnapshot(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): HomeSnapshot | null {
  try {
    return parseSnapshot(storage?.getItem(SNAPSHOT_KEY));
  } catch {
    return null;
  }
}

/**
 * The built-in edition's first screen (a first visit has no remembered one) from the text of its
 * file, with its URLs moved under `appBase`; null when there is none or it is unreadable.
 */
export function parseFirstScreen(raw: string | null | undefined, appBase: string): HomeSnapshot | null {
  try {
    return parseSnapshot(raw?.replaceAll(FIRST_SCREEN_BASE, appBase));
  } catch {
    return null;
  }
}

function parseSnapshot(raw: string | null | undefined): HomeSnapshot | null {
  try {
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<HomeSnapshot>;
    const sectionsOk = Array.isArray(s.sections) && s.sections.every((x) => typeof x?.name === 'string' && typeof x.count === 'number' && typeof x.unread === 'number');
    if (!Array.isArray(s.latest) || !s.latest.every(isSummary) || !sectionsOk || !Array.isArray(s.read) || !s.read.every((id) => typeof id === 'string')) return null;
    const continueReading = Array.isArray(s.continueReading) ? s.continueReading.filter(isSummary) : [];
    return { latest: s.latest, sections: s.sections!, read: s.read, continueReading, lastSyncAt: typeof s.lastSyncAt === 'number' ? s.lastSyncAt : null };
  } catch {
    return null;
  }
}

/** Remembers the first screen; a full or unavailable localStorage only costs the fast start. */
export function saveHomeSnapshot(snapshot: HomeSnapshot, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(SNAPSHOT_KEY, JSON.stringify(snapshot));
  } catch {
    // Quota or privacy mode: the next start reads IndexedDB first, as without a snapshot.
  }
}
