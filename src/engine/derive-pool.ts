// A small pool of derive workers (derive-worker.ts). A sync's items are cut into chunks that idle
// workers take in turn; the answers come back in item order. A worker that fails to start or dies
// hands its chunk back to this thread, and the pool carries on without it.
import type { ArticleInput } from '../domain/article';
import type { DeriveOutcome } from '../sync/derive-batch';

// Deriving in the engine worker itself, when no derive worker can (the code is loaded with sync anyway).
const deriveHere = async (items: ArticleInput[], now: number) => (await import('../sync/derive-batch')).deriveBatch(items, now);

/** Engine worker → derive worker: derive these items. */
export interface DeriveRequest {
  id: number;
  items: ArticleInput[];
  now: number;
}

/** Derive worker → engine worker; articles come back with an empty contentHtml (the request had it). */
export interface DeriveReply {
  id: number;
  outcomes: DeriveOutcome[];
}

/** Items per message: small enough to spread a 500-story feed over the workers, large enough that messaging is noise. */
const CHUNK = 50;

/**
 * Chunks a worker holds at once: the next one waits in its queue while it works on one, so it does
 * not wait for this thread to finish parsing or storing before it can start the next (measured on a
 * 10,000-story sync on two busy cores: a few percent faster; docs/benchmarks.md).
 */
const IN_FLIGHT = 2;

interface Lane {
  worker: Worker | null;
  inFlight: number;
}

interface Task {
  items: ArticleInput[];
  now: number;
  resolve: (outcomes: DeriveOutcome[]) => void;
  reject: (err: unknown) => void;
}

/** Derivation spread over `size` workers made by `spawn`; falls back to this thread when none work. */
export function createDerivePool(size: number, spawn: () => Worker) {
  const queue: Task[] = [];
  const pending = new Map<number, { task: Task; lane: Lane }>();
  let nextId = 1;
  const lanes: Lane[] = [];

  const retire = (lane: Lane, why: unknown) => {
    console.warn('derive worker unavailable; deriving in the engine worker instead:', why);
    lane.worker?.terminate();
    lane.worker = null;
    for (const [id, p] of pending) {
      if (p.lane !== lane) continue;
      pending.delete(id);
      deriveHere(p.task.items, p.task.now).then(p.task.resolve, p.task.reject);
    }
    lane.inFlight = 0;
    pump();
  };

  for (let i = 0; i < size; i++) {
    const lane: Lane = { worker: null, inFlight: 0 };
    try {
      const worker = spawn();
      worker.onmessage = (event: MessageEvent<DeriveReply>) => {
        const p = pending.get(event.data.id);
        if (!p) return;
        pending.delete(event.data.id);
        lane.inFlight--;
        const { items } = p.task;
        p.task.resolve(event.data.outcomes.map((o, i) => ('article' in o ? { article: { ...o.article, contentHtml: items[i]!.contentHtml } } : o)));
        pump();
      };
      worker.onerror = (event) => {
        event.preventDefault();
        retire(lane, event.message);
      };
      // An answer that cannot be read would leave its chunk waiting for ever.
      worker.onmessageerror = () => retire(lane, 'an answer could not be read');
      lane.worker = worker;
    } catch (err) {
      console.warn('derive worker could not start:', err);
    }
    lanes.push(lane);
  }

  function pump(): void {
    while (queue.length > 0) {
      // The least loaded working lane, if any has room.
      let lane: Lane | undefined;
      for (const l of lanes) if (l.worker && l.inFlight < IN_FLIGHT && (!lane || l.inFlight < lane.inFlight)) lane = l;
      if (!lane) break;
      const task = queue.shift()!;
      const id = nextId++;
      lane.inFlight++;
      pending.set(id, { task, lane });
      lane.worker!.postMessage({ id, items: task.items, now: task.now } satisfies DeriveRequest);
    }
    // No worker at all: derive here.
    if (!lanes.some((l) => l.worker)) for (const task of queue.splice(0)) deriveHere(task.items, task.now).then(task.resolve, task.reject);
  }

  /** Derives items (in order) on the pool. */
  async function derive(items: ArticleInput[], now: number): Promise<DeriveOutcome[]> {
    const chunks: Array<Promise<DeriveOutcome[]>> = [];
    for (let i = 0; i < items.length; i += CHUNK) {
      const slice = items.slice(i, i + CHUNK);
      chunks.push(new Promise((resolve, reject) => queue.push({ items: slice, now, resolve, reject })));
    }
    pump();
    return (await Promise.all(chunks)).flat();
  }

  return { derive, size: lanes.filter((l) => l.worker).length };
}
