// Which blocks of a long story list to draw: pure arithmetic over block heights, so the windowing rules
// are tested without a browser. A block is a run of cards that is drawn whole or replaced whole by a spacer.

/** Cards per block: 48 fills whole rows at 1, 2 or 3 columns (all the story grid can have), so no row gaps. */
export const BLOCK_SIZE = 48;

/** A piece of the drawn list: one block as cards, or a run of blocks as one spacer of their height. */
export type Segment = { kind: 'cards'; block: number; start: number; end: number } | { kind: 'spacer'; first: number; height: number };

// The lead story spans a whole row by itself, so it rides in the first block and the rest stay in step.
const head = (lead: boolean) => (lead ? 1 : 0);

/** How many blocks `count` cards make. */
export function blockCount(count: number, lead: boolean): number {
  if (count <= 0) return 0;
  return Math.max(1, Math.ceil((count - head(lead)) / BLOCK_SIZE));
}

/** Index of the first card of block `b` (the card count when `b` is past the end). */
export function blockStart(b: number, lead: boolean): number {
  return b <= 0 ? 0 : head(lead) + b * BLOCK_SIZE;
}

/** The block holding card `index`. */
export function blockOf(index: number, lead: boolean): number {
  return Math.max(0, Math.floor((index - head(lead)) / BLOCK_SIZE));
}

/**
 * The blocks meeting the band [from, to) in list coordinates (0 = top of the list), as [first, last],
 * at most `max` of them around the band's middle; the nearest block when the band misses them all.
 */
export function bandBlocks(heights: readonly number[], from: number, to: number, max: number): [number, number] {
  if (max < 1) throw new Error(`bandBlocks: max must be at least 1, got ${max}`);
  const n = heights.length;
  if (n === 0) return [0, -1];
  const tops: number[] = [];
  let y = 0;
  for (const h of heights) {
    tops.push(y);
    y += h;
  }
  const blockAt = (pos: number) => {
    let b = 0;
    while (b < n - 1 && tops[b + 1]! <= pos) b++;
    return b;
  };
  let first = blockAt(Math.max(0, from));
  let last = blockAt(Math.max(0, Math.min(y, to) - 0.001));
  if (last < first) last = first;
  if (last - first + 1 > max) {
    // A band taller than `max` blocks (tiny cards, huge screen): keep the blocks nearest its middle.
    const mid = Math.min(last, Math.max(first, blockAt((from + to) / 2)));
    first = Math.max(first, Math.min(mid - Math.floor((max - 1) / 2), last - max + 1));
    last = first + max - 1;
  }
  return [first, last];
}

/** Lays every block out as cards (those in `drawn`) or as spacers, merging neighbouring spacers. */
export function layoutSegments(count: number, lead: boolean, heights: readonly number[], drawn: ReadonlySet<number>): Segment[] {
  const out: Segment[] = [];
  for (let b = 0; b < heights.length; b++) {
    if (drawn.has(b)) {
      out.push({ kind: 'cards', block: b, start: blockStart(b, lead), end: Math.min(count, blockStart(b + 1, lead)) });
      continue;
    }
    const prev = out[out.length - 1];
    if (prev?.kind === 'spacer') prev.height += heights[b]!;
    else out.push({ kind: 'spacer', first: b, height: heights[b]! });
  }
  return out;
}
