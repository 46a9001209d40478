// "Related" stories: cosine similarity over BM25-weighted term vectors, with
// candidates from an inverted index, small boosts for the same section and
// nearness in time, and near-duplicates (one story from several sources)
// folded into a single hit. Weights depend on corpus statistics, so they are
// recomputed lazily: any add/remove marks the index stale and the next query
// pays one linear pass (a few ms at 10,000 articles) instead of every add.
import type { TermVector } from './article';
import { SparseStore } from './sparse-store';
import { checkTermVector } from './term-vector';

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

/** Scoring knobs; the defaults are the ones measured best on the BBC evaluation. */
export interface RelatedTuning {
  /** BM25 term-frequency saturation. */
  k1: number;
  /** BM25 length normalisation (0 = none). */
  b: number;
  /** Terms in fewer documents than this carry no weight (they can never link two stories). */
  minDf: number;
  /** Score multiplier bonus for the same (non-empty) section. */
  sectionBoost: number;
  /** Score multiplier bonus for stories published at the same moment, fading with distance. */
  timeBoost: number;
  /** Time over which the time boost fades by a factor e. */
  timeScaleMs: number;
  /** Cosine at or above which two stories count as the same story. */
  duplicateThreshold: number;
  /** Nearest stories blended into the query for re-scoring (0 = plain cosine). */
  feedbackDocs: number;
  /** Weight of those stories' centroid against the query's own vector (1). */
  feedbackWeight: number;
  /** How many first-pass candidates are re-scored. */
  rerankDepth: number;
  /** Terms in more than this share of documents carry no weight (corpus-specific stop words). */
  maxDfShare: number;
  /** Exponent on idf: below 1 favours mid-frequency topical words over rare names. */
  idfPower: number;
  /** How much of a story's similarity to the corpus centroid is subtracted (hubness reduction). */
  centering: number;
}

/** Scoring defaults (see scripts/eval-related.ts for how they were chosen). */
export const DEFAULT_RELATED_TUNING: Readonly<RelatedTuning> = {
  k1: 1.2,
  b: 0.75,
  minDf: 2,
  sectionBoost: 0.1,
  timeBoost: 0.1,
  timeScaleMs: 3 * 24 * 3600 * 1000,
  duplicateThreshold: 0.7,
  feedbackDocs: 5,
  feedbackWeight: 1,
  rerankDepth: 100,
  centering: 0,
  idfPower: 1,
  maxDfShare: 1,
};

/** Default number of related hits. */
export const DEFAULT_RELATED_LIMIT = 5;

interface Candidate {
  slot: number;
  id: string;
  cosine: number;
  score: number;
}

