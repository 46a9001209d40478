// Runs the source adapters over the third-party corpora and checks the floors.
// Usage: npx tsx scripts/conformance.ts <corpora-dir> [--verbose]
// Every file is read as raw bytes and goes through the app's decode → detect → adapter path.
// Prints one line per corpus, then `N passed, N failed` (feed checks + readability pages); exits 1 under a floor.
import { join } from 'node:path';
import { runFeedparser } from './conformance/feedparser';
import { runGofeed } from './conformance/gofeed';
import { runJsonFeed, runWordPress } from './conformance/json-and-wp';
import { runReadability } from './conformance/readability';
import { runRssParser } from './conformance/rss-parser';
import type { Tally } from './conformance/tally';

const dir = process.argv[2];
const verbose = process.argv.includes('--verbose');
if (!dir) {
  console.error('usage: npm run conformance -- <corpora-dir> [--verbose]');
  process.exit(2);
}

const fp = runFeedparser(join(dir, 'feedparser-tests'));
const rss = runRssParser(join(dir, 'rss-parser-fixtures'));
const go = runGofeed(join(dir, 'gofeed-testdata'));
const json = runJsonFeed(join(dir, 'jsonfeed-spec-examples'));
const wp = runWordPress(join(dir, 'wordpress-rest-api'));
const readability = runReadability(join(dir, 'readability-test-pages'));

// [tally, minimum agreement, crashes allowed?]
const floors: Array<[Tally, number, boolean]> = [
  [fp.wellformed, 0.95, false],
  [fp.entities, 0, false],
  [fp.hostile, 0, false],
  [rss, 0.95, false],
  [go, 0.95, false],
  [json, 1, false],
  [wp, 1, false],
];

const missed: string[] = [];
for (const [t, floor, crashesOk] of floors) {
  console.log(t.line());
  if (verbose) for (const f of [...t.crashList, ...t.failures]) console.log(`    ${f}`);
  if (t.agreement < floor) missed.push(`${t.name}: ${(100 * t.agreement).toFixed(1)}% < ${floor * 100}%`);
  if (!crashesOk && t.crashes > 0) missed.push(`${t.name}: ${t.crashes} crashes`);
}
console.log(readability.line());
if (verbose) for (const d of readability.details) console.log(`    ${d}`);
if (readability.medianF1 < 0.9) missed.push(`readability-test-pages: median token F1 ${readability.medianF1.toFixed(3)} < 0.9`);
if (readability.crashes > 0) missed.push(`readability-test-pages: ${readability.crashes} crashes`);
for (const m of missed) console.error(`floor missed: ${m}`);
// Feeds count checks; readability counts pages (a page passes at token F1 ≥ 0.9).
const passed = floors.reduce((n, [t]) => n + t.passed, 0) + readability.passed;
const failed = floors.reduce((n, [t]) => n + t.failed, 0) + readability.failed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(missed.length ? 1 : 0);
