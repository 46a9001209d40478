// Protects the engine worker in real Chromium: the page's sync, related and search calls really run
// in a dedicated Worker (module worker, IndexedDB and Web Locks inside it), progress reaches the page,
// the worker's own sync announcements are recognisable, and a page where no Worker can start still
// gets the same answers from the in-page engine.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBroadsheetDb } from '../../src/storage/db';
import { inPageEngine, startEngine } from '../../src/ui/engine-client';

const appBase = new URL('/', location.origin).toString();

async function deleteDb(): Promise<void> {
  await new Promise((resolve) => {
    const req = indexedDB.deleteDatabase('broadsheet');
    req.onsuccess = req.onerror = req.onblocked = resolve;
  });
}

afterEach(async () => {
  vi.unstubAllGlobals();
  await deleteDb();
});

describe('the engine worker', () => {
  it('syncs the sample edition in a Worker, reports progress, and answers related and search', async () => {
    await deleteDb();
    const spawned: string[] = [];
    const RealWorker = Worker;
    vi.stubGlobal(
      'Worker',
      class extends RealWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          spawned.push(String(url));
        }
      },
    );
    const { engine, ownContexts } = startEngine(() => Promise.reject(new Error('the in-page engine must not be used')));
    const progress: number[] = [];
    const summary = await engine.sync({ corsProxy: null, appBase }, (p) => progress.push(p.done));
    expect(spawned).toHaveLength(1);
    expect(!summary.skipped && summary.added).toBe(24);
    expect(progress.length).toBeGreaterThan(0);
    expect(ownContexts.size).toBe(1);

    const hits = await engine.search('velodrome', 5);
    expect(hits.length).toBeGreaterThan(0);
    const related = await engine.related(hits[0]!.id, 4);
    expect(related.hits.length).toBeGreaterThan(0);
    expect(related.hits.map((h) => h.id)).not.toContain(hits[0]!.id);
    expect(await engine.coverage([hits[0]!.id])).toHaveLength(1);
  });

  it('falls back to the in-page engine when no Worker can start', async () => {
    await deleteDb();
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new Error('workers are blocked here');
        }
      },
    );
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = openBroadsheetDb();
    const { engine } = startEngine(() => inPageEngine(db));
    const summary = await engine.sync({ corsProxy: null, appBase });
    expect(!summary.skipped && summary.added).toBe(24);
    expect((await engine.search('velodrome', 5)).length).toBeGreaterThan(0);
    (await db).close();
  });
});
