// Protects the storage figures shown in Settings and the request to keep data: feature-detected,
// so browsers without the Storage API show nothing rather than crash.
import { describe, expect, it } from 'vitest';
import { formatBytes, isQuotaError, requestPersistence, storageEstimate } from '../../../src/storage/quota';

describe('quota', () => {
  it('reports usage, quota and persistence where the browser has them', async () => {
    const storage = { estimate: async () => ({ usage: 5 * 1024 * 1024, quota: 2 * 1024 ** 3 }), persisted: async () => false };
    expect(await storageEstimate(storage)).toEqual({ usage: 5 * 1024 * 1024, quota: 2 * 1024 ** 3, persisted: false });
    expect(await storageEstimate({})).toBeNull();
    expect(await storageEstimate(undefined)).toBeNull();
  });

  it('asks for persistence once, and says when it is unsupported', async () => {
    let asked = 0;
    expect(await requestPersistence({ persisted: async () => false, persist: async () => (asked++, true) })).toBe(true);
    expect(await requestPersistence({ persisted: async () => true, persist: async () => (asked++, true) })).toBe(true);
    expect(asked).toBe(1);
    expect(await requestPersistence({ estimate: async () => ({}) })).toBeNull();
  });

  it('formats sizes for people', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(5.25 * 1024 * 1024)).toBe('5.3 MB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
  });

  it('recognises the browser refusing a write for lack of space', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });
});
