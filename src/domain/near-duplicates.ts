// Near-duplicate detection: the same story from several sources (or an
// updated copy). Uses the full-idf "identity" weights, because two texts are
// the same story when they share the same rare words, not merely a topic.
import type { CorpusWeights } from './related-weights';
import type { SparseStore } from './sparse-store';

/** A row: term ids ascending, with unit-length identity weights. */
export interface IdentityRow {
  terms: Int32Array;
  identity: Float32Array;
}

/** Reusable per-slot scratch space; all zero between calls. */
export interface Scratch {
  sums: Float64Array;
  touched: Int32Array;
}

/** Identity cosine of two rows: one merge pass over their sorted term ids. */
export function identityCosine(a: IdentityRow, b: IdentityRow): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.terms.length && j < b.terms.length) {
    if (a.terms[i] === b.terms[j]) dot += a.identity[i++] * b.identity[j++];
    else if (a.terms[i] < b.terms[j]) i++;
    else j++;
  }
  return dot;
}

/**
 * Every stored document whose identity cosine with `row` reaches `threshold` (except `self`),
 * most similar first, ties by id. Candidates come from the postings of the row's terms that
 * carry topic weight (postings store topic weights; rescaled by the idf ratio they give identity
 * weights); terms without topic weight — too rare, or so common they are boilerplate — can only
 * add at most their share of the row's norm, so candidates within that margin are confirmed by
 * an exact merge. A duplicate must share at least one term that carries topic weight.
 */
export function findDuplicates(
  store: SparseStore,
  weights: CorpusWeights,
  scratch: Scratch,
  row: IdentityRow,
  self: number,
  threshold: number,
  rowOf: (slot: number) => IdentityRow,
): Array<{ slot: number; cosine: number }> {
  const { postingStart, postingSlot } = store;
  const { postingWeight, idf, fullIdf, norm, identityNorm } = weights;
  const { sums, touched } = scratch;
  let count = 0;
  let unindexed = 0;
  for (let i = 0; i < row.terms.length; i++) {
    const termId = row.terms[i];
    if (row.identity[i] === 0) continue;
    if (idf[termId] === 0) {
      unindexed += row.identity[i] ** 2;
      continue;
    }
    const w = (row.identity[i] * fullIdf[termId]) / idf[termId];
    for (let p = postingStart[termId]; p < postingStart[termId + 1]; p++) {
      const slot = postingSlot[p];
      if (sums[slot] === 0) touched[count++] = slot;
      sums[slot] += w * postingWeight[p];
    }
  }
  const margin = Math.sqrt(unindexed);
  const found: Array<{ slot: number; cosine: number }> = [];
  for (let i = 0; i < count; i++) {
    const slot = touched[i];
    const partial = norm[slot] > 0 ? (sums[slot] * identityNorm[slot]) / norm[slot] : 0;
    sums[slot] = 0;
    if (slot === self || partial + margin < threshold) continue;
    const cosine = margin > 0 ? identityCosine(row, rowOf(slot)) : partial;
    if (cosine >= threshold) found.push({ slot, cosine });
  }
  const ids = store.ids;
  return found.sort((a, b) => b.cosine - a.cosine || (ids[a.slot] < ids[b.slot] ? -1 : ids[a.slot] > ids[b.slot] ? 1 : 0));
}
