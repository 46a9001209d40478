// Protects how reading time reads on the history page: minutes, then hours and minutes, never "0 min".
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../src/ui/format';

describe('formatDuration', () => {
  it('reads minutes, hours and minutes, or whole hours', () => {
    expect(formatDuration(59_999)).toBe('under a minute');
    expect(formatDuration(60_000)).toBe('1 min');
    expect(formatDuration(45 * 60_000 + 59_000)).toBe('45 min');
    expect(formatDuration(185 * 60_000)).toBe('3 h 5 min');
    expect(formatDuration(120 * 60_000)).toBe('2 h');
  });
});
