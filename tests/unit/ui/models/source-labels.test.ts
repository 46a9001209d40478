// Protects the words on each source: "Last synced" only after a sync that worked (sync stamps lastSyncAt
// on failures too, which showed "Last synced just now" above "The site answered 404"), and counts that
// agree with their nouns ("Keeps 1 story for 1 day", not "1 stories for 1 days").
import { describe, expect, it } from 'vitest';
import { countOf, retentionLabel, syncedLabel } from '../../../../src/ui/models/source-labels';

const NOW = Date.parse('2026-12-01T12:00:00Z');

describe('syncedLabel', () => {
  it('says "Last synced" after a success, "Last tried" after a failure, and "Not synced yet" before any', () => {
    expect(syncedLabel({ status: 'ok', lastSyncAt: NOW - 10_000 }, NOW)).toMatch(/^Last synced just now \(.+\)$/);
    expect(syncedLabel({ status: 'error', lastSyncAt: NOW - 10_000 }, NOW)).toMatch(/^Last tried just now \(.+\)$/);
    expect(syncedLabel({ status: 'new', lastSyncAt: null }, NOW)).toBe('Not synced yet');
    expect(syncedLabel({ status: 'gone', lastSyncAt: NOW }, NOW)).toBe('This source has gone away (the site says it no longer exists).');
  });

  it('says when a failing source last worked, where that is known', () => {
    const failing = { status: 'error' as const, lastSyncAt: NOW - 10_000, lastSuccessAt: NOW - 3 * 3_600_000 };
    expect(syncedLabel(failing, NOW)).toMatch(/^Last tried just now \(.+\) · last synced 3 hours ago$/);
  });
});

describe('counts', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect(retentionLabel({ maxArticles: 1, maxAgeDays: 1 })).toBe('1 story for 1 day');
    expect(retentionLabel({ maxArticles: 500, maxAgeDays: 60 })).toBe('500 stories for 60 days');
    expect(countOf(0, 'source', 'sources')).toBe('0 sources');
  });
});
