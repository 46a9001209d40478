// Turns the measurements into the table rows and the one-line JSON object that ends the output.
import type { BundleFigures } from './bundle';
import type { ColdOnline } from './cold-online';
import type { IngestFigure } from './ingest';
import type { LibraryFigures } from './library';
import type { Machine } from './machine';
import type { Row } from './table';
import { meets, TARGETS } from './targets';
import { round } from './stats';
import type { WarmOffline } from './warm-offline';

/** Everything one run measured; a scenario that failed leaves null (its error is in `errors`). */
export interface Results {
  bundle: BundleFigures | null;
  coldOnline: ColdOnline | null;
  warmOffline: WarmOffline | null;
  warmOfflineThrottled: WarmOffline | null;
  ingest: IngestFigure[];
  library10k: LibraryFigures | null;
  library10kThrottled: LibraryFigures | null;
  cpuRate: number;
  /** What CPU throttling could not reach (Chromium throttles pages, not workers). */
  throttleNotes: string[];
  machine: Machine;
  /** Scenarios the harness could not measure (exit code 1). */
  errors: string[];
  /** What the app got wrong while being measured (e.g. fewer stories stored than served). */
  warnings: string[];
}

/** How each figure is defined: printed above the table, so a reader of the output needs nothing else. */
export const DEFINITIONS = `Definitions (phone viewport 390×844 @3x, Debian Chromium headless, fresh temporary profile per scenario):
  bundle        gzip -9 sizes. firstPaintJsGzip: every same-origin .js the home page requested (Resource Timing)
                before its 'list-visible' mark on a cold first visit. cssGzip: stylesheets linked from index.html.
                precacheBytes: raw bytes of every file (each URL once) in the service worker's precache manifest.
                swGzip: dist/sw.js. Both as a normal build has them (the benchmark's blank page taken out).
  warmOffline   worker installed, precache complete, sample edition stored, then network off: 2 warm-up + 10
                alternating navigations to "/" and to a blank page served by the same worker. listVisibleMs /
                blankMs: median startTime of the 'list-visible' mark (ms from navigation start); ratio = list/blank;
                lcpMs: median of the last largest-contentful-paint entry, read 500 ms after the list showed.
  coldOnline    first visit to "/" online (no worker, no storage), median of 3 fresh profiles: 'list-visible'.
  ingest        n synthetic ~600-word stories (deterministic) as RSS 2.0 feeds (≤500 items each) from a local
                cross-origin server, imported as OPML after the sample edition synced. ms: 'sync-start' to the
                'sync-indexed' mark that completes n added stories (stored and in the related/search indexes);
                fallback path if the app has no such marks: OPML import to the stored count reaching 24 + n
                (index build not included). perSecond = n / s. longestTaskMs: longest RunTask on the page's main
                thread (Chromium trace) overlapping that window, tasks carrying the harness's DevTools messages
                excluded; the note names where it was posted from and the Long Tasks API's maximum (which does
                not see V8 garbage-collection tasks).
  library10k    the 10,000-story profile. listVisibleMs: median of 5 reloads of "/". relatedP95Ms: p95 of the
                app's 'related-query' measures over 60 "Next story" clicks; searchP95Ms: p95 of its 'search-query'
                measures over 60 queries (title words, body words, prefixes), one input event each; both after an
                unmeasured warm-up. firstSearchMs: that warm-up's answer, in ms since the search page opened
                (a new engine worker, which loads the indexes from storage first). heapMB: after a forced GC,
                V8 heap used + ArrayBuffer backing stores of the page and of each of its dedicated workers,
                nested ones included (Blink's DOM heap is listed in the note, not counted).
                idbBytes: navigator.storage.estimate() (usageDetails.indexedDB).
  throttled     warmOffline and library10k again under CDP Emulation.setCPUThrottlingRate on the page. Chromium
                refuses it on dedicated workers, so work moved into a worker runs unthrottled (noted per row).`;

const ms = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : `${round(x, 1)} ms`);
const kib = (bytes: number) => `${round(bytes / 1024, 1)} KiB`;
const mb = (bytes: number) => round(bytes / 1048576, 1).toFixed(1);

function row(path: string, figure: string, value: number | null | undefined, text: string, note?: string): Row {
  const target = TARGETS[path];
  return { figure, value: text, target: target ? `${target.op} ${target.label}` : '', ok: target ? meets(target, value) : undefined, note };
}

