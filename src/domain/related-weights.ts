// How the related-stories index weighs terms. Stored vectors hold raw counts;
// these weights depend on the whole corpus (document frequencies, average
// length, the mean story), so they are recomputed in one linear pass whenever
// the corpus has changed.
import type { TermVector } from './article';
import type { SparseStore } from './sparse-store';

/** Scoring knobs; the defaults are the ones measured best on the BBC evaluation (scripts/eval-related.ts). */
export interface RelatedTuning {
  /** BM25 term-frequency saturation. */
  k1: number;
  /** BM25 length normalisation (0 = none). */
  b: number;
  /** Exponent on idf: below 1 lets shared topical words ("budget", "striker") count, not only rare names. */
  idfPower: number;
  /** Terms in fewer documents than this carry no weight (they can never link two stories). */
  minDf: number;
  /** Terms in more than this share of documents carry no topic weight: feed boilerplate ("read more", a disclaimer) is not a topic. */
  maxDfShare: number;
  /** How much of a story's similarity to the mean story is subtracted: generic stories are near everything ("hubs"). */
  centering: number;
  /** Cosine a story needs with the query to be related at all: sharing a word or two is not a relation. */
  minCosine: number;
  /** Nearest stories whose consensus re-scores the candidates (0 = plain cosine). */
  feedbackDocs: number;
  /** Weight of that consensus against the query's own cosine (1 = equal). */
  feedbackWeight: number;
  /** How many first-pass candidates are re-scored. */
  rerankDepth: number;
  /** Cosine (over full-idf "identity" weights) at or above which two stories count as the same story. */
  duplicateThreshold: number;
  /** Score bonus (as a share) for the same non-empty section. */
  sectionBoost: number;
  /** Score bonus (as a share) for stories published at the same moment, fading with distance in time. */
  timeBoost: number;
  /** Time over which the time bonus fades by a factor e. */
  timeScaleMs: number;
}

/** Scoring defaults (see scripts/eval-related.ts for how they were chosen). */
export const DEFAULT_RELATED_TUNING: Readonly<RelatedTuning> = {
  k1: 1.2,
  b: 0.75,
  idfPower: 0.15,
  minDf: 2,
  maxDfShare: 0.5,
  centering: 2.5,
  minCosine: 0.05,
  feedbackDocs: 10,
  feedbackWeight: 1,
  rerankDepth: 100,
  duplicateThreshold: 0.6,
  sectionBoost: 0.1,
  timeBoost: 0.1,
  timeScaleMs: 3 * 86_400_000,
};

/**
 * Corpus-dependent weights, valid until the next add or remove. A stored entry's weight is
 * saturate(count) × idf × the document's norm; only the per-posting copy of the topic weight
 * is materialised (the hot loop), rows are weighed on demand (see `weighRow`), which keeps
 * the index to four numbers per entry.
 */
export interface CorpusWeights {
  /** Term id → idf^idfPower, or 0 for terms too rare to link stories (topic weights). */
  idf: Float64Array;
  /**
   * Term id → full idf (identity weights). Whether two texts are the same story is a question
   * about the rare words they share (names, places, figures), unlike topic similarity, which
   * the flattened idf serves. A word only one story has still counts: it makes it different.
   */
  fullIdf: Float64Array;
  /** Slot → BM25 length factor k1·(1 − b + b·length/average). */
  lengthFactor: Float64Array;
  /** Slot → 1 / norm of the topic weights (0 when all are zero). */
  norm: Float64Array;
  /** Slot → 1 / norm of the identity weights. */
  identityNorm: Float64Array;
  /** Posting → unit-normalised topic weight, in posting order for fast scans. */
  postingWeight: Float32Array;
  /** Slot → dot product with the mean document. */
  centrality: Float64Array;
  averageLength: number;
}

function idfOf(df: number, n: number, tuning: RelatedTuning): number {
  if (df < tuning.minDf || df > tuning.maxDfShare * n) return 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5)) ** tuning.idfPower;
}

function identityIdfOf(df: number, n: number): number {
  return df > 0 ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0;
}

function lengthFactorOf(length: number, averageLength: number, tuning: RelatedTuning): number {
  return tuning.k1 * (1 - tuning.b + (tuning.b * length) / averageLength);
}

function saturate(tf: number, lengthFactor: number, k1: number): number {
  return (tf * (k1 + 1)) / (tf + lengthFactor);
}

/** Sum of raw counts in a document's row. */
function documentLength(store: SparseStore, slot: number): number {
  const end = store.rowStart[slot] + store.rowLength[slot];
  let length = 0;
  for (let e = store.rowStart[slot]; e < end; e++) length += store.entryCount[e];
  return length;
}

