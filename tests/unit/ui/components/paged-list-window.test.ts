// Protects the arithmetic behind the windowed story list: blocks split the list into whole grid rows
// (the lead story rides in the first), the drawn band covers the screen and never grows past its cap, and
// undrawn blocks become spacers whose heights add up to exactly what they replace.
import { describe, expect, it } from 'vitest';
import { bandBlocks, BLOCK_SIZE, blockCount, blockOf, blockStart, layoutSegments } from '../../../../src/ui/components/list-window';

describe('blocks', () => {
  it('fill whole rows at 1, 2 and 3 columns', () => {
    for (const columns of [1, 2, 3]) expect(BLOCK_SIZE % columns).toBe(0);
  });

  it('split cards into blocks, the lead story riding in the first', () => {
    expect(blockCount(0, false)).toBe(0);
    expect(blockCount(1, true)).toBe(1);
    expect(blockCount(BLOCK_SIZE, false)).toBe(1);
    expect(blockCount(BLOCK_SIZE + 1, false)).toBe(2);
    expect(blockCount(BLOCK_SIZE + 1, true)).toBe(1);
    expect(blockCount(BLOCK_SIZE + 2, true)).toBe(2);
    expect(blockCount(10_000, true)).toBe(Math.ceil(9_999 / BLOCK_SIZE));
  });

  it('map every card to the block that starts at or before it', () => {
    for (const lead of [false, true]) {
      for (let i = 0; i < 500; i++) {
        const b = blockOf(i, lead);
        expect(blockStart(b, lead)).toBeLessThanOrEqual(i);
        expect(blockStart(b + 1, lead)).toBeGreaterThan(i);
      }
    }
    expect(blockStart(1, true)).toBe(BLOCK_SIZE + 1);
    expect(blockStart(1, false)).toBe(BLOCK_SIZE);
  });
});

describe('bandBlocks', () => {
  const heights = [1000, 1000, 1000, 1000, 1000, 1000];

  it('returns the blocks the band touches', () => {
    expect(bandBlocks(heights, 0, 800, 3)).toEqual([0, 0]);
    expect(bandBlocks(heights, 900, 2100, 3)).toEqual([0, 2]);
    expect(bandBlocks(heights, 1000, 2000, 3)).toEqual([1, 1]);
  });

  it('keeps at most `max` blocks, around the middle of the band', () => {
    expect(bandBlocks(heights, 500, 5500, 3)).toEqual([2, 4]);
    expect(bandBlocks(heights, -10_000, 2500, 2)).toEqual([0, 1]);
    expect(bandBlocks(heights, 0, 6000, 1)).toEqual([3, 3]);
  });

  it('falls back to the nearest block when the band misses the list', () => {
    expect(bandBlocks(heights, -5000, -100, 3)).toEqual([0, 0]);
    expect(bandBlocks(heights, 9000, 9800, 3)).toEqual([5, 5]);
    expect(bandBlocks([], 0, 800, 3)).toEqual([0, -1]);
  });

  it('refuses a cap below one block', () => {
    expect(() => bandBlocks(heights, 0, 800, 0)).toThrow(/at least 1/);
  });
});

describe('layoutSegments', () => {
  it('draws the chosen blocks and merges the rest into spacers of their total height', () => {
    const heights = [100, 200, 300, 400, 500];
    const segs = layoutSegments(4 * BLOCK_SIZE + 10, false, heights, new Set([2, 4]));
    expect(segs).toEqual([
      { kind: 'spacer', first: 0, height: 300 },
      { kind: 'cards', block: 2, start: 2 * BLOCK_SIZE, end: 3 * BLOCK_SIZE },
      { kind: 'spacer', first: 3, height: 400 },
      { kind: 'cards', block: 4, start: 4 * BLOCK_SIZE, end: 4 * BLOCK_SIZE + 10 },
    ]);
  });

  it('covers every card exactly once and keeps the total height', () => {
    const count = 1000;
    const heights = Array.from({ length: blockCount(count, true) }, (_, b) => 50 + b);
    const segs = layoutSegments(count, true, heights, new Set([0, 7, 8, 20]));
    const drawn = segs.flatMap((s) => (s.kind === 'cards' ? [[s.start, s.end]] : []));
    expect(drawn[0]).toEqual([0, BLOCK_SIZE + 1]);
    expect(drawn.at(-1)![1]).toBe(count);
    const spacerHeight = segs.reduce((sum, s) => sum + (s.kind === 'spacer' ? s.height : 0), 0);
    expect(spacerHeight).toBe(heights.reduce((a, h, b) => a + ([0, 7, 8, 20].includes(b) ? 0 : h), 0));
  });
});