function warmRows(w: WarmOffline | null, prefix: string, note: string): Row[] {
  if (!w) return [{ figure: `${prefix}warmOffline`, value: 'failed', note: 'see errors' }];
  const sw = w.notFromServiceWorker ? `${w.notFromServiceWorker} navigations NOT from the service worker` : '';
  return [
    row(`${prefix}warmOffline.listVisibleMs`, 'listVisibleMs', w.listVisibleMs, ms(w.listVisibleMs), sw || note),
    row(`${prefix}warmOffline.blankMs`, 'blankMs', w.blankMs, ms(w.blankMs)),
    row(`${prefix}warmOffline.ratio`, 'ratio', w.ratio, round(w.ratio, 2).toFixed(2)),
    row(`${prefix}warmOffline.lcpMs`, 'lcpMs', w.lcpMs, w.lcpMs === null ? 'n/a (no LCP entry)' : ms(w.lcpMs)),
  ];
}

function libraryRows(l: LibraryFigures | null, prefix: string, note: string): Row[] {
  if (!l) return [{ figure: `${prefix}library10k`, value: 'failed', note: 'see errors' }];
  const p95 = (x: number | null, count: number) => (x === null ? 'n/a (no measures)' : ms(x)) + (x === null ? '' : ` (${count})`);
  return [
    row(`${prefix}library10k.listVisibleMs`, 'listVisibleMs', l.listVisibleMs, ms(l.listVisibleMs), note),
    row(`${prefix}library10k.relatedP95Ms`, 'relatedP95Ms', l.relatedP95Ms, p95(l.relatedP95Ms, l.samples.related.length)),
    row(`${prefix}library10k.searchP95Ms`, 'searchP95Ms', l.searchP95Ms, p95(l.searchP95Ms, l.samples.search.length)),
    row(`${prefix}library10k.firstSearchMs`, 'firstSearchMs', l.firstSearchMs, ms(l.firstSearchMs), 'since the search page opened, on a new engine worker'),
    row(
      `${prefix}library10k.heapMB`,
      'heapMB',
      l.heapMB,
      `${round(l.heapMB, 1)} MB`,
      l.heap
        .map((h) => `${h.target.replace(/^worker https?:\/\/[^/]+/, 'worker ')}: ${mb(h.usedBytes)} + ${mb(h.arrayBufferBytes)} buffers (DOM ${mb(h.embedderBytes)})`)
        .join('; '),
    ),
    row(`${prefix}library10k.idbBytes`, 'idbBytes', l.idbBytes, `${round(l.idbBytes / 1048576, 1)} MiB`, l.idbSource),
  ];
}

