// Protects the shared index-entry cache: one database read per library change, retried after a failure.
import { describe, expect, it } from 'vitest';
import { perRevision } from '../../../../src/ui/models/per-revision';

describe('perRevision', () => {
  it('builds once per revision and again after a change', async () => {
    const revision = { value: 1 };
    let builds = 0;
    const get = perRevision(revision, async () => ++builds);
    expect(await Promise.all([get(), get()])).toEqual([1, 1]);
    revision.value = 2;
    expect(await get()).toBe(2);
    expect(builds).toBe(2);
  });
  it('forgets a failed build so the next call retries', async () => {
    const revision = { value: 1 };
    let calls = 0;
    const get = perRevision(revision, async () => {
      calls++;
      if (calls === 1) throw new Error('database closed');
      return 'ok';
    });
    await expect(get()).rejects.toThrow('database closed');
    expect(await get()).toBe('ok');
  });
});
