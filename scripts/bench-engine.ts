// Engine benchmark on a deterministic synthetic corpus (1,000 and 10,000 articles of
// ~600 words): the start-up rebuild of the related and search indexes from stored
// term vectors, related and search latency, heap and stored-vector size.
// Usage: node --expose-gc --import tsx scripts/bench-engine.ts   (npx tsx works too)
// Last line: a JSON array, one object per corpus size.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { TermVector } from '../src/domain/article';
import { RelatedIndex, type IndexedDoc } from '../src/domain/related-index';
import { SearchIndex, type SearchDoc } from '../src/domain/search-index';
import { buildTermVector } from '../src/domain/term-vector';

const SIZES = [1_000, 10_000];
const QUERIES = 500;
const SECTIONS = ['World', 'Politics', 'Business', 'Sport', 'Science', 'Culture'];
const SOURCES = 20;
const TOPICS = 300;
const VOCABULARY = 5_000;
const DAY = 86_400_000;

/** mulberry32: small, fast, seedable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Samples ranks 0..n-1 with probability ∝ 1/(rank+1)^s. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) cumulative[r] = total += 1 / (r + 1) ** s;
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Pronounceable pseudo-words, distinct, none of them an English stop word. */
function vocabulary(random: () => number): string[] {
  const onsets = ['b', 'br', 'c', 'cr', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'k', 'l', 'm', 'n', 'p', 'pl', 'r', 's', 'st', 't', 'tr', 'v', 'z'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
  const codas = ['', 'n', 'r', 'l', 'st', 'nd', 'x', 'm', 'ck'];
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const words = new Set<string>();
  while (words.size < VOCABULARY) {
    const syllables = 2 + Math.floor(random() * 2);
    let word = '';
    for (let i = 0; i < syllables; i++) word += pick(onsets) + pick(vowels);
    words.add(word + pick(codas));
  }
  return [...words];
}

interface Synthetic {
  docs: IndexedDoc[];
  search: SearchDoc[];
  topicWords: string[][];
}

/** n articles: each about one of TOPICS topics (Zipf-popular), a quarter of its words from the topic, the rest everyday (Zipf) words; 3% are rewrites of an earlier story by another source. */
function generate(n: number): Synthetic {
  const random = prng(20_26 + n);
  const words = vocabulary(random);
  const everyday = zipf(words.length, 1.05, random);
  const topicOf = zipf(TOPICS, 0.9, random);
  const topicWords = Array.from({ length: TOPICS }, () => Array.from({ length: 40 }, () => words[200 + Math.floor(random() * (words.length - 200))]));
  const withinTopic = zipf(40, 0.8, random);
  const sentence = (length: number, topic: string[]) => {
    const out: string[] = [];
    for (let i = 0; i < length; i++) out.push(random() < 0.25 ? topic[withinTopic()] : words[everyday()]);
    return out.join(' ');
  };
  const docs: IndexedDoc[] = [];
  const search: SearchDoc[] = [];
  const texts: Array<{ title: string; body: string; topic: number }> = [];
  for (let i = 0; i < n; i++) {
    let { title, body, topic } = { title: '', body: '', topic: topicOf() };
    if (i > 10 && random() < 0.03) {
      // The same story retold: most of an earlier article, a few words changed.
      const original = texts[Math.floor(random() * texts.length)];
      ({ title, topic } = original);
      body = original.body.split(' ').map((w) => (random() < 0.05 ? words[everyday()] : w)).join(' ');
    } else {
      title = sentence(6 + Math.floor(random() * 4), topicWords[topic].slice(0, 10)).replace(/^./, (c) => c.toUpperCase());
      const sentences: string[] = [];
      for (let length = 0, target = 450 + Math.floor(random() * 300); length < target; length += 15) sentences.push(sentence(15, topicWords[topic]) + '.');
      body = sentences.join(' ');
    }
    texts.push({ title, body, topic });
    const vector = buildTermVector({ title, text: body, language: 'en' });
    const id = `a${String(i).padStart(6, '0')}`;
    docs.push({ id, vector, section: SECTIONS[topic % SECTIONS.length], publishedAt: Math.floor(random() * 30 * DAY), sourceId: `s${i % SOURCES}`, title });
    search.push({ id, title, excerpt: body.split(' ').slice(0, 30).join(' '), vector, language: 'en' });
  }
  return { docs, search, topicWords };
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

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function bench(n: number, gc: () => void) {
  const { docs, search, topicWords } = generate(n);
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
    },
    refreshMs: round(refreshMs, 1),
    hits: `${round(relatedHits / QUERIES, 1)} related, ${round(searchHits / QUERIES, 1)} search`,
  };
}

function main(): void {
  const gc = collectGarbage();
  const rows = [];
  console.log('     n  buildMs  related p50/p95 ms  search p50/p95 ms  heapMB  vector B  first query after an add  mean hits per query');
  for (const n of SIZES) {
    const { row, refreshMs, hits } = bench(n, gc);
    rows.push(row);
    console.log(
      `${String(n).padStart(6)}  ${String(row.buildMs).padStart(7)}  ${`${row.relatedP50Ms} / ${row.relatedP95Ms}`.padStart(18)}  ${`${row.searchP50Ms} / ${row.searchP95Ms}`.padStart(17)}  ${String(row.heapMB).padStart(6)}  ${String(row.vectorBytesPerArticle).padStart(8)}  ${`${refreshMs} ms`.padStart(23)}  ${hits}`,
    );
  }
  console.log(JSON.stringify(rows));
}

main();
