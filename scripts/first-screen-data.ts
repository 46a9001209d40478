// The sample edition's first screen, computed at build time by the app's own adapter and
// derivation (loaded through Vite's module runner by first-screen.ts, the plugin that emits it).
import { readFileSync } from 'node:fs';
import { deriveArticle } from '../src/domain/derive.ts';
import { parseSourceBody } from '../src/sources/index.ts';
import { summarize } from '../src/storage/articles-repo.ts';
import { sampleSource, SAMPLE_PATH } from '../src/sync/sample-source.ts';
import { FIRST_SCREEN_BASE, HOME_LIMIT, type HomeSnapshot } from '../src/ui/models/home-snapshot.ts';

/** Home's first screen for the sample edition, with URLs under FIRST_SCREEN_BASE (the page swaps in its own base). */
export function sampleFirstScreen(editionPath = `public/${SAMPLE_PATH}`): HomeSnapshot {
  const source = sampleSource(FIRST_SCREEN_BASE);
  const feed = parseSourceBody('sample', readFileSync(editionPath), source.url, source.id, 'application/json');
  // fetchedAt is not shown anywhere on home; the sync stores the real one.
  const articles = feed.items.map((item) => deriveArticle(item, 0)).sort((a, b) => b.publishedAt - a.publishedAt);
  const counts = new Map<string, number>();
  for (const a of articles) counts.set(a.section, (counts.get(a.section) ?? 0) + 1);
  return {
    latest: articles.slice(0, HOME_LIMIT).map(summarize),
    sections: [...counts]
      .map(([name, count]) => ({ name, count, unread: count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    read: [],
    continueReading: [],
    lastSyncAt: null,
  };
}

export { FIRST_SCREEN_FILE, FIRST_SCREEN_GLOBAL, SNAPSHOT_KEY } from '../src/ui/models/home-snapshot.ts';