function growTo<T extends Float64Array | Float32Array | Int32Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
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
  /** Entry → unit-normalised BM25 weight; posting → the same weight, laid out for scanning. */
  private entryWeight = new Float32Array(0);
  private postingWeight = new Float32Array(0);
  private idf: Float64Array = new Float64Array(0);
  private averageLength = 1;
  private scratch: Float64Array = new Float64Array(0);
  /** Slot → cosine-like similarity to the corpus centroid. */
  private centrality: Float64Array = new Float64Array(0);
  /** Term id → expanded-query weight during a re-rank; all zero between queries. */
  private dense: Float64Array = new Float64Array(0);
  private touched = new Int32Array(0);

  /** An empty index; `tuning` overrides scoring defaults. */
  constructor(tuning: Partial<RelatedTuning> = {}) {
    this.tuning = { ...DEFAULT_RELATED_TUNING, ...tuning };
  }

  /** Builds an index from stored documents in one pass (the start-up rebuild). */
  static build(docs: Iterable<IndexedDoc>, tuning: Partial<RelatedTuning> = {}): RelatedIndex {
    const index = new RelatedIndex(tuning);
    for (const doc of docs) index.add(doc);
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
    this.section = growTo(this.section, slot + 1);
    this.source = growTo(this.source, slot + 1);
    this.published = growTo(this.published, slot + 1);
    this.section[slot] = doc.section ? this.label(`section:${doc.section}`) : -1;
    this.source[slot] = this.label(`source:${doc.sourceId}`);
    this.published[slot] = doc.publishedAt;
    this.stale = true;
  }

  /** Removes a document (its terms' document frequencies drop); unknown ids are ignored. */
  remove(id: string): void {
    if (this.store.delete(id) >= 0) this.stale = true;
  }

  /** The stories most similar to an indexed one, near-duplicates grouped, never the story itself or its own duplicates. */
  related(id: string, options: RelatedOptions = {}): RelatedHit[] {
    if (typeof id !== 'string') throw new TypeError('RelatedIndex.related: id must be a string');
    const limit = checkLimit(options.limit);
    this.refresh();
    const slot = this.store.slotOf(id);
    if (slot < 0) return [];
    const start = this.store.rowStart[slot];
    const end = start + this.store.rowLength[slot];
    const terms = this.store.entryTerm.subarray(start, end);
    const weights = this.entryWeight.subarray(start, end);
    const context = { section: this.section[slot], published: this.published[slot], self: slot };
    return this.rank(terms, weights, context, limit, options.filter);
  }

  /** The stories most similar to an arbitrary term vector (e.g. one not stored yet). */
  similar(vector: TermVector, options: SimilarOptions = {}): RelatedHit[] {
    checkTermVector(vector, 'RelatedIndex.similar');
    const limit = checkLimit(options.limit);
    this.refresh();
    const { terms, weights } = this.weighVector(vector);
    const section = options.section ? (this.labels.get(`section:${options.section}`) ?? -2) : -1;
    const self = options.excludeId === undefined ? -1 : this.store.slotOf(options.excludeId);
    const published = options.publishedAt ?? Number.NaN;
    return this.rank(terms, weights, { section, published, self }, limit, options.filter);
  }

  /** Ids of near-duplicates of an indexed story (any source), most similar first. */
  duplicatesOf(id: string): string[] {
    this.refresh();
    const slot = this.store.slotOf(id);
    if (slot < 0) return [];
    return this.findDuplicates(slot).map((d) => this.store.ids[d.slot]);
  }

  /** Recomputes weights and postings if anything changed since the last query. */
  refresh(): void {
    if (!this.stale) return;
    const { store } = this;
    store.rebuildPostings();
    const idf = (this.idf = this.idfTable());
    this.entryWeight = new Float32Array(store.entryTerm.length);
    let totalLength = 0;
    for (let slot = 0; slot < store.slotCount; slot++) totalLength += this.rowLength(slot);
    const averageLength = (this.averageLength = store.size > 0 ? totalLength / store.size : 1);
    for (let slot = 0; slot < store.slotCount; slot++) {
      const start = store.rowStart[slot];
      const end = start + store.rowLength[slot];
      const lengthFactor = this.tuning.k1 * (1 - this.tuning.b + (this.tuning.b * this.rowLength(slot)) / averageLength);
      let sumSquares = 0;
      for (let e = start; e < end; e++) {
        const tf = store.entryCount[e];
        const w = ((tf * (this.tuning.k1 + 1)) / (tf + lengthFactor)) * idf[store.entryTerm[e]];
        this.entryWeight[e] = w;
        sumSquares += w * w;
      }
      const norm = sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 0;
      for (let e = start; e < end; e++) this.entryWeight[e] *= norm;
    }
    this.postingWeight = new Float32Array(store.postingEntry.length);
    for (let p = 0; p < store.postingEntry.length; p++) this.postingWeight[p] = this.entryWeight[store.postingEntry[p]];
    this.centrality = this.centralities();
    this.scratch = new Float64Array(store.slotCount);
    this.touched = new Int32Array(store.slotCount);
    if (this.dense.length < store.termNames.length) this.dense = new Float64Array(store.termNames.length);
    this.stale = false;
  }

  /** Each story's dot product with the mean story: generic stories ("hubs") are close to everyone. */
  private centralities(): Float64Array {
    const { store } = this;
    const mean = new Float64Array(store.termNames.length);
    for (let slot = 0; slot < store.slotCount; slot++) {
      const end = store.rowStart[slot] + store.rowLength[slot];
      for (let e = store.rowStart[slot]; e < end; e++) mean[store.entryTerm[e]] += this.entryWeight[e];
    }
    const n = Math.max(1, store.size);
    const result = new Float64Array(store.slotCount);
    for (let slot = 0; slot < store.slotCount; slot++) {
      const end = store.rowStart[slot] + store.rowLength[slot];
      let dot = 0;
      for (let e = store.rowStart[slot]; e < end; e++) dot += (mean[store.entryTerm[e]] / n) * this.entryWeight[e];
      result[slot] = dot;
    }
    return result;
  }

  private label(key: string): number {
    let id = this.labels.get(key);
    if (id === undefined) {
      id = this.labels.size;
      this.labels.set(key, id);
    }
    return id;
  }

  private rowLength(slot: number): number {
    const start = this.store.rowStart[slot];
    const end = start + this.store.rowLength[slot];
    let length = 0;
    for (let e = start; e < end; e++) length += this.store.entryCount[e];
    return length;
  }

  private idfTable(): Float64Array {
    const { df } = this.store;
    const n = this.store.size;
    const idf = new Float64Array(this.store.termNames.length);
    for (let t = 0; t < idf.length; t++) {
      idf[t] = df[t] >= this.tuning.minDf && df[t] <= this.tuning.maxDfShare * n ? Math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5)) ** this.tuning.idfPower : 0;
    }
    return idf;
  }

  /** Weighs an outside vector as if it were one more document of the corpus. */
  private weighVector(vector: TermVector): { terms: Int32Array; weights: Float32Array } {
    const n = this.store.size + 1;
    let length = 0;
    for (const w of vector.weights) length += w;
    const averageLength = (this.averageLength * (n - 1) + length) / n;
    const lengthFactor = this.tuning.k1 * (1 - this.tuning.b + (this.tuning.b * length) / averageLength);
    const terms: number[] = [];
    const weights: number[] = [];
    let sumSquares = 0;
    vector.terms.forEach((term, i) => {
      const termId = this.store.termId(term);
      const df = (termId < 0 ? 0 : this.store.df[termId]) + 1;
      if (df < this.tuning.minDf) return;
      const tf = vector.weights[i];
      const w = ((tf * (this.tuning.k1 + 1)) / (tf + lengthFactor)) * Math.log(1 + (n - df + 0.5) / (df + 0.5));
      sumSquares += w * w;
      if (termId >= 0) {
        terms.push(termId);
        weights.push(w);
      }
    });
    const norm = sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 0;
    return { terms: Int32Array.from(terms), weights: Float32Array.from(weights, (w) => w * norm) };
  }

  /** Cosine of the query against every document sharing a term with it. */
  private accumulate(terms: Int32Array, weights: Float32Array): number {
    const { postingStart, postingSlot } = this.store;
    const { scratch, touched, postingWeight } = this;
    let count = 0;
    for (let i = 0; i < terms.length; i++) {
      const w = weights[i];
      // Zero-idf terms have all-zero postings; skipping them also keeps `touched` free of repeats.
      if (w === 0 || this.idf[terms[i]] === 0) continue;
      const end = postingStart[terms[i] + 1];
      for (let p = postingStart[terms[i]]; p < end; p++) {
        const slot = postingSlot[p];
        if (scratch[slot] === 0) touched[count++] = slot;
        scratch[slot] += w * postingWeight[p];
      }
    }
    return count;
  }

  private rank(
    terms: Int32Array,
    weights: Float32Array,
    query: { section: number; published: number; self: number },
    limit: number,
    filter: ((id: string) => boolean) | undefined,
  ): RelatedHit[] {
    const count = this.accumulate(terms, weights);
    const { duplicateThreshold, sectionBoost, timeBoost, timeScaleMs } = this.tuning;
    let candidates: Candidate[] = [];
    const consumed = new Set<number>();
    for (let i = 0; i < count; i++) {
      const slot = this.touched[i];
      const cosine = this.scratch[slot];
      this.scratch[slot] = 0;
      if (slot === query.self || cosine <= 0) continue;
      // The query's own duplicates are the same story, not a related one.
      if (cosine >= duplicateThreshold) {
        consumed.add(slot);
        continue;
      }
      const id = this.store.ids[slot];
      if (filter && !filter(id)) continue;
      candidates.push({ slot, id, cosine, score: cosine - this.tuning.centering * this.centrality[slot] });
    }
    if (this.tuning.feedbackDocs > 0) candidates = this.rerank(candidates, limit);
    for (const c of candidates) {
      if (query.section >= 0 && this.section[c.slot] === query.section) c.score *= 1 + sectionBoost;
      if (Number.isFinite(query.published)) {
        c.score *= 1 + timeBoost * Math.exp(-Math.abs(this.published[c.slot] - query.published) / timeScaleMs);
      }
    }
    // Room for duplicates that will be folded into better hits.
    return this.group(topCandidates(candidates, limit * 4 + 16), candidates, query.self, consumed, limit, filter);
  }

  /**
   * Pseudo-relevance feedback: the query is moved towards its few nearest stories and the
   * best candidates are re-scored against it. One story's own words are a noisy sample of
   * its topic; its neighbours' shared words are a steadier one.
   */
  private rerank(candidates: Candidate[], limit: number): Candidate[] {
    const { feedbackDocs, feedbackWeight, rerankDepth } = this.tuning;
    const pool = topCandidates(candidates, Math.max(rerankDepth, limit * 4 + 16), (c) => c.cosine);
    const feedback = pool.slice(0, feedbackDocs);
    if (feedback.length < 2) return pool;
    const { dense, store, entryWeight } = this;
    const used: number[] = [];
    for (const c of feedback) {
      const end = store.rowStart[c.slot] + store.rowLength[c.slot];
      for (let e = store.rowStart[c.slot]; e < end; e++) {
        if (dense[store.entryTerm[e]] === 0) used.push(store.entryTerm[e]);
        dense[store.entryTerm[e]] += entryWeight[e];
      }
    }
    const feedbackSlots = new Set(feedback.map((c) => c.slot));
    for (const c of pool) {
      const end = store.rowStart[c.slot] + store.rowLength[c.slot];
      let dot = 0;
      for (let e = store.rowStart[c.slot]; e < end; e++) dot += dense[store.entryTerm[e]] * entryWeight[e];
      // Leave-one-out: a feedback story is compared with the others, not with its own (unit) vector.
      const neighbourhood = feedbackSlots.has(c.slot) ? (dot - 1) / (feedback.length - 1) : dot / feedback.length;
      c.score = (c.cosine + feedbackWeight * neighbourhood) / (1 + feedbackWeight) - this.tuning.centering * this.centrality[c.slot];
    }
    for (const t of used) dense[t] = 0;
    return pool;
  }

  /** Walks candidates best first, folding each accepted hit's near-duplicates into it. */
  private group(
    first: Candidate[],
    all: Candidate[],
    self: number,
    consumed: Set<number>,
    limit: number,
    filter: ((id: string) => boolean) | undefined,
  ): RelatedHit[] {
    const hits: RelatedHit[] = [];
    let ordered = first;
    for (let i = 0; hits.length < limit; i++) {
      if (i === ordered.length) {
        // The short list ran out because duplicates were folded away: sort everything once.
        if (ordered.length === all.length) break;
        ordered = [...all].sort(byScore);
      }
      const candidate = ordered[i];
      if (consumed.has(candidate.slot)) continue;
      consumed.add(candidate.slot);
      const hit: RelatedHit = { id: candidate.id, score: candidate.score, alsoCoveredBy: [] };
      for (const duplicate of this.findDuplicates(candidate.slot)) {
        if (duplicate.slot === self || consumed.has(duplicate.slot)) continue;
        const id = this.store.ids[duplicate.slot];
        if (filter && !filter(id)) continue;
        consumed.add(duplicate.slot);
        if (this.source[duplicate.slot] !== this.source[candidate.slot]) hit.alsoCoveredBy.push(id);
      }
      hits.push(hit);
    }
    return hits;
  }

  /**
   * Documents whose cosine with `slot` reaches the duplicate threshold. Only postings of the
   * document's strongest terms are scanned: a document sharing none of them cannot reach
   * the threshold, because the remaining terms' weight is too small (Cauchy–Schwarz).
   */
  private findDuplicates(slot: number): Array<{ slot: number; cosine: number }> {
    const { store, entryWeight } = this;
    const threshold = this.tuning.duplicateThreshold;
    const start = store.rowStart[slot];
    const end = start + store.rowLength[slot];
    const order: number[] = [];
    for (let e = start; e < end; e++) if (entryWeight[e] > 0) order.push(e);
    order.sort((a, b) => entryWeight[b] - entryWeight[a]);
    let rest = 1;
    let strong = 0;
    while (strong < order.length && Math.sqrt(Math.max(rest, 0)) >= threshold) {
      rest -= entryWeight[order[strong]] ** 2;
      strong++;
    }
    const restNorm = Math.sqrt(Math.max(rest, 0));
    const terms = Int32Array.from(order.slice(0, strong), (e) => store.entryTerm[e]);
    const weights = Float32Array.from(order.slice(0, strong), (e) => entryWeight[e]);
    const count = this.accumulate(terms, weights);
    const found: Array<{ slot: number; cosine: number }> = [];
    for (let i = 0; i < count; i++) {
      const other = this.touched[i];
      const partial = this.scratch[other];
      this.scratch[other] = 0;
      if (other === slot || partial + restNorm < threshold) continue;
      const cosine = this.cosine(slot, other);
      if (cosine >= threshold) found.push({ slot: other, cosine });
    }
    return found.sort((a, b) => b.cosine - a.cosine || compareIds(store.ids[a.slot], store.ids[b.slot]));
  }

  /** Exact cosine of two indexed documents (rows are sorted by term id, so one merge pass). */
  private cosine(a: number, b: number): number {
    const { entryTerm } = this.store;
    let i = this.store.rowStart[a];
    let j = this.store.rowStart[b];
    const iEnd = i + this.store.rowLength[a];
    const jEnd = j + this.store.rowLength[b];
    let dot = 0;
    while (i < iEnd && j < jEnd) {
      if (entryTerm[i] === entryTerm[j]) dot += this.entryWeight[i++] * this.entryWeight[j++];
      else if (entryTerm[i] < entryTerm[j]) i++;
      else j++;
    }
    return dot;
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || compareIds(a.id, b.id);
}

/** The best few candidates in order, without sorting thousands of weak ones. */
function topCandidates(candidates: Candidate[], keep: number, key = (c: Candidate) => c.score): Candidate[] {
  const order = (a: Candidate, b: Candidate) => key(b) - key(a) || compareIds(a.id, b.id);
  if (candidates.length <= keep) return [...candidates].sort(order);
  const scores = Float64Array.from(candidates, key).sort();
  const cutoff = scores[scores.length - keep];
  return candidates.filter((c) => key(c) >= cutoff).sort(order);
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
