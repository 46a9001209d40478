// "Related" stories: cosine similarity over BM25-weighted term vectors, with
// candidates from an inverted index, re-scored by the consensus of the nearest
// stories, small boosts for the same section and nearness in time, and
// near-duplicates (one story from several sources) folded into a single hit.
// Weights depend on corpus statistics, so they are recomputed lazily: any
// add/remove marks the index stale and the next query pays one linear pass
// (a few ms at 10,000 articles) instead of every add paying it.
import type { TermVector } from './article';
import { findDuplicates, identityCosine, type Scratch } from './near-duplicates';
import {
  computeWeights,
  DEFAULT_RELATED_TUNING,
  weighRow,
  weighVector,
  type CorpusWeights,
  type RelatedTuning,
  type WeighedRow,
} from './related-weights';
import { kthLargest } from './kth-largest';
import { SparseStore } from './sparse-store';
import { checkTermVector } from './term-vector';

export { DEFAULT_RELATED_TUNING, type RelatedTuning } from './related-weights';

/** An article as the related-stories index sees it. */
export interface IndexedDoc {
  id: string;
  vector: TermVector;
  section: string;
  publishedAt: number;
  sourceId: string;
  title?: string;
}

/** One related story; `alsoCoveredBy` lists near-duplicates of it from other sources. */
export interface RelatedHit {
  id: string;
  score: number;
  alsoCoveredBy: string[];
}

/** Query options: how many hits, and which ids may appear at all (hits and "also covered by" alike). */
export interface RelatedOptions {
  limit?: number;
  filter?: (id: string) => boolean;
}

/** Context for similar(): the query's own section, time and id (excluded), when it has them. */
export interface SimilarOptions extends RelatedOptions {
  section?: string;
  publishedAt?: number;
  excludeId?: string;
}

/** Default number of related hits. */
export const DEFAULT_RELATED_LIMIT = 5;

interface Query extends WeighedRow {
  /** Section label id, or -1 for none. */
  section: number;
  /** Epoch ms, or NaN for unknown. */
  published: number;
  /** The query's own slot, or -1. */
  self: number;
}

interface Candidate {
  slot: number;
  id: string;
  cosine: number;
  score: number;
  /** Weighed on first use: only the few pooled candidates ever need it. */
  row?: WeighedRow;
}

/** In-memory related-stories index over stored term vectors. */
export class RelatedIndex {
  private readonly store = new SparseStore();
  private readonly tuning: RelatedTuning;
  private readonly labels = new Map<string, number>();
  private section = new Int32Array(256);
  private source = new Int32Array(256);
  private published = new Float64Array(256);
  private stale = true;
  private weights: CorpusWeights = computeWeights(this.store, DEFAULT_RELATED_TUNING);
  /** Per-slot sums during a query; all zero between queries. */
  private scratch: Scratch = { sums: new Float64Array(0), touched: new Int32Array(0) };
  /** Term id → summed feedback vectors during a re-rank; all zero between queries. */
  private dense = new Float64Array(0);

  /** An empty index; `tuning` overrides scoring defaults. */
  constructor(tuning: Partial<RelatedTuning> = {}) {
    this.tuning = { ...DEFAULT_RELATED_TUNING, ...tuning };
  }

  /** Builds an index from stored documents in one pass (the start-up rebuild). */
  static build(docs: Iterable<IndexedDoc>, tuning: Partial<RelatedTuning> = {}): RelatedIndex {
    const index = new RelatedIndex(tuning);
    for (const doc of docs) index.add(doc);
    index.store.shrinkToFit();
    index.refresh();
    return index;
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.store.size;
  }

  /** Whether a document id is indexed. */
  has(id: string): boolean {
    return this.store.slotOf(id) >= 0;
  }

  /** Number of indexed documents containing a term (exact, kept on every add and remove). */
  documentFrequency(term: string): number {
    const termId = this.store.termId(term);
    return termId < 0 ? 0 : this.store.df[termId];
  }

  /** Indexes a document, replacing any document with the same id. */
  add(doc: IndexedDoc): void {
    checkDoc(doc);
    if (this.has(doc.id)) this.store.delete(doc.id);
    const slot = this.store.insert(doc.id, doc.vector.terms, doc.vector.weights);
    this.section = grow(this.section, slot + 1);
    this.source = grow(this.source, slot + 1);
    this.published = grow(this.published, slot + 1);
    this.section[slot] = doc.section ? this.label(`section:${doc.section}`) : -1;
    this.source[slot] = this.label(`source:${doc.sourceId}`);
    this.published[slot] = doc.publishedAt;
    this.stale = true;
  }

  /** Removes a document (its terms' document frequencies drop); unknown ids are ignored. */
  remove(id: string): void {
    if (this.store.delete(id) >= 0) this.stale = true;
  }

