// Engine benchmark on a deterministic synthetic corpus (1,000 and 10,000 articles of
// ~600 words): the start-up rebuild of the related and search indexes from stored
// term vectors, related and search latency, heap and stored-vector size, and what deriving
// a story at ingest costs (HTML to text, word counts, term vector: the derive workers' work).
// Usage: node --expose-gc --import tsx scripts/bench-engine.ts   (npx tsx works too)
// Last line: a JSON array, one object per corpus size.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { TermVector } from '../src/domain/article';
import { deriveArticle } from '../src/domain/derive';
import { RelatedIndex, type IndexedDoc } from '../src/domain/related-index';
import { SearchIndex, type SearchDoc } from '../src/domain/search-index';
import { buildTermVector } from '../src/domain/term-vector';
import { bodyHtml, excerpt, generateArticles, prng, type SyntheticArticle } from './bench/synthetic';

const SIZES = [1_000, 10_000];
const QUERIES = 500;
const SOURCES = 20;
const DERIVE_ROUNDS = 3;

interface Synthetic {
  docs: IndexedDoc[];
  search: SearchDoc[];
  topicWords: string[][];
  articles: SyntheticArticle[];
}

/** The shared synthetic corpus (scripts/bench/synthetic.ts) as the engine's index inputs. */
function generate(n: number): Synthetic {
  const { articles, topicWords } = generateArticles(n);
  const docs: IndexedDoc[] = [];
  const search: SearchDoc[] = [];
  for (const { index, id, title, body, section, ageMs } of articles) {
    const vector = buildTermVector({ title, text: body, language: 'en' });
    // Published times only need to spread over 30 days; the engine never compares them with the clock.
    docs.push({ id, vector, section, publishedAt: ageMs, sourceId: `s${index % SOURCES}`, title });
    search.push({ id, title, excerpt: excerpt(articles[index]), vector, language: 'en' });
  }
  return { docs, search, topicWords, articles };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function collectGarbage(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Microseconds of deriving one story as a feed delivers it, the least of a few rounds over the
 * corpus (the least is the code's cost; the rest is this shared machine's noise).
 */
function derivePerStoryUs(articles: readonly SyntheticArticle[]): number {
  const inputs = articles.map((a) => ({
    sourceId: `s${a.index % SOURCES}`,
    guid: a.id,
    url: `https://example.org/${a.id}`,
    title: a.title,
    dek: excerpt(a),
    author: null,
    sections: [a.section],
    publishedAt: 0,
    updatedAt: null,
    contentHtml: bodyHtml(a),
    baseUrl: 'https://example.org/',
    imageUrl: null,
    language: 'en',
  }));
  let best = Infinity;
  for (let r = 0; r < DERIVE_ROUNDS; r++) {
    const started = performance.now();
    for (const input of inputs) deriveArticle(input, 0);
    best = Math.min(best, performance.now() - started);
  }
  return (best * 1000) / inputs.length;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function bench(n: number, gc: () => void) {
  const { docs, search, topicWords, articles } = generate(n);
  const deriveUs = derivePerStoryUs(articles);
  const random = prng(7 * n);

  // Typed arrays live outside the JS heap (arrayBuffers): count both.
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  gc();
  const heapBefore = used();
  const started = performance.now();
  const related = RelatedIndex.build(docs);
  const searchIndex = SearchIndex.build(search);
  const buildMs = performance.now() - started;
  gc();
  const heapMB = (used() - heapBefore) / 2 ** 20;

  const relatedTimes: number[] = [];
  let relatedHits = 0;
  for (let q = 0; q < QUERIES; q++) {
    const id = docs[Math.floor(random() * docs.length)].id;
    const t = performance.now();
    relatedHits += related.related(id, { limit: 5 }).length;
    relatedTimes.push(performance.now() - t);
  }

  const searchTimes: number[] = [];
  let searchHits = 0;
  for (let q = 0; q < QUERIES; q++) {
    const topic = topicWords[Math.floor(random() * topicWords.length)];
    const count = 1 + Math.floor(random() * 3);
    const typed = Array.from({ length: count }, () => topic[Math.floor(random() * 10)]);
    // The last word is still being typed: 2–5 letters of it.
    typed[count - 1] = typed[count - 1].slice(0, 2 + Math.floor(random() * 4));
    const t = performance.now();
    searchHits += searchIndex.search(typed.join(' '), { limit: 20 }).length;
    searchTimes.push(performance.now() - t);
  }

  // Not in the JSON: what the first query after a sync batch pays (lazy re-weighting).
  related.add({ ...docs[0], id: 'fresh' });
  const t = performance.now();
  related.related('fresh', { limit: 5 });
  const refreshMs = performance.now() - t;

  const vectorBytes = docs.reduce((sum, d) => sum + JSON.stringify(d.vector satisfies TermVector).length, 0) / docs.length;
  return {
    row: {
      n,
      buildMs: round(buildMs, 1),
      relatedP50Ms: round(percentile(relatedTimes, 50), 3),
      relatedP95Ms: round(percentile(relatedTimes, 95), 3),
      searchP50Ms: round(percentile(searchTimes, 50), 3),
      searchP95Ms: round(percentile(searchTimes, 95), 3),
      heapMB: round(heapMB, 1),
      vectorBytesPerArticle: Math.round(vectorBytes),
      deriveUsPerStory: Math.round(deriveUs),
    },
    refreshMs: round(refreshMs, 1),
    hits: `${round(relatedHits / QUERIES, 1)} related, ${round(searchHits / QUERIES, 1)} search`,
  };
}

function main(): void {
  const gc = collectGarbage();
  const rows = [];
  console.log('     n  buildMs  related p50/p95 ms  search p50/p95 ms  heapMB  vector B  derive µs  first query after an add  mean hits per query');
  for (const n of SIZES) {
    const { row, refreshMs, hits } = bench(n, gc);
    rows.push(row);
    console.log(
      `${String(n).padStart(6)}  ${String(row.buildMs).padStart(7)}  ${`${row.relatedP50Ms} / ${row.relatedP95Ms}`.padStart(18)}  ${`${row.searchP50Ms} / ${row.searchP95Ms}`.padStart(17)}  ${String(row.heapMB).padStart(6)}  ${String(row.vectorBytesPerArticle).padStart(8)}  ${String(row.deriveUsPerStory).padStart(9)}  ${`${refreshMs} ms`.padStart(23)}  ${hits}`,
    );
  }
  console.log(JSON.stringify(rows));
}

main();
