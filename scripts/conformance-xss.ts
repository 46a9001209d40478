// XSS conformance: every hostile payload of the corpora goes through the app's REAL render path
// (ArticleBody → sanitizeArticleHtml → replaceChildren) in Debian's Chromium, with tripwires.
// Usage: npm run conformance:xss -- <xss-vectors-dir> [--feedparser <sanitize-dir>] [--batch 200] [--verbose] [--unsanitized]
// The feedparser sanitize cases default to <xss-vectors-dir>/../feedparser-tests/tests/wellformed/sanitize.
//
// A payload passes when nothing fired (dialog/global tripwires, any script compiled in the page's main world
// that is not the harness's own bundle, navigation, popup) and nothing dangerous survived in the DOM
// (on* / style / id / name attributes, non-http(s)/mailto URLs, script/iframe/object/embed/form/base/meta/style/svg …).
// Ends with `N passed, N failed`; exits 1 on any failure, 2 when the harness itself is broken.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import preact from '@preact/preset-vite';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

interface Item {
  pid: number;
  kind: 'html' | 'feed';
  text: string;
  corpus: string;
  label: string;
}
interface Trip {
  kind: string;
  pid: number | null;
  detail: string;
}
interface BatchReport {
  fatal?: string;
  results: Array<{ pid: number; survivors: string[]; trips: Trip[] }>;
  unattributed: Trip[];
  orphanDom: string[];
  info: { resourceErrors: number; loads: number; cspViolations: number; feedsNotXml: number };
  fragments: number;
}
/** Signals seen from outside the page (CDP / Playwright), per page load. */
interface Outside {
  foreignScripts: string[];
  dialogs: string[];
  navigations: string[];
  popups: number;
}

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !['--feedparser', '--batch'].includes(args[i - 1] ?? ''));
const vectorsDir = positional[0];
const verbose = args.includes('--verbose');
const BATCH = Number(flag('--batch') ?? 200);
// Diagnostic: insert every payload WITHOUT the sanitizer, to show what the tripwires catch (expect many failures).
const unsanitized = args.includes('--unsanitized');
if (!vectorsDir || !existsSync(vectorsDir)) {
  console.error('usage: npm run conformance:xss -- <xss-vectors-dir> [--feedparser <feedparser sanitize dir>] [--batch 200] [--verbose]');
  process.exit(2);
}
const feedparserDir = flag('--feedparser') ?? join(vectorsDir, '..', 'feedparser-tests', 'tests', 'wellformed', 'sanitize');

// ---------- corpora (read as bytes; decoded here, parsed as XML in the page for feeds) ----------
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes); // invalid bytes become U+FFFD, which is harmless here
}

const items: Item[] = [];
const add = (corpus: string, label: string, kind: Item['kind'], text: string): void => {
  items.push({ pid: items.length, kind, text, corpus, label });
};
const files = (dir: string, ext: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f)) : [];

const fixtures = join(vectorsDir, 'dompurify', 'expect.json');
if (existsSync(fixtures)) {
  const cases = JSON.parse(readFileSync(fixtures, 'utf8')) as Array<{ title?: string; payload: string }>;
  cases.forEach((c, i) => add('dompurify fixtures', `#${i}${c.title ? ` ${c.title}` : ''}`, 'html', c.payload));
}
for (const file of files(join(vectorsDir, 'payloadsallthethings', 'intruders'), '.txt')) {
  decode(readFileSync(file))
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim()) add('payload lists', `${basename(file)}:${i + 1}`, 'html', line);
    });
}
for (const file of [...files(join(vectorsDir, 'payloadsallthethings', 'svg'), '.svg'), ...files(join(vectorsDir, 'payloadsallthethings', 'svg'), '.xml')]) {
  add('svg/xml files', basename(file), 'html', decode(readFileSync(file)));
}
for (const file of files(feedparserDir, '.xml')) add('feedparser sanitize', basename(file), 'feed', decode(readFileSync(file)));
const corpora = [...new Set(items.map((i) => i.corpus))];
if (!corpora.includes('feedparser sanitize')) console.warn(`warning: no feedparser sanitize cases found in ${feedparserDir}`);