  /** The stories most similar to an indexed one (none for an unknown id), near-duplicates grouped, never the story itself or its own duplicates. */
  related(id: string, options: RelatedOptions = {}): RelatedHit[] {
    if (typeof id !== 'string') throw new TypeError('RelatedIndex.related: id must be a string');
    const limit = checkLimit(options.limit);
    this.refresh();
    const slot = this.store.slotOf(id);
    if (slot < 0 || limit === 0) return [];
    const row = weighRow(this.store, this.weights, slot, this.tuning);
    return this.rank({ ...row, section: this.section[slot], published: this.published[slot], self: slot }, limit, options.filter);
  }

  /** The stories most similar to an arbitrary term vector (e.g. one not stored yet); its near-duplicates are left out as well. */
  similar(vector: TermVector, options: SimilarOptions = {}): RelatedHit[] {
    checkTermVector(vector, 'RelatedIndex.similar');
    const limit = checkLimit(options.limit);
    this.refresh();
    if (limit === 0) return [];
    const weighed = weighVector(vector, this.store, this.weights.averageLength, this.tuning);
    const section = options.section ? (this.labels.get(`section:${options.section}`) ?? -2) : -1;
    const self = options.excludeId === undefined ? -1 : this.store.slotOf(options.excludeId);
    return this.rank({ ...weighed, section, published: options.publishedAt ?? Number.NaN, self }, limit, options.filter);
  }

  /** Ids of near-duplicates of an indexed story (any source), most similar first. */
  duplicatesOf(id: string): string[] {
    this.refresh();
    const slot = this.store.slotOf(id);
    if (slot < 0) return [];
    const row = weighRow(this.store, this.weights, slot, this.tuning);
    const rowOf = (other: number) => weighRow(this.store, this.weights, other, this.tuning);
    return findDuplicates(this.store, this.weights, this.scratch, row, slot, this.tuning.duplicateThreshold, rowOf).map(
      (d) => this.store.ids[d.slot],
    );
  }

  /** Recomputes weights and postings if anything changed since the last query (queries call it; call it early to pay the cost up front). */
  refresh(): void {
    if (!this.stale) return;
    this.weights = computeWeights(this.store, this.tuning);
    if (this.scratch.sums.length < this.store.slotCount) {
      this.scratch = { sums: new Float64Array(this.store.slotCount), touched: new Int32Array(this.store.slotCount) };
    }
    if (this.dense.length < this.store.termNames.length) this.dense = new Float64Array(this.store.termNames.length);
    this.stale = false;
  }

  private label(key: string): number {
    let id = this.labels.get(key);
    if (id === undefined) {
      id = this.labels.size;
      this.labels.set(key, id);
    }
    return id;
  }

  private rowOf(c: Candidate): WeighedRow {
    return (c.row ??= weighRow(this.store, this.weights, c.slot, this.tuning));
  }

  private rank(query: Query, limit: number, filter: ((id: string) => boolean) | undefined): RelatedHit[] {
    // Room for duplicates that will be folded into better hits.
    const room = limit * 4 + 16;
    const pool = this.pool(query, Math.max(this.tuning.rerankDepth, room), filter);
    // The query's own duplicates are the same story, not a related one. Only the pool can
    // produce hits, so only the pool needs checking.
    const threshold = this.tuning.duplicateThreshold;
    const related = pool.filter((c) => identityCosine(query, this.rowOf(c)) < threshold);
    this.rescore(related);
    const { sectionBoost, timeBoost, timeScaleMs } = this.tuning;
    for (const c of related) {
      let bonus = 0;
      if (query.section >= 0 && this.section[c.slot] === query.section) bonus += sectionBoost;
      if (Number.isFinite(query.published)) {
        bonus += timeBoost * Math.exp(-Math.abs(this.published[c.slot] - query.published) / timeScaleMs);
      }
      // Proportional, and always upwards: a negative score (after centering) moves towards zero.
      c.score = stable(c.score + Math.abs(c.score) * bonus);
    }
    return this.group(related.sort(byScore), limit);
  }

