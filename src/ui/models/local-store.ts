// localStorage as the reading journals use it (progress-journal.ts, time-journal.ts).

/** The part of Storage the journals need (tests pass their own). */
export type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** The page's localStorage, or undefined where it is blocked: reading the getter itself throws there (SecurityError). */
export function localStore(): Store | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