// ---------- build the harness page with Vite (imports the app's real ArticleBody + sanitizer) ----------
const projectRoot = resolve(import.meta.dirname, '..');
const outDir = mkdtempSync(join(tmpdir(), 'broadsheet-xss-'));
const t0 = Date.now();
await build({
  configFile: false,
  root: join(projectRoot, 'tests', 'xss'),
  logLevel: 'warn',
  plugins: [preact()],
  build: { outDir, emptyOutDir: true, target: 'es2022', rollupOptions: { input: join(projectRoot, 'tests', 'xss', 'harness.html') } },
});

// ---------- a tiny server: the built page, the payload batches, the result reports ----------
const batches = new Map<string, { items: Item[]; control: boolean }>();
const waiting = new Map<string, (r: BatchReport) => void>();
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/__xss/payloads') {
    const b = batches.get(url.searchParams.get('batch') ?? '');
    res.writeHead(b ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(b ? b.items.map(({ pid, kind, text }) => ({ pid, kind, text })) : []));
    return;
  }
  if (url.pathname === '/__xss/results' && req.method === 'POST') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(204).end();
      waiting.get(url.searchParams.get('batch') ?? '')?.(JSON.parse(Buffer.concat(chunks).toString('utf8')) as BatchReport);
    });
    return;
  }
  const file = resolve(outDir, `.${decodeURIComponent(url.pathname)}`);
  if (file.startsWith(outDir + sep) && existsSync(file) && statSync(file).isFile()) {
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); // payload images etc.
}
const server = createServer((req, res) => {
  try {
    handle(req, res);
  } catch {
    if (!res.headersSent) res.writeHead(400);
    res.end(); // payloads send odd URLs (malformed escapes …): never let one stop the server
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// ---------- Chromium, with outside-the-page tripwires ----------
const browser = await chromium.launch({
  executablePath: findChromium(),
  // No payload may reach a real host: every name except 127.0.0.1 fails at once.
  args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 2000 } });
let outside: Outside = { foreignScripts: [], dialogs: [], navigations: [], popups: 0 };
let expectedUrl = '';
let batchSeq = 0;
let onNavigatedAway: (() => void) | null = null;
let openingOurs = false;
// Any page we did not open is a popup a payload opened.
context.on('page', (p) => {
  if (openingOurs) return;
  outside.popups++;
  void p.close().catch(() => undefined);
});

/** A fresh tab with the outside-the-page tripwires (also used after a payload hangs the renderer). */
async function openPage(): Promise<Page> {
  openingOurs = true;
  const p = await context.newPage().finally(() => (openingOurs = false));
  p.on('dialog', (d) => {
    outside.dialogs.push(`${d.type()}: ${d.message().slice(0, 60)}`);
    void d.dismiss().catch(() => undefined);
  });
  p.on('framenavigated', (f) => {
    if (f === p.mainFrame() && f.url() !== expectedUrl) {
      outside.navigations.push(f.url().slice(0, 100));
      onNavigatedAway?.();
    } else if (f !== p.mainFrame()) outside.navigations.push(`frame: ${f.url().slice(0, 100)}`);
  });
  const cdp: CDPSession = await context.newCDPSession(p);
  // Every script V8 compiles in the page's main world: the harness bundle, and anything a payload smuggles in
  // (inline handler when it fires, javascript: URL, eval, setTimeout string, <script>). Playwright's own
  // helpers live in an isolated world and are filtered out by isDefault.
  cdp.on('Debugger.scriptParsed', (e) => {
    const aux = e.executionContextAuxData as { isDefault?: boolean } | undefined;
    if (aux && aux.isDefault === false) return;
    if (e.url.startsWith(`${origin}/assets/`)) return;
    outside.foreignScripts.push(`${e.url || '(no url)'} @${e.startLine}:${e.startColumn} len ${e.length ?? '?'}`);
  });
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.setSkipAllPauses', { skip: true }); // a payload's `debugger;` must not hang the run
  return p;
}
let page: Page = await openPage();
const EMPTY: BatchReport = { results: [], unattributed: [], orphanDom: [], info: { resourceErrors: 0, loads: 0, cspViolations: 0, feedsNotXml: 0 }, fragments: 0 };

/** Loads the harness with these payloads; a payload that navigates away or hangs the page ends the load early. */
async function runBatch(batchItems: Item[], control = false): Promise<{ report: BatchReport; outside: Outside }> {
  const key = String(batchSeq++);
  batches.set(key, { items: batchItems, control });
  outside = { foreignScripts: [], dialogs: [], navigations: [], popups: 0 };
  let timer: NodeJS.Timeout | undefined;
  let hung = false;
  const reported = new Promise<BatchReport>((r) => {
    waiting.set(key, r);
    onNavigatedAway = () => setTimeout(() => r({ ...EMPTY, fatal: undefined }), 200);
    timer = setTimeout(() => {
      outside.navigations.push('(page hung: no report within 10 s)');
      hung = true;
      r(EMPTY);
    }, 10_000);
  });
  expectedUrl = `${origin}/harness.html?batch=${key}${control ? '&control' : ''}`;
  if (verbose) process.stderr.write(`  load ${key}: ${batchItems.length} payloads from ${batchItems[0]?.label ?? '?'}\n`);
  await page.goto(expectedUrl, { waitUntil: 'commit', timeout: 10_000 }).catch((err: Error) => outside.navigations.push(`goto: ${err.message.split('\n')[0]}`));
  const report = await reported;
  clearTimeout(timer);
  onNavigatedAway = null;
  await new Promise((r) => setTimeout(r, 20)); // late CDP events
  if (hung) {
    // A busy renderer would hang the next load too: start over in a fresh tab.
    const old = page;
    page = await openPage();
    void old.close().catch(() => undefined);
  }
  waiting.delete(key);
  batches.delete(key);
  if (report.fatal) throw new Error(`harness failed: ${report.fatal}`);
  // Results missing because the page went away: every payload of the load is unaccounted for.
  if (report.results.length < batchItems.length) outside.navigations.push('(page left before reporting)');
  return { report, outside };
}

const hasExecution = (o: Outside, r: BatchReport): boolean =>
  o.foreignScripts.length + o.dialogs.length + o.navigations.length + o.popups + r.unattributed.length > 0;

// ---------- 1. positive controls: the tripwires must see unsanitized payloads ----------
const controlItems: Item[] = [
  '<img src="x" onerror="alert(1)">',
  '<img src="x" onerror="someUndefinedFunction()">',
  '<a href="javascript:alert(1)">x</a>',
  '<svg><animate onbegin="confirm(1)" attributeName="x" dur="1s"></animate></svg>',
].map((text, i) => ({ pid: 1_000_000 + i, kind: 'html' as const, text, corpus: 'control', label: `control ${i}` }));
{
  const { report, outside: o } = await runBatch(controlItems, true);
  const problems: string[] = [];
  const r = (i: number) => report.results[i]!;
  if (!r(0).trips.some((t) => t.kind === 'alert')) problems.push('alert tripwire did not fire for an onerror handler');
  if (!r(3).trips.some((t) => t.kind === 'confirm')) problems.push('confirm tripwire did not fire for an SVG onbegin handler');
  if (o.foreignScripts.length < 2) problems.push(`CDP saw ${o.foreignScripts.length} foreign scripts, expected >= 2`);
  if (!controlItems.every((_, i) => r(i).survivors.length > 0)) problems.push('DOM walk missed an unsanitized payload');
  if (problems.length) {
    console.error(`harness self-test failed (it would not see an attack):\n  ${problems.join('\n  ')}`);
    await browser.close();
    server.close();
    process.exit(2);
  }
  console.log(`harness self-test: unsanitized controls tripped (${o.foreignScripts.length} scripts compiled, ${r(0).trips.length + r(3).trips.length} dialog calls)`);
}

/** Finds the payloads that execute on their own, halving the set; returns how many were found. */
// Bisecting costs page loads; when many payloads execute (a badly broken sanitizer) the run stays bounded.
let isolationBudget = 400;
async function isolate(set: Item[], known?: Outside): Promise<number> {
  let o = known;
  if (!o) {
    isolationBudget--;
    const run = await runBatch(set, unsanitized);
    if (!hasExecution(run.outside, run.report)) return 0;
    o = run.outside;
  }
  if (set.length > 1 && isolationBudget > 0) {
    const mid = Math.ceil(set.length / 2);
    const found = (await isolate(set.slice(0, mid))) + (await isolate(set.slice(mid)));
    if (found) return found;
    // Only the combination executes (payloads interfering): blame the whole set.
  }
  for (const item of set) {
    executions.set(item.pid, (executions.get(item.pid) ?? 0) + o.foreignScripts.length + o.dialogs.length + o.navigations.length + o.popups);
    fail(item.pid, `executed${set.length > 1 ? ` (in a group of ${set.length}; not bisected further)` : ''}: scripts [${o.foreignScripts.join(', ')}] dialogs [${o.dialogs.join(', ')}] navigations [${o.navigations.join(', ')}] popups ${o.popups}`);
  }
  return set.length;
}

// ---------- 2. the corpora ----------
const failures = new Map<number, string[]>();
const executions = new Map<number, number>();
const fail = (pid: number, why: string): void => {
  failures.set(pid, [...(failures.get(pid) ?? []), why]);
};
let batchLevelFailures = 0;
let fragments = 0;
const info = { resourceErrors: 0, loads: 0, cspViolations: 0, feedsNotXml: 0 };

for (const corpus of corpora) {
  const list = items.filter((i) => i.corpus === corpus);
  for (let start = 0; start < list.length; start += BATCH) {
    const chunk = list.slice(start, start + BATCH);
    const { report, outside: o } = await runBatch(chunk, unsanitized);
    fragments += report.fragments;
    for (const k of Object.keys(info) as Array<keyof typeof info>) info[k] += report.info[k];
    for (const r of report.results) {
      if (r.trips.length) {
        executions.set(r.pid, (executions.get(r.pid) ?? 0) + r.trips.length);
        fail(r.pid, `fired: ${r.trips.map((t) => `${t.kind}(${t.detail})`).join(', ')}`);
      }
      if (r.survivors.length) fail(r.pid, `survived: ${r.survivors.join('; ')}`);
    }
    if (report.orphanDom.length) {
      batchLevelFailures++;
      console.log(`  ${corpus} batch @${start}: dangerous DOM outside any payload container: ${report.orphanDom.slice(0, 5).join('; ')}`);
    }
    if (hasExecution(o, report)) {
      // Something ran that no payload container claims: bisect the batch (fresh page loads) down to the payloads.
      const found = await isolate(chunk, isolationBudget > 0 ? undefined : o);
      if (!found) {
        batchLevelFailures++;
        console.log(`  ${corpus} batch @${start}: execution not reproducible per payload: ${JSON.stringify({ ...o, unattributed: report.unattributed })}`);
      }
    }
  }
}

await browser.close();
server.close();
rmSync(outDir, { recursive: true, force: true });

// ---------- 3. report ----------
for (const corpus of corpora) {
  const list = items.filter((i) => i.corpus === corpus);
  const failed = list.filter((i) => failures.has(i.pid));
  const execs = list.reduce((n, i) => n + (executions.get(i.pid) ?? 0), 0);
  const survived = list.filter((i) => failures.get(i.pid)?.some((f) => f.startsWith('survived'))).length;
  console.log(`${corpus}: ${list.length} payloads tried, ${execs} executions, ${survived} with dangerous survivors, ${failed.length} failed`);
  for (const i of failed.slice(0, verbose ? Infinity : 10)) {
    console.log(`    ${i.label}: ${failures.get(i.pid)!.join(' | ').slice(0, 400)}`);
    if (verbose) console.log(`      payload: ${JSON.stringify(i.text.slice(0, 300))}`);
  }
  if (!verbose && failed.length > 10) console.log(`    … ${failed.length - 10} more (--verbose)`);
}
console.log(
  `(${items.length} payloads, ${fragments} rendered article bodies, in ${((Date.now() - t0) / 1000).toFixed(1)} s; ` +
    `for information: ${info.resourceErrors} resource errors, ${info.loads} resource loads, ${info.cspViolations} CSP reports, ${info.feedsNotXml} feeds not well-formed XML rendered whole)`,
);
const failedCount = failures.size + batchLevelFailures;
if (unsanitized) console.log('(--unsanitized: payloads were inserted WITHOUT the sanitizer; this run only shows what the tripwires catch)');
console.log(`${items.length - failures.size} passed, ${failedCount} failed`);
process.exit(failedCount ? 1 : 0);
