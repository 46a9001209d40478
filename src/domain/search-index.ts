// Offline search over titles, excerpts and bodies, small enough for a phone with 10,000 stories:
// bodies are not indexed word by word; each article's stored term vector (its strongest body terms)
// stands in for the body, plus every title and excerpt term. Prefix matching on the last word typed.
// Postings live in the shared typed-array layout (sparse-store.ts), rebuilt lazily after changes.
import type { TermVector } from './article';
import { kthLargest } from './kth-largest';
import { SparseStore } from './sparse-store';
import { checkTermVector } from './term-vector';
import { MIN_PREFIX, parseQuery } from './search-query';
import { SortedVocabulary } from './sorted-vocabulary';
import { tokenize } from './tokenize';

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

const K1 = 1.2;
/** A title match outranks any number of body mentions. */
const TITLE_BONUS = 2;
const EXCERPT_WEIGHT = 2;
/** Prefix expansion keeps the most widespread completions: "a" should not fan out to half the vocabulary, and each completion costs a walk over its postings (16 kept the search p95 within 16 ms at 10,000 stories on a 2-core machine). */
const MAX_EXPANSIONS = 16;
/** A completion of the word being typed counts a little less than the word itself. */
const EXPANSION_WEIGHT = 0.8;
/** Query words beyond this are ignored (one bit each in a match mask). */
const MAX_GROUPS = 30;

/** In-memory search index; add/remove as articles are stored and evicted. */
export class SearchIndex {
  private readonly store = new SparseStore();
  private stale = true;
  /** The vocabulary sorted, for prefix lookups. */
  private readonly vocabulary = new SortedVocabulary();
  private score = new Float64Array(0);
  private best = new Float64Array(0);
  private mask = new Int32Array(0);
  private touched = new Int32Array(0);
  private groupTouched = new Int32Array(0);
  /** Each slot's first three id characters as one number: ties are ordered by id without comparing strings. */
  private idKey = new Float64Array(0);

  /** Builds an index from stored articles (start-up). */
  static build(docs: Iterable<SearchDoc>): SearchIndex {
    const index = new SearchIndex();
    for (const doc of docs) index.add(doc);
    return index.finishBuild();
  }

  /**
   * The same index as build(), made `slice` documents at a time with `pause()` awaited before each
   * slice: tokenizing 10,000 titles and excerpts takes a second or more on a phone, and a caller's
   * other work (related stories) should not wait behind all of it, nor more than one slice
   * (50 documents: ~4 ms in Node, ~6–12 ms in the bench's engine worker).
   */
  static async buildInSteps(docs: readonly SearchDoc[], pause: () => Promise<void>, slice = 50): Promise<SearchIndex> {
    if (!Number.isInteger(slice) || slice < 1) throw new RangeError(`SearchIndex.buildInSteps: slice must be a positive integer, got ${slice}`);
    const index = new SearchIndex();
    for (let at = 0; at < docs.length; at += slice) {
      await pause();
      for (const doc of docs.slice(at, at + slice)) index.add(doc);
    }
    return index.finishBuild();
  }

  private finishBuild(): SearchIndex {
    this.store.shrinkToFit();
    this.refresh();
    return this;
  }

  /** Number of indexed articles. */
  get size(): number {
    return this.store.size;
  }

  /** Whether an article id is indexed. */
  has(id: string): boolean {
    return this.store.slotOf(id) >= 0;
  }

  /** Indexes (or re-indexes) one article. */
  add(doc: SearchDoc): void {
    if (!doc || typeof doc.id !== 'string' || !doc.id) throw new TypeError('SearchIndex.add: doc.id must be a non-empty string');
    if (typeof doc.title !== 'string' || typeof doc.excerpt !== 'string') {
      throw new TypeError(`SearchIndex.add: ${doc.id}: title and excerpt must be strings`);
    }
    checkTermVector(doc.vector, `SearchIndex.add: ${doc.id}`);
    const weights = new Map<string, number>();
    doc.vector.terms.forEach((t, i) => weights.set(t, doc.vector.weights[i]));
    // Titles and excerpts are searchable in full, even terms too weak to make the stored vector.
    for (const t of tokenize(doc.excerpt, doc.language)) weights.set(t, Math.max(weights.get(t) ?? 0, EXCERPT_WEIGHT));
    const titleTerms = new Set(tokenize(doc.title, doc.language));
    for (const t of titleTerms) if (!weights.has(t)) weights.set(t, 1);
    const terms: string[] = [];
    const scores: number[] = [];
    for (const [term, tf] of weights) {
      terms.push(term);
      scores.push((tf * (K1 + 1)) / (tf + K1) + (titleTerms.has(term) ? TITLE_BONUS : 0));
    }
    if (this.has(doc.id)) this.store.delete(doc.id);
    this.store.insert(doc.id, terms, scores);
    this.stale = true;
  }