/** The table rows, grouped like the JSON. */
export function tableRows(r: Results): Row[] {
  const rows: Row[] = [{ figure: 'bundle', section: true }];
  const b = r.bundle;
  if (b) {
    rows.push(
      row('bundle.firstPaintJsGzip', 'firstPaintJsGzip', b.firstPaintJsGzip, kib(b.firstPaintJsGzip), `${b.firstPaintJsFiles.length} files`),
      ...b.firstPaintJsFiles.map((f) => ({ figure: `  ${f.file}`, value: kib(f.gzip) })),
      row('bundle.cssGzip', 'cssGzip', b.cssGzip, kib(b.cssGzip), b.cssFiles.map((f) => f.file).join(', ')),
      row('bundle.precacheBytes', 'precacheBytes', b.precacheBytes, kib(b.precacheBytes), `${b.precacheEntries} entries (raw bytes)`),
      row('bundle.swGzip', 'swGzip', b.swGzip, kib(b.swGzip)),
    );
    if (b.swSyncGzip !== undefined) {
      rows.push(row('bundle.swSyncGzip', 'swSyncGzip', b.swSyncGzip, kib(b.swSyncGzip), `${b.swSyncFiles?.join(', ')}: importScripts() for background syncs only, not loaded at worker start-up`));
    }
  } else rows.push({ figure: 'bundle', value: 'failed', note: 'see errors' });

  rows.push({ figure: 'warmOffline (median of 10)', section: true }, ...warmRows(r.warmOffline, '', ''));
  rows.push({ figure: 'coldOnline (median of 3)', section: true });
  rows.push(
    r.coldOnline
      ? row('coldOnline.listVisibleMs', 'listVisibleMs', r.coldOnline.listVisibleMs, ms(r.coldOnline.listVisibleMs), r.coldOnline.samples.map((s) => round(s, 0)).join(', '))
      : { figure: 'coldOnline', value: 'failed', note: 'see errors' },
  );
  rows.push({ figure: 'ingest', section: true });
  for (const i of r.ingest) {
    const countNote = i.stored === i.expectedStored ? `${i.stored} stored` : `STORED ${i.stored}, EXPECTED ${i.expectedStored}`;
    rows.push(
      row(`ingest.${i.n}.ms`, `n=${i.n} ms`, i.ms, ms(i.ms), `path: ${i.path === 'marks' ? 'sync-start → sync-indexed marks' : 'FALLBACK import → stored count (no index time)'}`),
      row(`ingest.${i.n}.perSecond`, `n=${i.n} perSecond`, i.perSecond, `${Math.round(i.perSecond)}/s`, countNote),
      row(
        `ingest.${i.n}.longestTaskMs`,
        `n=${i.n} longestTaskMs`,
        i.longestTaskMs,
        ms(i.longestTaskMs),
        `from ${i.longestTaskSource ?? '?'}; ${i.traceTasks} tasks on ${i.traceThread ?? '?'}; longtask observer max ${i.longtaskObserverMaxMs ? ms(i.longtaskObserverMaxMs) : 'none > 50 ms'}`,
      ),
    );
  }
  if (!r.ingest.length) rows.push({ figure: 'ingest', value: 'failed', note: 'see errors' });
  rows.push({ figure: 'library10k', section: true }, ...libraryRows(r.library10k, '', ''));
  const throttleNote = r.throttleNotes.join('; ');
  rows.push({ figure: `throttled (${r.cpuRate}× CPU) warmOffline`, section: true }, ...warmRows(r.warmOfflineThrottled, 'throttled.', throttleNote));
  rows.push({ figure: `throttled (${r.cpuRate}× CPU) library10k`, section: true }, ...libraryRows(r.library10kThrottled, 'throttled.', throttleNote));
  return rows;
}

const warmJson = (w: WarmOffline | null) =>
  w && { listVisibleMs: round(w.listVisibleMs), blankMs: round(w.blankMs), ratio: round(w.ratio, 2), lcpMs: w.lcpMs === null ? null : round(w.lcpMs) };
const libraryJson = (l: LibraryFigures | null) =>
  l && {
    listVisibleMs: round(l.listVisibleMs),
    relatedP95Ms: l.relatedP95Ms === null ? null : round(l.relatedP95Ms, 2),
    searchP95Ms: l.searchP95Ms === null ? null : round(l.searchP95Ms, 2),
    firstSearchMs: l.firstSearchMs === null ? null : round(l.firstSearchMs),
    heapMB: round(l.heapMB),
    idbBytes: Math.round(l.idbBytes),
  };

/** The JSON object printed as the last line. */
export function resultJson(r: Results): object {
  const b = r.bundle;
  return {
    bundle: b && {
      firstPaintJsGzip: b.firstPaintJsGzip,
      cssGzip: b.cssGzip,
      precacheBytes: b.precacheBytes,
      swGzip: b.swGzip,
      ...(b.swSyncGzip !== undefined ? { swSyncGzip: b.swSyncGzip } : {}),
    },
    warmOffline: warmJson(r.warmOffline),
    coldOnline: r.coldOnline && { listVisibleMs: round(r.coldOnline.listVisibleMs) },
    ingest: r.ingest.map((i) => ({
      n: i.n,
      ms: round(i.ms),
      perSecond: Math.round(i.perSecond),
      longestTaskMs: round(i.longestTaskMs),
      longtaskObserverMaxMs: round(i.longtaskObserverMaxMs),
      longestTaskSource: i.longestTaskSource,
      path: i.path,
      stored: i.stored,
    })),
    library10k: libraryJson(r.library10k),
    throttled: { cpuRate: r.cpuRate, warmOffline: warmJson(r.warmOfflineThrottled), library10k: libraryJson(r.library10kThrottled) },
    machine: r.machine,
    ...(r.warnings.length ? { warnings: r.warnings } : {}),
    ...(r.errors.length ? { errors: r.errors } : {}),
  };
}
