// `npm run lighthouse`: Lighthouse 12 (mobile) on the built app served locally; prints the category
// scores and writes docs/lighthouse.json. A record, not a test: scores vary with the machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const port = 4198;
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: true }, logLevel: 'warn' });
const chrome = await chromeLauncher.launch({
  chromePath: findChromium(),
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});
try {
  const pages = ['/', '/section/Climate'];
  const report = {};
  for (const path of pages) {
    const result = await lighthouse(`http://127.0.0.1:${port}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      formFactor: 'mobile',
    });
    const scores = Object.fromEntries(Object.entries(result.lhr.categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)]));
    const failing = Object.values(result.lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id);
    const metric = (id) => Math.round(result.lhr.audits[id]?.numericValue ?? NaN);
    const metrics = {
      fcpMs: metric('first-contentful-paint'),
      lcpMs: metric('largest-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      cls: Number((result.lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
      speedIndexMs: metric('speed-index'),
    };
    const lcpElement = result.lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null;
    // What blocked the main thread (TBT) and what moved (CLS), so a low score says where to look.
    const longTasks = (result.lhr.audits['long-tasks']?.details?.items ?? []).slice(0, 5).map((t) => ({ url: t.url, startMs: Math.round(t.startTime), durationMs: Math.round(t.duration) }));
    const shifts = (result.lhr.audits['layout-shifts']?.details?.items ?? []).slice(0, 5).map((i) => ({ node: i.node?.snippet ?? null, score: Number((i.score ?? 0).toFixed(3)) }));
    report[path] = { scores, metrics, lcpElement, longTasks, shifts, failingBinaryAudits: failing, lcpMs: metrics.lcpMs };
    console.log(`${path}: ${Object.entries(scores).map(([k, v]) => `${k} ${v}`).join(', ')}${failing.length ? ` | failing: ${failing.join(', ')}` : ''}`);
    console.log(`  ${Object.entries(metrics).map(([k, v]) => `${k} ${v}`).join(', ')}; LCP element: ${lcpElement}`);
    for (const t of longTasks) console.log(`  long task ${t.durationMs} ms at ${t.startMs} ms: ${t.url}`);
    for (const x of shifts) console.log(`  layout shift ${x.score}: ${x.node}`);
  }
  mkdirSync('docs', { recursive: true });
  writeFileSync('docs/lighthouse.json', `${JSON.stringify({ date: new Date().toISOString(), lighthouse: '12.8.2', report }, null, 2)}\n`);
  console.log(JSON.stringify(report));
} finally {
  await chrome.kill();
  await server.close();
}
