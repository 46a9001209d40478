// Protects how reading time reads on the history page: words a screen reader says right, minutes then hours and minutes, never "0 minutes".
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../src/ui/format';

describe('formatDuration', () => {
  it('reads minutes, hours and minutes, or whole hours', () => {
    expect(formatDuration(59_999)).toBe('under a minute');
    expect(formatDuration(60_000)).toBe('1 minute');
    expect(formatDuration(45 * 60_000 + 59_000)).toBe('45 minutes');
    expect(formatDuration(61 * 60_000)).toBe('1 hour 1 minute');
    expect(formatDuration(185 * 60_000)).toBe('3 hours 5 minutes');
    expect(formatDuration(120 * 60_000)).toBe('2 hours');
  });
});