  /** Removes an article (evicted or deleted). */
  remove(id: string): void {
    if (this.store.delete(id) >= 0) this.stale = true;
  }

  /** Ranked results: stories matching every word first (best first), then stories matching some; ties by id. */
  search(query: string, opts: { limit?: number; language?: string | null } = {}): SearchHit[] {
    const limit = opts.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`SearchIndex.search: limit must be a non-negative integer, got ${limit}`);
    const parsed = parseQuery(query, opts.language);
    this.refresh();
    // Each query word is a group of index terms: itself, or for the word being typed, its own
    // term and the terms it is the beginning of (so "floods" still finds "flood").
    const groups = parsed.terms.map((t) => this.weighted([[t, 1]]));
    if (parsed.prefix || parsed.prefixTerm) groups.push(this.expand(parsed.prefix, parsed.prefixTerm));
    groups.splice(MAX_GROUPS);
    if (groups.length === 0 || limit === 0) return [];

    // Plain loops over local typed arrays: these run once per story matched (all 10,000 for a common word).
    const { score, best, mask, touched, groupTouched } = this;
    let count = 0;
    for (let g = 0; g < groups.length; g++) {
      const groupCount = this.scoreGroup(groups[g]);
      const bit = 1 << g;
      for (let i = 0; i < groupCount; i++) {
        const slot = groupTouched[i];
        if (mask[slot] === 0) touched[count++] = slot;
        score[slot] += best[slot];
        mask[slot] |= bit;
        best[slot] = 0;
      }
    }
    // A common word matches thousands of stories: rank them by one number (groups matched, then
    // score) and make result objects only for those above the limit-th best, plus as many of those
    // tied with it as fit, smallest ids first: the final order below is exactly the full sort's.
    const keys = new Float64Array(count);
    let exact = true;
    for (let i = 0; i < count; i++) {
      const slot = touched[i];
      const rounded = Math.round(score[slot] * 1000) / 1000;
      score[slot] = rounded;
      if (rounded >= 1e6) exact = false;
      keys[i] = bitCount(mask[slot]) * 1e7 + rounded;
    }
    const cutoff = exact && count > limit ? kthLargest(keys.slice(), limit) : -Infinity;
    const { ids } = this.store;
    const hits: Array<{ slot: number; id: string; groups: number; score: number }> = [];
    const hit = (slot: number) => ({ slot, id: ids[slot], groups: bitCount(mask[slot]), score: score[slot] });
    // Ties at the cut are ordered by id: keep only the smallest ids that fit, not all of them (a word
    // in every story has an idf of ~0, so all 10,000 would tie and be sorted by id).
    const ties: number[] = [];
    for (let i = 0; i < count; i++) {
      if (keys[i] > cutoff) hits.push(hit(touched[i]));
      else if (keys[i] === cutoff) ties.push(touched[i]);
    }
    for (const slot of this.smallestIds(ties, limit - hits.length)) hits.push(hit(slot));
    for (let i = 0; i < count; i++) {
      score[touched[i]] = 0;
      mask[touched[i]] = 0;
    }
    return hits
      .sort((a, b) => b.groups - a.groups || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit)
      .map((h) => ({ id: h.id, score: h.score, terms: this.matchedTerms(h.slot, groups) }));
  }

  /**
   * Queries over the most widespread terms, each whole and as a two-letter prefix: the heaviest
   * searches there are. Running a few before a reader types lets the JavaScript engine compile the
   * loops above (a fresh worker's first searches of a common word take 20–40 ms, then ~2 ms).
   */
  practiceQueries(count: number): string[] {
    this.refresh();
    const { df, termNames } = this.store;
    const widest: number[] = [];
    const wanted = Math.ceil(count / 2);
    for (let termId = 0; termId < termNames.length; termId++) {
      if (df[termId] === 0 || (widest.length === wanted && df[termId] <= df[widest[wanted - 1]])) continue;
      let at = widest.length;
      while (at > 0 && df[termId] > df[widest[at - 1]]) at--;
      widest.splice(at, 0, termId);
      if (widest.length > wanted) widest.pop();
    }
    return widest.flatMap((termId) => [`${termNames[termId]} `, termNames[termId].slice(0, MIN_PREFIX)]).slice(0, count);
  }

  /** Rebuilds postings and the sorted vocabulary if anything changed (searches call it). */
  refresh(): void {
    if (!this.stale) return;
    this.store.rebuildPostings();
    this.vocabulary.update(this.store.termNames, this.store.generation);
    const slots = this.store.slotCount;
    if (this.score.length < slots) {
      this.score = new Float64Array(slots);
      this.best = new Float64Array(slots);
      this.mask = new Int32Array(slots);
      this.touched = new Int32Array(slots);
      this.groupTouched = new Int32Array(slots);
    }
    if (this.idKey.length < slots) this.idKey = new Float64Array(this.score.length);
    const { ids } = this.store;
    for (let slot = 0; slot < slots; slot++) this.idKey[slot] = idPrefixKey(ids[slot]);
    this.stale = false;
  }

  /** Known, live terms with their weights. */
  private weighted(terms: Array<[string, number]>): Array<{ termId: number; weight: number }> {
    const out: Array<{ termId: number; weight: number }> = [];
    for (const [term, weight] of terms) {
      const termId = this.store.termId(term);
      if (termId >= 0 && this.store.df[termId] > 0 && !out.some((o) => o.termId === termId)) out.push({ termId, weight });
    }
    return out;
  }

  /** The word being typed: its own term, and the most widespread vocabulary terms it begins. */
  private expand(prefix: string | null, own: string | null): Array<{ termId: number; weight: number }> {
    const completions: number[] = [];
    if (prefix) {
      for (const term of this.vocabulary.startingWith(prefix)) {
        const termId = this.store.termId(term);
        if (this.store.df[termId] > 0) completions.push(termId);
      }
    }
    const { df } = this.store;
    completions.sort((a, b) => df[b] - df[a] || a - b);
    const terms: Array<[string, number]> = own ? [[own, 1]] : [];
    for (const termId of completions.slice(0, MAX_EXPANSIONS)) terms.push([this.store.termNames[termId], EXPANSION_WEIGHT]);
    return this.weighted(terms);
  }

  /** Each document's best match within one query word's terms ("flood" and "floodgat" do not add up). */
  private scoreGroup(group: Array<{ termId: number; weight: number }>): number {
    const { postingStart, postingSlot, postingEntry, entryCount, df } = this.store;
    const { best, groupTouched } = this;
    const n = Math.max(1, this.store.size);
    let count = 0;
    for (const { termId, weight } of group) {
      const idf = Math.log(1 + (n - df[termId] + 0.5) / (df[termId] + 0.5));
      for (let p = postingStart[termId], end = postingStart[termId + 1]; p < end; p++) {
        const slot = postingSlot[p];
        const s = weight * idf * entryCount[postingEntry[p]];
        if (best[slot] === 0) groupTouched[count++] = slot;
        if (s > best[slot]) best[slot] = s;
      }
    }
    return count;
  }

  /** The `k` slots of `slots` whose ids sort first, by insertion into a short sorted list (k is a page of results). */
  private smallestIds(slots: readonly number[], k: number): number[] {
    if (k <= 0) return [];
    const { ids } = this.store;
    const key = this.idKey;
    const before = (a: number, b: number) => key[a] < key[b] || (key[a] === key[b] && ids[a] < ids[b]);
    const best: number[] = [];
    for (const slot of slots) {
      if (best.length === k && !before(slot, best[k - 1])) continue;
      let at = best.length;
      while (at > 0 && before(slot, best[at - 1])) at--;
      best.splice(at, 0, slot);
      if (best.length > k) best.pop();
    }
    return best;
  }

  private matchedTerms(slot: number, groups: Array<Array<{ termId: number }>>): string[] {
    const terms: string[] = [];
    for (const group of groups) for (const { termId } of group) if (this.rowHas(slot, termId)) terms.push(this.store.termNames[termId]);
    return [...new Set(terms)];
  }

  /** Binary search in the document's row, which is sorted by term id. */
  private rowHas(slot: number, termId: number): boolean {
    let lo = this.store.rowStart[slot];
    let hi = lo + this.store.rowLength[slot] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = this.store.entryTerm[mid];
      if (t === termId) return true;
      if (t < termId) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

/** The first three UTF-16 units of an id as one exact number, ordered as the strings are. */
function idPrefixKey(id: string): number {
  return (id.charCodeAt(0) || 0) * 2 ** 32 + (id.charCodeAt(1) || 0) * 2 ** 16 + (id.charCodeAt(2) || 0);
}

function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
