// The page's handle on the library engine: a dedicated Worker (src/engine/worker.ts) behind the
// Engine interface, so models call `engine.search(...)` without knowing where it runs. Where no
// module Worker can start, the same engine runs in the page (slower to sync, same answers).
import type { Engine } from '../engine/engine';
import type { EngineCall, EngineMessage, EngineMethod } from '../engine/protocol';
import type { Db } from '../storage/db';

/** An engine and the sync-announcement ids that are its own (so the page can tell them apart). */
export interface EngineHandle {
  engine: Engine;
  /** Starts the worker now (it otherwise starts with the first call), so its indexes are ready when first asked. */
  warm: () => void;
  /** Context ids whose sync announcements come from this engine (the page refreshes after its own sync anyway). */
  ownContexts: ReadonlySet<string>;
}

interface Pending {
  /** When the call was made (page clock), for the 'engine-call' measure. */
  sent: number;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  onProgress?: (progress: never) => void;
  method: EngineMethod;
  args: unknown[];
}

/**
 * The engine in a Worker (falling back to the page); `inPage` builds the in-page engine on demand.
 * The worker starts with the first call or warm(), not before: start-up belongs to the first screen.
 */
export function startEngine(inPage: () => Promise<Engine>): EngineHandle {
  const ownContexts = new Set<string>();
  let fallback: Promise<Engine> | null = null;
  const local = () => (fallback ??= inPage());
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let measured = 0;
  let worker: Worker | null = null;

  const useFallback = (why: unknown) => {
    if (worker) console.warn('engine worker unavailable, running in the page:', why);
    worker?.terminate();
    worker = null;
    // Calls in flight are answered by the in-page engine instead.
    for (const [id, p] of pending) {
      pending.delete(id);
      void replay(p);
    }
  };
  const replay = async (p: Pending) => {
    try {
      const engine = await local();
      const call = engine[p.method] as (...a: unknown[]) => Promise<unknown>;
      p.resolve(await call(...p.args, ...(p.onProgress ? [p.onProgress] : [])));
    } catch (err) {
      p.reject(err instanceof Error ? err : new Error(String(err)));
    }
  };

  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    if (typeof Worker === 'undefined') return;
    try {
      worker = new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module', name: 'broadsheet-engine' });
      let ready = false;
      worker.onmessage = (event: MessageEvent<EngineMessage>) => {
        const message = event.data;
        if (message.type === 'ready') {
          ready = true;
          ownContexts.add(message.contextId);
          return;
        }
        const p = pending.get(message.id);
        if (!p) return;
        if (message.type === 'progress') return p.onProgress?.(message.progress as never);
        pending.delete(message.id);
        if (message.type === 'result') {
          // Round trip vs the worker's own time: the rest is waiting (behind other calls, or for this thread).
          // Kept to the last thousand or so, so that a long session does not grow the timeline without end.
          if (++measured % 1000 === 0) performance.clearMeasures('engine-call');
          performance.measure('engine-call', { start: p.sent, end: performance.now(), detail: { method: p.method, workerMs: message.ms } });
          p.resolve(message.value);
        } else {
          const err = new Error(message.message);
          err.name = message.name;
          p.reject(err);
        }
      };
      // An answer that cannot be read means the two sides no longer understand each other: carry on in the page.
      worker.onmessageerror = () => useFallback('an answer from the engine worker could not be read');
      // A worker that cannot even load (old browser, blocked script) fails before it says ready.
      worker.onerror = (event) => {
        if (!ready) {
          event.preventDefault();
          useFallback(event.message);
        }
      };
    } catch (err) {
      useFallback(err);
    }
  };

  const call =
    (method: EngineMethod) =>
    (...args: unknown[]): Promise<never> =>
      new Promise((resolve, reject) => {
        // The progress callback, if any, stays on this side; progress messages drive it.
        const onProgress = method === 'sync' && typeof args[1] === 'function' ? (args.pop() as Pending['onProgress']) : undefined;
        const p: Pending = { sent: performance.now(), resolve: resolve as (v: unknown) => void, reject, onProgress, method, args };
        start();
        if (!worker) return void replay(p);
        const id = nextId++;
        pending.set(id, p);
        worker.postMessage({ id, method, args } satisfies EngineCall);
      });

  const engine: Engine = {
    sync: call('sync'),
    related: call('related'),
    prefetchRelated: call('prefetchRelated'),
    coverage: call('coverage'),
    recentElsewhere: call('recentElsewhere'),
    search: call('search'),
    snippets: call('snippets'),
    prepareSearch: call('prepareSearch'),
    reload: call('reload'),
  };
  return { engine, ownContexts, warm: start };
}

/** The in-page engine, loaded lazily (its code is otherwise only in the worker's bundle). */
export async function inPageEngine(db: Promise<Db>): Promise<Engine> {
  const { createEngine } = await import('../engine/engine');
  return createEngine(db);
}
