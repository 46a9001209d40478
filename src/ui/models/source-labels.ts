// Words for a source on the Sources page: when it was last synced (or tried), and how much it keeps.
import type { RetentionLimits, Source } from '../../domain/source';
import { formatDay, timeAgo } from '../format';

// The UI's words are English, so English plural rules pick between them (not the reader's locale,
// whose categories, e.g. "few", have no words here).
const plurals = new Intl.PluralRules('en');

/** "1 story", "2 stories": a count with the word that agrees with it. */
export function countOf(n: number, one: string, other: string): string {
  return `${n} ${plurals.select(n) === 'one' ? one : other}`;
}

/** "1 story for 1 day", "500 stories for 60 days". */
export function retentionLabel(limits: RetentionLimits): string {
  return `${countOf(limits.maxArticles, 'story', 'stories')} for ${countOf(limits.maxAgeDays, 'day', 'days')}`;
}

/** The source's last sync in words: when it last got the feed, and when it last tried if that failed. */
export function syncedLabel(source: Pick<Source, 'status' | 'lastSyncAt' | 'lastSuccessAt'>, now = Date.now()): string {
  if (source.status === 'gone') return 'This source has gone away (the site says it no longer exists).';
  if (source.lastSyncAt === null) return 'Not synced yet';
  const when = (at: number) => `${timeAgo(at, now)} (${formatDay(at)})`;
  if (source.status === 'ok') return `Last synced ${when(source.lastSyncAt)}`;
  // lastSyncAt is stamped on failures too: it is when sync last tried.
  const tried = `Last tried ${when(source.lastSyncAt)}`;
  return source.lastSuccessAt ? `${tried} · last synced ${timeAgo(source.lastSuccessAt, now)}` : tried;
}
