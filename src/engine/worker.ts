/// <reference lib="webworker" />
// The engine worker: syncing, parsing, deriving and both indexes run here, off the page's main
// thread, so a 10,000-story sync never makes the page stutter. It answers EngineCall messages.
import { openBroadsheetDb } from '../storage/db';
import { CONTEXT_ID } from '../sync/sync-channel';
import { createDerivePool } from './derive-pool';
import { createEngine } from './engine';
import type { EngineCall, EngineMessage } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

// Deriving (plain text, counts, term vectors) is most of a sync's work: spread it over the other
// cores, leaving this worker to fetch, parse, store and index. At least one helper, at most four.
const helpers = Math.min(4, Math.max(1, (self.navigator.hardwareConcurrency || 2) - 1));
const pool = createDerivePool(helpers, () => new Worker(new URL('./derive-worker.ts', import.meta.url), { type: 'module', name: 'broadsheet-derive' }));

// A newer version of the app upgrading the database closes this connection (db.ts); the page then
// asks the reader to reload, which starts a new worker. Three sources sync at a time, so one is
// fetched and parsed here while another is derived on the pool.
const engine = createEngine(openBroadsheetDb(), { derive: pool.derive, concurrency: 3 });

const post = (message: EngineMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<EngineCall>) => {
  const { id, method, args } = event.data;
  const start = performance.now();
  try {
    const call = engine[method] as (...a: unknown[]) => Promise<unknown>;
    // sync() takes a progress callback: it becomes progress messages under the call's id.
    const extra = method === 'sync' ? [(progress: unknown) => post({ type: 'progress', id, progress })] : [];
    const value = await call(...args, ...extra);
    post({ type: 'result', id, value, ms: performance.now() - start });
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err), name: err instanceof Error ? err.name : 'Error' });
  }
};

post({ type: 'ready', contextId: CONTEXT_ID });
