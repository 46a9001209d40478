// Protects the reading position against a page closed or reloaded right after a scroll: the position
// noted in localStorage is replayed into IndexedDB, but never over a newer state, and malformed
// entries (outside input) are dropped rather than stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../../src/domain/article';
import { openBroadsheetDb, type Db } from '../../../../src/storage/db';
import { getReadingState, setSaved, updateReadingState } from '../../../../src/storage/reading-state-repo';
import { notedProgress, noteProgress, settleProgress } from '../../../../src/ui/models/progress-journal';
import { replayNotedProgress } from '../../../../src/ui/models/reader';

let db: Db;
beforeEach(async () => {
  localStorage.clear();
  db = await openBroadsheetDb({}, `progress-journal-${Math.random()}`);
  await db.put('articles', story('a'));
});

function story(id: string): Article {
  return {
    id, sourceId: 's', guid: id, url: `https://news.example/${id}`, title: `Story ${id}`, dek: '', author: null, sections: ['World'], section: 'World',
    publishedAt: 1_000, updatedAt: null, contentHtml: '<p>Body</p>', baseUrl: 'https://news.example/', imageUrl: null, language: 'en',
    plainText: 'Body', excerpt: 'Body', wordCount: 1, cjkCount: 0, imageCount: 0, terms: { terms: ['bodi'], weights: [1] }, fetchedAt: 5,
  };
}
afterEach(() => {
  db.close();
  localStorage.clear();
});

describe('progress journal', () => {
  it('notes a position and forgets it once stored, but keeps a newer one noted meanwhile', () => {
    noteProgress('a', { paragraph: 3, offset: 0.5 }, 1000);
    expect(notedProgress()).toEqual([{ articleId: 'a', progress: { paragraph: 3, offset: 0.5 }, at: 1000 }]);
    noteProgress('a', { paragraph: 4, offset: 0 }, 2000);
    settleProgress('a', 1000); // the write of the older position finished after the newer was noted
    expect(notedProgress()).toEqual([{ articleId: 'a', progress: { paragraph: 4, offset: 0 }, at: 2000 }]);
    settleProgress('a', 2000);
    expect(notedProgress()).toEqual([]);
  });

  it('drops malformed entries and leaves other keys alone', () => {
    localStorage.setItem('broadsheet:progress:x', '{not json');
    localStorage.setItem('broadsheet:progress:y', JSON.stringify({ progress: { paragraph: -1, offset: 0.2 }, at: 5 }));
    localStorage.setItem('broadsheet:progress:z', JSON.stringify({ progress: { paragraph: 1, offset: 1.5 }, at: 5 }));
    localStorage.setItem('broadsheet:progress:w', JSON.stringify({ progress: { paragraph: 1, offset: 0.2 } }));
    // Dated a day ahead (a clock set back since, or a hand edit): it would outrank every later change.
    localStorage.setItem('broadsheet:progress:v', JSON.stringify({ progress: { paragraph: 1, offset: 0.2 }, at: Date.now() + 86_400_000 }));
    localStorage.setItem('other', 'kept');
    expect(notedProgress()).toEqual([]);
    expect(localStorage.length).toBe(1);
    expect(localStorage.getItem('other')).toBe('kept');
  });

  it('replays a position the closing page could not store, and lists nothing afterwards', async () => {
    noteProgress('a', { paragraph: 7, offset: 0.25 }, Date.now());
    expect(await replayNotedProgress(Promise.resolve(db))).toBe(1);
    expect((await getReadingState(db, 'a')).progress).toEqual({ paragraph: 7, offset: 0.25 });
    expect(notedProgress()).toEqual([]);
  });

  it('gives no state to a story no longer stored, and forgets its entry', async () => {
    noteProgress('gone', { paragraph: 1, offset: 0 }, Date.now());
    expect(await replayNotedProgress(Promise.resolve(db))).toBe(0);
    expect(await db.get('readingState', 'gone')).toBeUndefined();
    expect(notedProgress()).toEqual([]);
  });

  it('never replays over a newer state, nor loses what another action stored', async () => {
    await setSaved(db, 'a', true, 2000);
    await updateReadingState(db, 'a', () => ({ progress: { paragraph: 9, offset: 0 } }), 3000);
    noteProgress('a', { paragraph: 2, offset: 0.1 }, 2500);
    expect(await replayNotedProgress(Promise.resolve(db))).toBe(0);
    const state = await getReadingState(db, 'a');
    expect(state.progress).toEqual({ paragraph: 9, offset: 0 });
    expect(state.saved).toBe(true);
    expect(notedProgress()).toEqual([]);

    noteProgress('a', { paragraph: 11, offset: 0.5 }, 4000);
    expect(await replayNotedProgress(Promise.resolve(db))).toBe(1);
    const after = await getReadingState(db, 'a');
    expect(after).toMatchObject({ progress: { paragraph: 11, offset: 0.5 }, saved: true, updatedAt: 4000 });
  });
});
