// Protects the history page's reading-time line: time spent is summed over every story that has any,
// stories never opened count for nothing, and an empty library reads as no time at all.
import { describe, expect, it } from 'vitest';
import { openBroadsheetDb } from '../../../src/storage/db';
import { readingTimeTotal, setRead, updateReadingState } from '../../../src/storage/reading-state-repo';

describe('readingTimeTotal', () => {
  it('sums time spent over the stories that have any', async () => {
    const db = await openBroadsheetDb({}, 'reading-time-sum');
    expect(await readingTimeTotal(db)).toBe(0);
    await updateReadingState(db, 'a', () => ({ timeSpentMs: 90_000 }));
    await updateReadingState(db, 'b', () => ({ timeSpentMs: 30_500 }));
    // Marked read without being opened: a state with no time.
    await setRead(db, 'c', true);
    expect(await readingTimeTotal(db)).toBe(120_500);
    db.close();
  });
});
