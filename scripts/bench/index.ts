// npm run bench: builds the app (BROADSHEET_BENCH=1 adds a blank comparison page), serves it on 127.0.0.1,
// and drives Debian's Chromium (Playwright) through every figure of issue 7 in one run (~7 min on 2 cores).
// Output: progress on stderr; on stdout the definitions, a table (figure, value, target, ✓/✗) and, as the
// last line, one JSON object. Targets are printed, not asserted: exit code 0 whenever everything was
// measured, 1 only if a scenario could not be measured (its error is in the output and the JSON).
//
// What each figure is (the full text is DEFINITIONS in report.ts, printed above the table):
//   bundle       gzip -9 bytes: the .js a cold first visit requests before the home list shows, the linked
//                CSS, sw.js; precacheBytes: raw bytes of everything the service worker precaches.
//   warmOffline  worker installed, network off, median of 10 alternating navigations: home list
//                ('list-visible' mark) vs a blank page from the same worker; their ratio; LCP.
//   coldOnline   first visit on a fresh profile, median of 3: 'list-visible'.
//   ingest       1,000 and 10,000 synthetic stories from a local cross-origin feed server (OPML import):
//                'sync-start' → 'sync-indexed' (or, until the app marks them, import → stored count), and
//                the longest main-thread task in a Chromium trace of that window.
//   library10k   that 10,000-story profile: home list on reload, p95 of the app's 'related-query' and
//                'search-query' measures (60 each), heap of page + workers after GC, IndexedDB bytes.
//   throttled    warmOffline and library10k under 4× CDP CPU throttling of the page.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAppServer, type AppServer } from './app-server';
import { buildApp } from './build';
import { bundleFigures } from './bundle';
import { coldOnline } from './cold-online';
import { startFeedServer, type FeedServer } from './feed-server';
import { ingest, type IngestRun } from './ingest';
import { library } from './library';
import { progress } from './log';
import { machine } from './machine';
import { searchQueries } from './queries';
import { DEFINITIONS, resultJson, tableRows, type Results } from './report';
import { generateArticles } from './synthetic';
import { renderTable } from './table';
import { warmOffline } from './warm-offline';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
// BENCH_OUT_DIR builds and serves elsewhere (e.g. while someone else's tests use dist/).
const OUT_DIR = resolve(ROOT, process.env.BENCH_OUT_DIR ?? 'dist');
// BENCH_ONLY=cold,warm,ingest,library runs a subset while working on one figure (library needs
// ingest of 10,000); BENCH_SIZES=10000 ingests one size. A full run (neither set) is the record.
const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean));
const wants = (part: string) => ONLY.size === 0 || ONLY.has(part);
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [1_000, 10_000];
const CPU_RATE = 4;
/** Generous: 10,000 stories on a slow 2-core machine; a sync that takes longer is reported as a failure. */
const INGEST_TIMEOUT_MS = 300_000;

async function main(): Promise<number> {
  const results: Results = {
    bundle: null,
    coldOnline: null,
    warmOffline: null,
    warmOfflineThrottled: null,
    ingest: [],
    library10k: null,
    library10kThrottled: null,
    cpuRate: CPU_RATE,
    throttleNotes: [],
    machine: machine(),
    errors: [],
    warnings: [],
  };
  const attempt = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (err) {
      const message = `${name}: ${err instanceof Error ? err.message : String(err)}`.split('\n')[0];
      results.errors.push(message);
      progress(`ERROR ${message}`);
    }
  };

  progress(`building into ${OUT_DIR} (BROADSHEET_BENCH=1)`);
  await buildApp(ROOT, OUT_DIR);
  let app: AppServer | null = null;
  let feeds: FeedServer | null = null;
  let kept: IngestRun | null = null;
  try {
    app = await startAppServer(ROOT, OUT_DIR);
    progress(`app on ${app.origin}; rendering ${SIZES.join(' and ')} synthetic stories`);
    feeds = await startFeedServer(SIZES, Date.now());
    const origin = app.origin;
    const feedOrigin = feeds.origin;

    if (wants('cold')) await attempt('coldOnline', async () => {
      results.coldOnline = await coldOnline(origin, 3);
    });
    if (wants('cold')) await attempt('bundle', async () => {
      if (!results.coldOnline) throw new Error('needs the cold visit (failed)');
      results.bundle = bundleFigures(OUT_DIR, results.coldOnline.firstPaintJs);
    });
    if (wants('warm')) await attempt('warmOffline', async () => {
      const w = await warmOffline(origin, CPU_RATE);
      results.warmOffline = w.normal;
      results.warmOfflineThrottled = w.throttled;
      if (w.throttleNote) results.throttleNotes.push(w.throttleNote);
    });
    for (const n of wants('ingest') || wants('library') ? SIZES : []) {
      const keep = n === 10_000 && wants('library');
      await attempt(`ingest ${n}`, async () => {
        const run = await ingest(origin, feedOrigin, n, INGEST_TIMEOUT_MS, keep);
        results.ingest.push(run.figure);
        if (run.figure.stored !== run.figure.expectedStored) {
          const message = `ingest ${n}: ${run.figure.stored} stories stored, expected ${run.figure.expectedStored}`;
          results.warnings.push(message);
          progress(`WARNING ${message}`);
        }
        if (keep) kept = run;
      });
    }
    if (wants('library')) await attempt('library10k', async () => {
      const run = kept as IngestRun | null;
      if (!run?.profile || !run.cdp) throw new Error('needs the 10,000-story profile (ingest failed)');
      const queries = searchQueries(generateArticles(10_000));
      results.library10k = await library(run.profile, run.cdp, origin, queries);
      const refused = await run.cdp.setCpuThrottling(CPU_RATE);
      if (refused.length) results.throttleNotes.push(`workers not throttled: ${refused.join('; ')}`);
      results.library10kThrottled = await library(run.profile, run.cdp, origin, queries, ` ${CPU_RATE}× CPU`);
    });
  } finally {
    const run = kept as IngestRun | null;
    await run?.cdp?.detach();
    await run?.profile?.dispose();
    await feeds?.close();
    await app?.close();
  }

  const rows = tableRows(results);
  console.log(DEFINITIONS);
  console.log('');
  console.log(renderTable(rows));
  console.log('');
  console.log(`Machine: ${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}, ${results.machine.chromium}, ${results.machine.date}`);
  for (const w of results.warnings) console.log(`!!! APP PROBLEM: ${w}`);
  for (const e of results.errors) console.log(`!!! NOT MEASURED: ${e}`);
  console.log(JSON.stringify(resultJson(results)));
  return results.errors.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
