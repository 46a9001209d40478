/// <reference lib="webworker" />
// The engine worker: syncing, parsing, deriving and both indexes run here, off the page's main
// thread, so a 10,000-story sync never makes the page stutter. It answers EngineCall messages.
import { openBroadsheetDb } from '../storage/db';
import { CONTEXT_ID } from '../sync/sync-channel';
import { createEngine, type Engine } from './engine';
import type { EngineCall, EngineMessage } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

// A newer version of the app upgrading the database closes this connection (db.ts); the page then
// asks the reader to reload, which starts a new worker.
const engine = createEngine(openBroadsheetDb());

const post = (message: EngineMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<EngineCall>) => {
  const { id, method, args } = event.data;
  try {
    const call = engine[method] as (...a: unknown[]) => Promise<unknown>;
    // sync() takes a progress callback: it becomes progress messages under the call's id.
    const extra = method === 'sync' ? [(progress: unknown) => post({ type: 'progress', id, progress })] : [];
    post({ type: 'result', id, value: await call(...args, ...extra) });
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
};

post({ type: 'ready', contextId: CONTEXT_ID });
