// The messages between the page and the engine worker: calls by id, answers and progress by the same id.
import type { Engine } from './engine';

/** Engine operations callable across the worker boundary. */
export type EngineMethod = keyof Engine;

/** Page → worker: call `method` with `args`; progress and the answer come back under `id`. */
export interface EngineCall {
  id: number;
  method: EngineMethod;
  args: unknown[];
}

/** Worker → page. */
export type EngineMessage =
  /** The worker is running; `contextId` marks its own sync announcements. */
  | { type: 'ready'; contextId: string }
  /** `ms`: how long the worker spent on the call, from receiving it to answering (its own queue excluded). */
  | { type: 'result'; id: number; value: unknown; ms: number }
  /** `name` keeps the error's kind (e.g. QuotaExceededError) across the boundary. */
  | { type: 'error'; id: number; message: string; name: string }
  | { type: 'progress'; id: number; progress: unknown };