  /**
   * The `size` documents with the highest cosine to the query (an inverted-index scan; ties
   * at the cut are all kept), best first, passing `filter`, never the query itself. Objects
   * are made only for those: at 10,000 stories most documents share some word with the query.
   */
  private pool(query: Query, size: number, filter: ((id: string) => boolean) | undefined): Candidate[] {
    const { postingStart, postingSlot } = this.store;
    const { postingWeight, idf } = this.weights;
    const { sums, touched } = this.scratch;
    let count = 0;
    for (let i = 0; i < query.terms.length; i++) {
      const w = query.weights[i];
      const termId = query.terms[i];
      // Zero-idf terms have all-zero postings; skipping them also keeps `touched` free of repeats.
      if (w === 0 || idf[termId] === 0) continue;
      for (let p = postingStart[termId]; p < postingStart[termId + 1]; p++) {
        const slot = postingSlot[p];
        if (sums[slot] === 0) touched[count++] = slot;
        sums[slot] += w * postingWeight[p];
      }
    }
    let kept = 0;
    const cosines = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const slot = touched[i];
      const cosine = stable(sums[slot]);
      sums[slot] = 0;
      if (slot === query.self || cosine < this.tuning.minCosine || cosine <= 0) continue;
      touched[kept] = slot;
      cosines[kept++] = cosine;
    }
    let want = size;
    for (;;) {
      const cutoff = kept > want ? kthLargest(cosines.slice(0, kept), want) : -Infinity;
      const pool: Candidate[] = [];
      for (let i = 0; i < kept; i++) {
        if (cosines[i] < cutoff) continue;
        const id = this.store.ids[touched[i]];
        if (filter && !filter(id)) continue;
        pool.push({ slot: touched[i], id, cosine: cosines[i], score: cosines[i] });
      }
      // A strict filter may leave too few: widen the cut and look again.
      if (pool.length >= size || cutoff === -Infinity) return pool.sort((a, b) => b.cosine - a.cosine || compareIds(a.id, b.id));
      want *= 4;
    }
  }

  /**
   * Final score of each pooled candidate: its cosine blended with its mean cosine to the
   * query's nearest stories (pseudo-relevance feedback: one story's words are a noisy sample
   * of its topic, its neighbours' consensus a steadier one), minus its similarity to the mean
   * story, so that generic stories do not turn up as "related" to everything.
   */
  private rescore(pool: Candidate[]): void {
    const { feedbackWeight, centering } = this.tuning;
    const { dense } = this;
    const feedback = pool.slice(0, this.tuning.feedbackDocs);
    const useFeedback = feedback.length >= 2 && feedbackWeight > 0;
    const used: number[] = [];
    for (const c of useFeedback ? feedback : []) {
      const row = this.rowOf(c);
      for (let i = 0; i < row.terms.length; i++) {
        if (dense[row.terms[i]] === 0) used.push(row.terms[i]);
        dense[row.terms[i]] += row.weights[i];
      }
    }
    const inFeedback = new Set(feedback.map((c) => c.slot));
    for (const c of pool) {
      let score = c.cosine;
      if (useFeedback) {
        const row = this.rowOf(c);
        let dot = 0;
        for (let i = 0; i < row.terms.length; i++) dot += dense[row.terms[i]] * row.weights[i];
        // Leave-one-out: a feedback story is compared with the others, not with its own unit vector.
        const consensus = inFeedback.has(c.slot) ? (dot - 1) / (feedback.length - 1) : dot / feedback.length;
        score = (score + feedbackWeight * consensus) / (1 + feedbackWeight);
      }
      c.score = score - centering * this.weights.centrality[c.slot];
    }
    for (const t of used) dense[t] = 0;
  }

  /** Walks candidates best first, folding into each accepted hit its near-duplicates among the rest. */
  private group(ordered: Candidate[], limit: number): RelatedHit[] {
    const hits: RelatedHit[] = [];
    const consumed = new Set<number>();
    const threshold = this.tuning.duplicateThreshold;
    for (let i = 0; i < ordered.length && hits.length < limit; i++) {
      const candidate = ordered[i];
      if (consumed.has(candidate.slot)) continue;
      const hit: RelatedHit = { id: candidate.id, score: candidate.score, alsoCoveredBy: [] };
      const row = this.rowOf(candidate);
      const duplicates: Array<{ other: Candidate; cosine: number }> = [];
      for (let j = i + 1; j < ordered.length; j++) {
        const other = ordered[j];
        if (consumed.has(other.slot)) continue;
        const cosine = identityCosine(row, this.rowOf(other));
        if (cosine >= threshold) duplicates.push({ other, cosine });
      }
      duplicates.sort((a, b) => b.cosine - a.cosine || compareIds(a.other.id, b.other.id));
      for (const { other } of duplicates) {
        consumed.add(other.slot);
        if (this.source[other.slot] !== this.source[candidate.slot]) hit.alsoCoveredBy.push(other.id);
      }
      hits.push(hit);
    }
    return hits;
  }
}

/**
 * Rounds away float noise: sums taken in a different order (another insertion order, so
 * other term ids) differ in the last bits, and order must not depend on that.
 */
function stable(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function grow<T extends Float64Array | Int32Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || compareIds(a.id, b.id);
}

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_RELATED_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`related: limit must be a non-negative integer, got ${limit}`);
  return limit;
}

function checkDoc(doc: IndexedDoc): void {
  if (doc === null || typeof doc !== 'object') throw new TypeError('RelatedIndex.add: doc must be an object');
  if (typeof doc.id !== 'string' || doc.id === '') throw new TypeError('RelatedIndex.add: doc.id must be a non-empty string');
  if (typeof doc.section !== 'string') throw new TypeError(`RelatedIndex.add: ${doc.id}: section must be a string`);
  if (typeof doc.sourceId !== 'string') throw new TypeError(`RelatedIndex.add: ${doc.id}: sourceId must be a string`);
  if (!Number.isFinite(doc.publishedAt)) throw new TypeError(`RelatedIndex.add: ${doc.id}: publishedAt must be a finite number`);
  checkTermVector(doc.vector, `RelatedIndex.add: ${doc.id}`);
}
