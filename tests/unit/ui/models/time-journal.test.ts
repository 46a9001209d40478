// Protects reading time across a closed tab: time noted as the page goes away adds up, is handed over
// once (never added twice), is taken back by a page restored from the back/forward cache, and
// junk in localStorage is dropped.
import { afterEach, describe, expect, it } from 'vitest';
import { noteTime, takeBackTime, takeNotedTimes } from '../../../../src/ui/models/time-journal';

afterEach(() => localStorage.clear());

describe('time journal', () => {
  it('adds notes for one story up, and hands each story over once', () => {
    noteTime('a1', 4_000);
    noteTime('a1', 2_500);
    noteTime('b2', 1_200);
    noteTime('c3', 0);
    expect(takeNotedTimes().sort((x, y) => x.articleId.localeCompare(y.articleId))).toEqual([
      { articleId: 'a1', ms: 6_500 },
      { articleId: 'b2', ms: 1_200 },
    ]);
    expect(takeNotedTimes()).toEqual([]);
  });

  it('gives back what a restored page noted, but not what another tab already took', () => {
    noteTime('a1', 3_000);
    expect(takeBackTime('a1', 3_000)).toBe(3_000);
    expect(takeNotedTimes()).toEqual([]);
    noteTime('a1', 3_000);
    takeNotedTimes(); // another tab started meanwhile and stored it
    expect(takeBackTime('a1', 3_000)).toBe(0);
  });

  it('drops what is not a plausible amount, and survives a storage that throws', () => {
    localStorage.setItem('broadsheet:time:x', 'NaN');
    localStorage.setItem('broadsheet:time:y', String(1e12));
    localStorage.setItem('other', '5');
    expect(takeNotedTimes()).toEqual([]);
    expect(localStorage.getItem('broadsheet:time:x')).toBeNull();
    expect(localStorage.getItem('other')).toBe('5');
    const broken = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } } as unknown as Storage;
    expect(() => noteTime('a1', 1_000, broken)).not.toThrow();
    expect(takeBackTime('a1', 1_000, broken)).toBe(0);
  });
});
