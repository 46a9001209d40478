// readability-test-pages: Mozilla's 20 news pages through the app's own "save this URL" extractor.
// Each source.html is parsed by jsdom as if served from the upstream base URL, then compared with
// expected-metadata.json (title, byline, lang) and with expected.html's visible text (token F1).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractPage, type ExtractedPage } from '../../src/ui/extract/extract-page';

const BASE = 'http://fakehost/test/page.html';
/** A page passes when its token F1 against expected.html reaches this; the floor is on the median. */
export const PAGE_F1 = 0.9;

interface Expected {
  title: string | null;
  byline: string | null;
  lang: string | null;
}

/** The corpus result: per-page F1 and metadata matches, in the shape conformance.ts prints. */
export interface ReadabilityResult {
  cases: number;
  medianF1: number;
  titleMatches: number;
  bylineMatches: number;
  langMatches: number;
  crashes: number;
  passed: number;
  failed: number;
  details: string[];
  line(): string;
}

/** Runs every page folder of the corpus. */
export function runReadability(dir: string): ReadabilityResult {
  const pages = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const scores: number[] = [];
  const details: string[] = [];
  let titleMatches = 0;
  let bylineMatches = 0;
  let langMatches = 0;
  let crashes = 0;
  for (const name of pages) {
    const folder = join(dir, name);
    const expected = JSON.parse(readFileSync(join(folder, 'expected-metadata.json'), 'utf8')) as Expected;
    const expectedText = visibleText(readFileSync(join(folder, 'expected.html'), 'utf8'));
    let page: ExtractedPage | null = null;
    try {
      page = extractPage(readFileSync(join(folder, 'source.html'), 'utf8'), BASE, parseHtml);
    } catch (err) {
      crashes++;
      details.push(`${name}: threw ${err instanceof Error ? err.message : String(err)}`);
    }
    const lang = expected.lang ?? undefined;
    const f1 = page ? tokenF1(tokens(visibleText(page.contentHtml), lang), tokens(expectedText, lang)) : 0;
    scores.push(f1);
    const title = same(page?.title, expected.title);
    const byline = same(page?.byline, expected.byline);
    const language = same(page?.language, expected.lang);
    titleMatches += Number(title);
    bylineMatches += Number(byline);
    langMatches += Number(language);
    const misses = [
      title ? '' : `title ${JSON.stringify(page?.title)} ≠ ${JSON.stringify(expected.title)}`,
      byline ? '' : `byline ${JSON.stringify(page?.byline)} ≠ ${JSON.stringify(expected.byline)}`,
      language ? '' : `lang ${JSON.stringify(page?.language)} ≠ ${JSON.stringify(expected.lang)}`,
    ].filter(Boolean);
    details.push(`${name}: F1 ${f1.toFixed(3)}${misses.length ? `; ${misses.join('; ')}` : ''}`);
  }
  const passed = scores.filter((s) => s >= PAGE_F1).length;
  const medianF1 = median(scores);
  return {
    cases: pages.length,
    medianF1,
    titleMatches,
    bylineMatches,
    langMatches,
    crashes,
    passed,
    failed: pages.length - passed,
    details,
    line: () =>
      `readability-test-pages: cases ${pages.length}, median token F1 ${medianF1.toFixed(3)}, title matches ${titleMatches}/${pages.length}, crashes ${crashes}` +
      ` (byline matches ${bylineMatches}/${pages.length}, lang matches ${langMatches}/${pages.length}, pages with F1 ≥ ${PAGE_F1}: ${passed})`,
  };
}

// A silent console: the pages' CSS that jsdom cannot parse is not our concern.
function parseHtml(html: string, url: string): Document {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

// Text a reader sees: jsdom's textContent of the body, scripts and styles aside.
function visibleText(html: string): string {
  const doc = parseHtml(html, BASE);
  for (const el of doc.querySelectorAll('script, style, noscript, template')) el.remove();
  return doc.body?.textContent ?? '';
}

function tokens(text: string, lang: string | undefined): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment.toLowerCase());
}

/** Bag-of-tokens F1: harmonic mean of precision and recall over token counts. */
export function tokenF1(got: string[], want: string[]): number {
  if (!got.length && !want.length) return 1;
  const counts = new Map<string, number>();
  for (const t of want) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of got) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      counts.set(t, n - 1);
    }
  }
  if (!overlap) return 0;
  const precision = overlap / got.length;
  const recall = overlap / want.length;
  return (2 * precision * recall) / (precision + recall);
}

function same(got: string | null | undefined, want: string | null | undefined): boolean {
  return (got?.trim() || null) === (want?.trim() || null);
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
