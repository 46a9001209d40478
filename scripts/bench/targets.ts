// The acceptance targets of issue 7. The benchmark does not assert them (it measures); the table shows
// each figure next to its target with ✓ or ✗.

/** A target: the figure must be at most (≤) or at least (≥) the limit. */
export interface Target {
  op: '≤' | '≥';
  limit: number;
  /** How the limit is written in the table (e.g. "35 KiB"). */
  label: string;
}

const KiB = 1024;
const atMost = (limit: number, label = String(limit)): Target => ({ op: '≤', limit, label });
const atLeast = (limit: number, label = String(limit)): Target => ({ op: '≥', limit, label });

/** Targets by figure path (as in the JSON). Throttled figures have their own, looser ones where the issue gives them. */
export const TARGETS: Record<string, Target> = {
  'bundle.firstPaintJsGzip': atMost(35 * KiB, '35 KiB'),
  'bundle.swGzip': atMost(10 * KiB, '10 KiB'),
  'warmOffline.ratio': atMost(1.5),
  'warmOffline.lcpMs': atMost(500, '500 ms'),
  'throttled.warmOffline.lcpMs': atMost(1000, '1,000 ms'),
  'ingest.10000.perSecond': atLeast(1000, '1,000/s'),
  'ingest.10000.longestTaskMs': atMost(50, '50 ms'),
  'library10k.listVisibleMs': atMost(700, '700 ms'),
  'library10k.relatedP95Ms': atMost(10, '10 ms'),
  'library10k.searchP95Ms': atMost(16, '16 ms'),
  'library10k.heapMB': atMost(100, '100 MB'),
  'throttled.library10k.relatedP95Ms': atMost(50, '50 ms'),
  'throttled.library10k.searchP95Ms': atMost(50, '50 ms'),
};

/** Whether a value meets its target; null when there is no value to judge. */
export function meets(target: Target, value: number | null | undefined): boolean | null {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  return target.op === '≤' ? value <= target.limit : value >= target.limit;
}
