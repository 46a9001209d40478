// Locale-aware labels: dates, relative times and reading times, all through Intl.
import { readMinutes, type ReadCounts, type ReadSpeed } from '../domain/read-time';

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const relFmt = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'long' });

/** Full date and time, e.g. "25 Nov 2026, 14:05". */
export function formatDateTime(ms: number): string {
  return dateFmt.format(ms);
}

/** Short date for cards, e.g. "25 Nov". */
export function formatDay(ms: number): string {
  return dayFmt.format(ms);
}

/** ISO 8601 for a <time datetime>. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}

/** "just now", "5 minutes ago", "yesterday"… */
export function timeAgo(ms: number, now = Date.now()): string {
  const seconds = Math.round((ms - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 3600) return relFmt.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relFmt.format(Math.round(seconds / 3600), 'hour');
  return relFmt.format(Math.round(seconds / 86400), 'day');
}

/** "3 min read". */
export function readTimeLabel(counts: ReadCounts, speed?: ReadSpeed): string {
  return `${readMinutes(counts, speed)} min read`;
}

/** A reading time in words (screen readers read "h" as a letter): "45 minutes", "3 hours 5 minutes", "2 hours", "under a minute". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (hours === 0) return unit(minutes, 'minute');
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
}
