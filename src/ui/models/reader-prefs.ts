// Text settings (font size, typeface, theme, line width): applied at once to <html> and remembered.
// Kept in localStorage so they apply before first paint (no flash of the wrong theme), and mirrored
// into the database's meta so backups carry them.
import { effect, signal } from '@preact/signals';

/** Theme choices; "system" follows the device. */
export type Theme = 'system' | 'light' | 'dark' | 'sepia';

/** The reader's text settings. */
export interface ReaderPrefs {
  fontScale: number;
  fontFamily: 'serif' | 'sans';
  theme: Theme;
  lineWidth: 'narrow' | 'medium' | 'wide';
}

/** Defaults: the design's own choices. */
export const DEFAULT_PREFS: ReaderPrefs = { fontScale: 1, fontFamily: 'serif', theme: 'system', lineWidth: 'medium' };

const KEY = 'broadsheet.readerPrefs';
const SCALES = [0.85, 1, 1.15, 1.3, 1.5];

/** Reads stored prefs, keeping only valid values (the store may hold anything). */
export function parsePrefs(raw: unknown): ReaderPrefs {
  const p = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof ReaderPrefs, unknown>>;
  return {
    fontScale: typeof p.fontScale === 'number' && SCALES.includes(p.fontScale) ? p.fontScale : DEFAULT_PREFS.fontScale,
    fontFamily: p.fontFamily === 'sans' ? 'sans' : 'serif',
    theme: p.theme === 'light' || p.theme === 'dark' || p.theme === 'sepia' ? p.theme : 'system',
    lineWidth: p.lineWidth === 'narrow' || p.lineWidth === 'wide' ? p.lineWidth : 'medium',
  };
}

function load(): ReaderPrefs {
  try {
    return parsePrefs(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
  } catch {
    return DEFAULT_PREFS;
  }
}

/** Writes the prefs onto <html> as data attributes and a CSS variable. */
export function applyPrefs(prefs: ReaderPrefs, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = prefs.theme;
  root.dataset.font = prefs.fontFamily;
  root.dataset.width = prefs.lineWidth;
  root.style.setProperty('--font-scale', String(prefs.fontScale));
}

/** Creates the prefs model and keeps <html> in step with it. */
export function createReaderPrefsModel(persist: (prefs: ReaderPrefs) => void = () => {}) {
  const prefs = signal<ReaderPrefs>(load());
  effect(() => applyPrefs(prefs.value));
  // Another tab changed them: show its choice here too (a theme changed there applies here at once).
  globalThis.addEventListener?.('storage', (event: StorageEvent) => {
    if (event.key === KEY) prefs.value = load();
  });

  // What is stored, which another tab may have changed since this tab last looked; this tab's own
  // settings where nothing can be read.
  const latest = (): ReaderPrefs => {
    try {
      const raw = localStorage.getItem(KEY);
      return raw === null ? prefs.value : parsePrefs(JSON.parse(raw));
    } catch {
      return prefs.value;
    }
  };

  /** Changes some settings; applied at once and remembered. */
  function update(change: Partial<ReaderPrefs>): void {
    // On top of what is stored, not of what this tab last saw: another tab's change must not be undone.
    prefs.value = parsePrefs({ ...latest(), ...change });
    try {
      localStorage.setItem(KEY, JSON.stringify(prefs.value));
    } catch {
      // Storage blocked or full: the change applies to this tab and goes to the database below.
    }
    persist(prefs.value);
  }

  /** Steps the font size up or down one notch. */
  function stepFont(direction: 1 | -1): void {
    const i = SCALES.indexOf(latest().fontScale);
    update({ fontScale: SCALES[Math.min(SCALES.length - 1, Math.max(0, i + direction))] });
  }

  /** Applies prefs restored from elsewhere (a backup). */
  function replace(raw: unknown): void {
    update(parsePrefs(raw));
  }

  return { prefs, update, stepFont, replace, scales: SCALES };
}

/** The prefs model's public shape. */
export type ReaderPrefsModel = ReturnType<typeof createReaderPrefsModel>;
