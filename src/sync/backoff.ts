// When to try again after failures: sources and outbox entries back off exponentially, with jitter.
import { backoffDelay } from '../sources/http';

/** A source that failed waits 5, 10, 20 … minutes, at most 6 hours, before sync tries it again. */
export const SOURCE_BACKOFF = { baseDelayMs: 5 * 60 * 1000, maxDelayMs: 6 * 60 * 60 * 1000 };
/** An outbox action waits 30 s, 1, 2 … minutes, at most an hour: the reader is waiting for it. */
export const OUTBOX_BACKOFF = { baseDelayMs: 30 * 1000, maxDelayMs: 60 * 60 * 1000 };

/** When a source that has now failed `failures` times in a row is next due; a site's Retry-After wins. */
export function nextSourceAttempt(failures: number, now: number, retryAt: number | null = null, random: () => number = Math.random): number {
  return retryAt ?? now + backoffDelay(failures, SOURCE_BACKOFF, random);
}

/** When an outbox entry that has now failed `attempts` times is next due. */
export function nextOutboxAttempt(attempts: number, now: number, random: () => number = Math.random): number {
  return now + backoffDelay(attempts, OUTBOX_BACKOFF, random);
}
