// Offline search over titles, excerpts and bodies, small enough for a phone with 10,000 stories:
// bodies are not indexed word by word; each article's stored term vector (its strongest body terms)
// stands in for the body, plus every title and excerpt term. Prefix matching on the last word typed.
import type { TermVector } from './article';
import { foldWord, tokenSpans, tokenize } from './tokenize';

/** What the search index needs of an article. */
export interface SearchDoc {
  id: string;
  title: string;
  excerpt: string;
  vector: TermVector;
  language?: string | null;
}

/** One ranked result; `terms` are the index terms it matched (the UI highlights them). */
export interface SearchHit {
  id: string;
  score: number;
  terms: string[];
}

/** How a query was understood: whole words' terms, and the word being typed as a prefix. */
export interface ParsedQuery {
  terms: string[];
  /** The last word, case-folded, while it is still being typed (no space after it yet). */
  prefix: string | null;
  /** That last word's own index term, if it has one (it may be a stop word). */
  prefixTerm: string | null;
}

const K1 = 1.2;
/** A title match outranks any number of body mentions. */
const TITLE_BONUS = 2;
const EXCERPT_WEIGHT = 2;
const MIN_PREFIX = 2;
/** Prefix expansion stops here: "a" should not fan out to half the vocabulary. */
const MAX_EXPANSIONS = 50;

/** Splits a query into whole-word terms and, unless it ends in a space, the last word as a prefix. */
export function parseQuery(query: string, language?: string | null): ParsedQuery {
  if (typeof query !== 'string') throw new TypeError('parseQuery: query must be a string');
  const spans = tokenSpans(query, language);
  const typing = /[\p{L}\p{N}]$/u.test(query);
  const lastWord = typing ? (/[\p{L}\p{N}]+$/u.exec(query)?.[0] ?? '') : '';
  const lastSpan = spans[spans.length - 1];
  const lastIsTyped = typing && lastSpan !== undefined && lastSpan.end === query.length;
  const whole = lastIsTyped ? spans.slice(0, -1) : spans;
  const prefix = lastWord ? foldWord(lastWord, language) : '';
  return {
    terms: [...new Set(whole.map((s) => s.term))],
    prefix: prefix.length >= MIN_PREFIX ? prefix : null,
    prefixTerm: lastIsTyped ? lastSpan.term : null,
  };
}

/** In-memory search index; add/remove as articles are stored and evicted. */
export class SearchIndex {
  private slotOf = new Map<string, number>();
  private ids: Array<string | null> = [];
  private free: number[] = [];
  private postings = new Map<string, { slots: number[]; weights: number[] }>();
  private docTerms: Array<string[] | null> = [];
  private vocabulary: string[] | null = null;

  /** Number of indexed articles. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Indexes (or re-indexes) one article. */
  add(doc: SearchDoc): void {
    if (!doc || typeof doc.id !== 'string' || !doc.id) throw new TypeError('SearchIndex.add: doc.id must be a non-empty string');
    if (this.slotOf.has(doc.id)) this.remove(doc.id);
    const weights = new Map<string, number>();
    doc.vector.terms.forEach((t, i) => weights.set(t, doc.vector.weights[i] ?? 0));
    // Titles and excerpts are searchable in full, even terms too weak to make the stored vector.
    for (const t of tokenize(doc.excerpt, doc.language)) weights.set(t, Math.max(weights.get(t) ?? 0, EXCERPT_WEIGHT));
    const titleTerms = new Set(tokenize(doc.title, doc.language));
    for (const t of titleTerms) if (!weights.has(t)) weights.set(t, 1);
    const slot = this.free.pop() ?? this.ids.length;
    this.ids[slot] = doc.id;
    this.slotOf.set(doc.id, slot);
    const terms: string[] = [];
    for (const [term, tf] of weights) {
      if (!(tf > 0)) continue;
      let list = this.postings.get(term);
      if (!list) {
        list = { slots: [], weights: [] };
        this.postings.set(term, list);
        this.vocabulary = null;
      }
      list.slots.push(slot);
      list.weights.push((tf * (K1 + 1)) / (tf + K1) + (titleTerms.has(term) ? TITLE_BONUS : 0));
      terms.push(term);
    }
    this.docTerms[slot] = terms;
  }

  /** Removes an article (evicted or deleted). */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    for (const term of this.docTerms[slot] ?? []) {
      const list = this.postings.get(term);
      if (!list) continue;
      const i = list.slots.indexOf(slot);
      if (i >= 0) {
        list.slots.splice(i, 1);
        list.weights.splice(i, 1);
      }
      if (list.slots.length === 0) {
        this.postings.delete(term);
        this.vocabulary = null;
      }
    }
    this.docTerms[slot] = null;
    this.ids[slot] = null;
    this.slotOf.delete(id);
    this.free.push(slot);
  }

  private sortedVocabulary(): string[] {
    this.vocabulary ??= [...this.postings.keys()].sort();
    return this.vocabulary;
  }

  /** Index terms starting with `prefix` (binary search in the sorted vocabulary). */
  private expand(prefix: string): string[] {
    const vocab = this.sortedVocabulary();
    let lo = 0;
    let hi = vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vocab[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < vocab.length && vocab[i]!.startsWith(prefix) && out.length < MAX_EXPANSIONS; i++) out.push(vocab[i]!);
    return out;
  }

  /** Ranked results: stories matching every word first (best first), then stories matching some. */
  search(query: string, opts: { limit?: number; language?: string | null } = {}): SearchHit[] {
    const limit = opts.limit ?? 20;
    const parsed = parseQuery(query, opts.language);
    // Each query word is a group of index terms: itself, or for the word being typed, every
    // term it is the beginning of (and its own term, so "floods" still finds "flood").
    const groups: string[][] = parsed.terms.map((t) => [t]);
    if (parsed.prefix || parsed.prefixTerm) {
      const candidates = new Set([...(parsed.prefixTerm ? [parsed.prefixTerm] : []), ...(parsed.prefix ? this.expand(parsed.prefix) : [])]);
      groups.push([...candidates]);
    }
    if (groups.length === 0) return [];
    const n = Math.max(1, this.size);
    const score = new Map<number, { score: number; groups: number; terms: string[] }>();
    groups.forEach((group) => {
      const seenInGroup = new Set<number>();
      for (const term of group) {
        const list = this.postings.get(term);
        if (!list) continue;
        const idf = Math.log(1 + (n - list.slots.length + 0.5) / (list.slots.length + 0.5));
        for (let i = 0; i < list.slots.length; i++) {
          const slot = list.slots[i]!;
          const entry = score.get(slot) ?? { score: 0, groups: 0, terms: [] };
          entry.score += idf * list.weights[i]!;
          entry.terms.push(term);
          if (!seenInGroup.has(slot)) {
            seenInGroup.add(slot);
            entry.groups++;
          }
          score.set(slot, entry);
        }
      }
    });
    return [...score]
      .map(([slot, e]) => ({ id: this.ids[slot]!, score: e.score, groups: e.groups, terms: [...new Set(e.terms)] }))
      .sort((a, b) => b.groups - a.groups || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit)
      .map(({ id, score: s, terms }) => ({ id, score: Math.round(s * 1000) / 1000, terms }));
  }

  /** Builds an index from stored articles (start-up). */
  static build(docs: Iterable<SearchDoc>): SearchIndex {
    const index = new SearchIndex();
    for (const doc of docs) index.add(doc);
    return index;
  }
}
