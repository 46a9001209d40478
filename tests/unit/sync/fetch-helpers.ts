// Shared by the fetchSource tests: options for a browser-like fetch, and the error a fetch fails with.
import { expect } from 'vitest';
import { SourceFetchError, type FetchOptions } from '../../../src/sources/http';

/** A cross-origin fetch from an online app, with no real waiting between retries. */
export function browserOptions(fetchImpl: typeof fetch, extra: Partial<FetchOptions> = {}): FetchOptions {
  return { fetch: fetchImpl, sleep: async () => {}, random: () => 0, origin: 'https://app.example', isOnline: () => true, ...extra };
}

/** The SourceFetchError `p` rejects with; fails the test if it resolves or rejects with anything else. */
export async function failure(p: Promise<unknown>): Promise<SourceFetchError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(SourceFetchError);
    return err as SourceFetchError;
  }
  throw new Error('expected the fetch to fail');
}
