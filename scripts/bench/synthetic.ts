// The one deterministic synthetic news corpus of the benchmarks (npm run bench and bench:engine):
// pronounceable pseudo-words with Zipf frequencies, stories about Zipf-popular topics, and a few
// near-duplicates (the same story retold by another source). Same seed, same articles, on any machine,
// so figures from two runs or two machines compare like with like.

/** Section names, assigned by topic. */
export const SECTIONS = ['World', 'Politics', 'Business', 'Sport', 'Science', 'Culture'];
/** Number of topics stories are about. */
export const TOPICS = 300;
/** Distinct words in the corpus. */
export const VOCABULARY = 5_000;
/** One day in milliseconds. */
export const DAY = 86_400_000;

/** mulberry32: small, fast, seedable. */
export function prng(seed: number): () => number {
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
export function zipf(n: number, s: number, random: () => number): () => number {
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

/** One synthetic story. */
export interface SyntheticArticle {
  /** Position in the corpus, 0-based. */
  index: number;
  /** Stable id, e.g. a000042. */
  id: string;
  title: string;
  /** About 450–750 words of plain text, sentences of 15 words ending in '.'. */
  body: string;
  topic: number;
  section: string;
  /** How long before "now" it was published, in ms (0 to 30 days). */
  ageMs: number;
  /** Index of the earlier story this one retells, or null. */
  rewriteOf: number | null;
}

/** A generated corpus and the words it was made of (for queries that find something). */
export interface SyntheticCorpus {
  articles: SyntheticArticle[];
  /** The 40 words of each topic (the first 10 also make titles). */
  topicWords: string[][];
}

/** n articles: each about one of TOPICS topics (Zipf-popular), a quarter of its words from the topic, the rest everyday (Zipf) words; 3% are rewrites of an earlier story by another source. */
export function generateArticles(n: number): SyntheticCorpus {
  // The order of random() calls below is the corpus: changing it changes every figure measured on it.
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
  const articles: SyntheticArticle[] = [];
  for (let i = 0; i < n; i++) {
    let { title, body, topic } = { title: '', body: '', topic: topicOf() };
    let rewriteOf: number | null = null;
    if (i > 10 && random() < 0.03) {
      // The same story retold: most of an earlier article, a few words changed.
      rewriteOf = Math.floor(random() * articles.length);
      const original = articles[rewriteOf];
      ({ title, topic } = original);
      body = original.body.split(' ').map((w) => (random() < 0.05 ? words[everyday()] : w)).join(' ');
    } else {
      title = sentence(6 + Math.floor(random() * 4), topicWords[topic].slice(0, 10)).replace(/^./, (c) => c.toUpperCase());
      const sentences: string[] = [];
      for (let length = 0, target = 450 + Math.floor(random() * 300); length < target; length += 15) sentences.push(sentence(15, topicWords[topic]) + '.');
      body = sentences.join(' ');
    }
    const ageMs = Math.floor(random() * 30 * DAY);
    const id = `a${String(i).padStart(6, '0')}`;
    articles.push({ index: i, id, title, body, topic, section: SECTIONS[topic % SECTIONS.length], ageMs, rewriteOf });
  }
  return { articles, topicWords };
}

/** The body as HTML paragraphs of about 60 words (what a feed's content:encoded carries). */
export function bodyHtml(article: SyntheticArticle): string {
  const words = article.body.split(' ');
  const paragraphs: string[] = [];
  for (let i = 0; i < words.length; i += 60) paragraphs.push(`<p>${words.slice(i, i + 60).join(' ')}</p>`);
  return paragraphs.join('\n');
}

/** The first 30 words: the standfirst / excerpt. */
export function excerpt(article: SyntheticArticle): string {
  return article.body.split(' ').slice(0, 30).join(' ');
}
