// Equality for what the library's lists show, so a refresh that reads back what is already on screen
// (the first sync storing the stories of the built-in first screen, a sync that found nothing new)
// leaves the signals alone and nothing is drawn again.
import type { ArticleSummary } from '../../storage/articles-repo';

/** Whether two story lists hold the same stories in the same order with the same fields (when each was fetched aside). */
export function sameStories(a: readonly ArticleSummary[] | null, b: readonly ArticleSummary[]): boolean {
  if (a === null || a.length !== b.length) return false;
  return a.every((story, i) => story === b[i] || shown(story) === shown(b[i]!));
}

/** Whether two id sets have the same members. */
export function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/** Whether two lists of plain records (section counts) are equal field by field. */
export function sameRecords<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

/** A story as text, key order fixed, without its download time (a re-sync of the same story changes only that). */
function shown(story: ArticleSummary): string {
  const { fetchedAt: _fetched, ...rest } = story;
  return JSON.stringify(rest, Object.keys(rest).sort());
}
