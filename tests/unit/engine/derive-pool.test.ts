// Protects the derive pool: a feed's items come back derived and in order however the chunks are
// spread over the workers; a worker that cannot start, or dies mid-chunk, costs nothing but speed
// (its chunk is derived in the engine worker instead); a bad item is reported, not fatal.
import { describe, expect, it, vi } from 'vitest';
import type { ArticleInput } from '../../../src/domain/article';
import { createDerivePool, type DeriveReply, type DeriveRequest } from '../../../src/engine/derive-pool';
import { deriveBatch } from '../../../src/sync/derive-batch';

const item = (i: number, over: Partial<ArticleInput> = {}): ArticleInput => ({
  sourceId: 's', guid: `g${i}`, url: `https://news.example/${i}`, title: `Story number ${i}`, dek: '', author: null, sections: ['World'],
  publishedAt: 1_000 + i, updatedAt: null, contentHtml: `<p>Harbour ferry ${i} sails.</p>`, baseUrl: 'https://news.example/', imageUrl: null, language: 'en', ...over,
});

/** A stand-in Worker that derives like derive-worker.ts, answering after a random delay (so chunks finish out of order). */
class FakeWorker {
  onmessage: ((e: MessageEvent<DeriveReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  handled = 0;
  constructor(private readonly dieOnChunk = -1) {}
  postMessage({ id, items, now }: DeriveRequest): void {
    const chunk = this.handled++;
    setTimeout(() => {
      if (chunk === this.dieOnChunk) return this.onerror?.({ message: 'worker crashed', preventDefault() {} } as ErrorEvent);
      const outcomes = deriveBatch(items, now).map((o) => ('article' in o ? { article: { ...o.article, contentHtml: '' } } : o));
      this.onmessage?.({ data: { id, outcomes } } as MessageEvent<DeriveReply>);
    }, Math.random() * 5);
  }
  terminate(): void {}
}

const items = Array.from({ length: 230 }, (_, i) => item(i));
const expected = deriveBatch(items, 7);

describe('derive pool', () => {
  it('derives every item, in order, over several workers', async () => {
    const workers = [new FakeWorker(), new FakeWorker(), new FakeWorker()];
    let next = 0;
    const pool = createDerivePool(3, () => workers[next++] as unknown as Worker);
    expect(pool.size).toBe(3);
    expect(await pool.derive(items, 7)).toEqual(expected);
    expect(workers.every((w) => w.handled > 0)).toBe(true);
  });

  it('derives in the engine worker when no derive worker can start', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const pool = createDerivePool(2, () => {
      throw new Error('blocked');
    });
    expect(pool.size).toBe(0);
    expect(await pool.derive(items, 7)).toEqual(expected);
  });

  it('re-derives the chunk of a worker that dies, and goes on without it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const dying = new FakeWorker(1);
    const healthy = new FakeWorker();
    const spawned = [dying, healthy];
    const pool = createDerivePool(2, () => spawned.shift() as unknown as Worker);
    expect(await pool.derive(items, 7)).toEqual(expected);
    expect(await pool.derive(items.slice(0, 60), 7)).toEqual(expected.slice(0, 60));
  });

  it('reports an item that cannot be derived and keeps the rest', async () => {
    const pool = createDerivePool(1, () => new FakeWorker() as unknown as Worker);
    const out = await pool.derive([item(1), item(2, { title: '', contentHtml: '' }), item(3)], 7);
    expect(out.map((o) => ('article' in o ? o.article.guid : 'error'))).toEqual(['g1', 'error', 'g3']);
  });

  it('keeps a worker’s next chunk waiting in its queue, never more than one', async () => {
    // A worker given one chunk at a time idles while the engine thread is busy elsewhere.
    let outstanding = 0;
    let most = 0;
    const worker = new FakeWorker();
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (request) => {
      most = Math.max(most, ++outstanding);
      post(request);
    };
    const pool = createDerivePool(1, () => worker as unknown as Worker);
    // The pool's own handler is set by now: count each answer before it.
    const handler = worker.onmessage!;
    worker.onmessage = (e) => {
      outstanding--;
      handler(e);
    };
    expect(await pool.derive(items, 7)).toEqual(expected);
    expect(most).toBe(2);
  });
});
