// Protects text settings across tabs: a change in one tab is neither undone by another tab's later
// change (each tab used to save its whole, stale settings) nor invisible there until a reload.
import { afterEach, describe, expect, it } from 'vitest';
import { createReaderPrefsModel } from '../../../../src/ui/models/reader-prefs';

const KEY = 'broadsheet.readerPrefs';

afterEach(() => localStorage.clear());

describe('reader prefs in two tabs', () => {
  it("keeps another tab's change when this tab changes something else", () => {
    const a = createReaderPrefsModel();
    const b = createReaderPrefsModel();
    a.update({ theme: 'dark' });
    a.stepFont(1);
    // Tab B never heard of it (no storage event), and changes the typeface.
    b.update({ fontFamily: 'sans' });
    expect(JSON.parse(localStorage.getItem(KEY)!)).toMatchObject({ theme: 'dark', fontScale: 1.15, fontFamily: 'sans' });
    expect(b.prefs.value).toMatchObject({ theme: 'dark', fontScale: 1.15, fontFamily: 'sans' });
  });

  it("applies another tab's change when the browser tells this tab of it", () => {
    const b = createReaderPrefsModel();
    localStorage.setItem(KEY, JSON.stringify({ theme: 'sepia', fontScale: 1.3, fontFamily: 'serif', lineWidth: 'wide' }));
    window.dispatchEvent(new StorageEvent('storage', { key: KEY }));
    expect(b.prefs.value).toEqual({ theme: 'sepia', fontScale: 1.3, fontFamily: 'serif', lineWidth: 'wide' });
    expect(document.documentElement.dataset.theme).toBe('sepia');
  });
});
