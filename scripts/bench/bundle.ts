// Bundle figures from the build output: what a first visit downloads before the list shows, the CSS,
// everything the service worker precaches, and the service worker itself. Sizes are gzip level 9, as
// Vite reports them (what a server with gzip sends).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BLANK_PAGE, BLANK_SCRIPT } from './blank-page-plugin';

/** One file and its gzip size. */
export interface SizedFile {
  file: string;
  gzip: number;
}

/** The `bundle` figures (bytes), plus the file lists behind them. */
export interface BundleFigures {
  firstPaintJsGzip: number;
  firstPaintJsFiles: SizedFile[];
  cssGzip: number;
  cssFiles: SizedFile[];
  precacheBytes: number;
  precacheEntries: number;
  swGzip: number;
  /** A service-worker sync runtime loaded with importScripts() only for background syncs, when the build has one. */
  swSyncGzip?: number;
  swSyncFiles?: string[];
}

/** gzip -9 size of a file (or of the given contents). */
export function gzipSize(path: string, contents: string | Buffer = readFileSync(path)): number {
  return gzipSync(contents, { level: 9 }).length;
}

const BENCH_FILES = new Set([BLANK_PAGE, BLANK_SCRIPT]);

/** sw.js as a normal build writes it: the benchmark build's manifest also lists the blank page, which readers never get. */
export function withoutBenchEntries(swSource: string): string {
  return swSource.replace(/,?\{"revision":(?:null|"[^"]*"),"url":"(bench-blank\.(?:html|js))"\}/g, '').replace(/\[,/, '[');
}

/** The URLs in the service worker's precache manifest (the JSON array vite-plugin-pwa injects into sw.js). */
export function precacheUrls(swSource: string): string[] {
  const start = [swSource.indexOf('[{"revision"'), swSource.indexOf('[{"url"')].filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (start === undefined) throw new Error('sw.js: no precache manifest found');
  // Entries are flat objects of strings (and null): the first ']' after the start closes the array.
  const end = swSource.indexOf(']', start);
  const entries = JSON.parse(swSource.slice(start, end + 1)) as Array<{ url: string }>;
  return entries.map((e) => e.url);
}

/** CSS files the built index.html links as stylesheets. */
function linkedCss(html: string): string[] {
  const out: string[] = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\brel=["']?stylesheet/i.test(tag)) continue;
    const href = /\bhref=["']?([^"' >]+)/i.exec(tag)?.[1];
    if (href) out.push(href);
  }
  return out;
}

const fileOf = (outDir: string, urlPath: string) => join(outDir, decodeURIComponent(urlPath.replace(/^\//, '').replace(/[?#].*$/, '')));

/** Computes the bundle figures; `firstPaintJs` are the same-origin .js paths the home page requested before its list showed. */
export function bundleFigures(outDir: string, firstPaintJs: readonly string[]): BundleFigures {
  const sized = (paths: readonly string[]): SizedFile[] =>
    paths.map((p) => ({ file: p, gzip: existsSync(fileOf(outDir, p)) ? gzipSize(fileOf(outDir, p)) : Number.NaN }));
  const firstPaintJsFiles = sized(firstPaintJs);
  const cssFiles = sized(linkedCss(readFileSync(join(outDir, 'index.html'), 'utf8')));
  const sw = join(outDir, 'sw.js');
  const swSource = withoutBenchEntries(readFileSync(sw, 'utf8'));
  // Workbox precaches a URL once, however often the manifest lists it.
  const urls = [...new Set(precacheUrls(swSource))].filter((u) => !BENCH_FILES.has(u));
  const figures: BundleFigures = {
    firstPaintJsGzip: firstPaintJsFiles.reduce((s, f) => s + f.gzip, 0),
    firstPaintJsFiles,
    cssGzip: cssFiles.reduce((s, f) => s + f.gzip, 0),
    cssFiles,
    precacheBytes: urls.reduce((s, u) => s + statSync(fileOf(outDir, u)).size, 0),
    precacheEntries: urls.length,
    swGzip: gzipSize(sw, swSource),
  };
  const assets = join(outDir, 'assets');
  const syncRuntime = existsSync(assets) ? readdirSync(assets).filter((f) => /^sw-sync-.*\.js$/.test(f)) : [];
  if (syncRuntime.length) {
    figures.swSyncFiles = syncRuntime.map((f) => `/assets/${f}`);
    figures.swSyncGzip = syncRuntime.reduce((s, f) => s + gzipSize(join(assets, f)), 0);
  }
  return figures;
}