/** Weighs the corpus as it is now; rebuilds the store's postings first. */
export function computeWeights(store: SparseStore, tuning: RelatedTuning): CorpusWeights {
  store.rebuildPostings();
  const n = store.size;
  const { k1 } = tuning;
  const idf = new Float64Array(store.termNames.length);
  const fullIdf = new Float64Array(store.termNames.length);
  for (let t = 0; t < idf.length; t++) {
    idf[t] = idfOf(store.df[t], n, tuning);
    fullIdf[t] = identityIdfOf(store.df[t], n);
  }

  const slots = store.slotCount;
  const lengthFactor = new Float64Array(slots);
  let totalLength = 0;
  for (let slot = 0; slot < slots; slot++) totalLength += lengthFactor[slot] = documentLength(store, slot);
  const averageLength = n > 0 ? totalLength / n : 1;
  for (let slot = 0; slot < slots; slot++) lengthFactor[slot] = lengthFactorOf(lengthFactor[slot], averageLength, tuning);

  const norm = new Float64Array(slots);
  const identityNorm = new Float64Array(slots);
  for (let slot = 0; slot < slots; slot++) {
    let squares = 0;
    let identitySquares = 0;
    for (let e = store.rowStart[slot]; e < store.rowStart[slot] + store.rowLength[slot]; e++) {
      const tf = saturate(store.entryCount[e], lengthFactor[slot], k1);
      squares += (tf * idf[store.entryTerm[e]]) ** 2;
      identitySquares += (tf * fullIdf[store.entryTerm[e]]) ** 2;
    }
    norm[slot] = squares > 0 ? 1 / Math.sqrt(squares) : 0;
    identityNorm[slot] = identitySquares > 0 ? 1 / Math.sqrt(identitySquares) : 0;
  }

  const postingWeight = new Float32Array(store.postingEntry.length);
  const mean = new Float64Array(idf.length);
  for (let t = 0; t < idf.length; t++) {
    for (let p = store.postingStart[t]; p < store.postingStart[t + 1]; p++) {
      const slot = store.postingSlot[p];
      const w = saturate(store.entryCount[store.postingEntry[p]], lengthFactor[slot], k1) * idf[t] * norm[slot];
      postingWeight[p] = w;
      mean[t] += w / n;
    }
  }
  store.releasePostingEntries();

  const centrality = new Float64Array(slots);
  for (let t = 0; t < idf.length; t++) {
    if (mean[t] === 0) continue;
    for (let p = store.postingStart[t]; p < store.postingStart[t + 1]; p++) centrality[store.postingSlot[p]] += mean[t] * postingWeight[p];
  }
  return { idf, fullIdf, lengthFactor, norm, identityNorm, postingWeight, centrality, averageLength };
}

/** A row of terms (ids ascending) with unit-length topic and identity weights. */
export interface WeighedRow {
  terms: Int32Array;
  weights: Float32Array;
  identity: Float32Array;
}

/** A stored document's row, weighed. */
export function weighRow(store: SparseStore, weights: CorpusWeights, slot: number, tuning: RelatedTuning): WeighedRow {
  const start = store.rowStart[slot];
  const length = store.rowLength[slot];
  const row: WeighedRow = {
    terms: store.entryTerm.subarray(start, start + length),
    weights: new Float32Array(length),
    identity: new Float32Array(length),
  };
  for (let i = 0; i < length; i++) {
    const tf = saturate(store.entryCount[start + i], weights.lengthFactor[slot], tuning.k1);
    row.weights[i] = tf * weights.idf[row.terms[i]] * weights.norm[slot];
    row.identity[i] = tf * weights.fullIdf[row.terms[i]] * weights.identityNorm[slot];
  }
  return row;
}

/** Weighs a vector that is not stored as if it were one more document; terms the index has never seen match nothing but still count in its norm. */
export function weighVector(vector: TermVector, store: SparseStore, averageLength: number, tuning: RelatedTuning): WeighedRow {
  const n = store.size + 1;
  let length = 0;
  for (const w of vector.weights) length += w;
  const average = (averageLength * (n - 1) + length) / n;
  const known: Array<{ termId: number; weight: number; identity: number }> = [];
  let sumSquares = 0;
  let identitySquares = 0;
  vector.terms.forEach((term, i) => {
    const termId = store.termId(term);
    const df = (termId < 0 ? 0 : store.df[termId]) + 1;
    const tf = saturate(vector.weights[i], lengthFactorOf(length, average, tuning), tuning.k1);
    const weight = tf * idfOf(df, n, tuning);
    const identity = tf * identityIdfOf(df, n);
    sumSquares += weight * weight;
    identitySquares += identity * identity;
    if (termId >= 0) known.push({ termId, weight, identity });
  });
  known.sort((a, b) => a.termId - b.termId);
  const norm = sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 0;
  const identityNorm = identitySquares > 0 ? 1 / Math.sqrt(identitySquares) : 0;
  return {
    terms: Int32Array.from(known, (k) => k.termId),
    weights: Float32Array.from(known, (k) => k.weight * norm),
    identity: Float32Array.from(known, (k) => k.identity * identityNorm),
  };
}
