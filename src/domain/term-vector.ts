// An article's strongest terms as a compact sparse vector, computed once at
// ingest and stored. Weights stay raw term counts (title-boosted) so that the
// corpus statistics can re-weight them later as the corpus changes.
import type { TermVector } from './article';
import { kthLargest } from './kth-largest';
import { countTerms } from './tokenize';

/** What a term vector is computed from. */
export interface TermVectorInput {
  title: string;
  dek?: string;
  text: string;
  language?: string | null;
}

/** Terms kept per article: on the BBC evaluation 64 terms lose ~0.01 precision@5 against 128, while more add nothing (scripts/eval-related.ts). */
export const DEFAULT_MAX_TERMS = 128;

/** How much one occurrence counts, by where it occurs: headlines name the story. */
export const FIELD_WEIGHTS = { title: 3, dek: 2, text: 1 } as const;

/** Builds the stored term vector; `idf`, when given, ranks which terms are strongest (it never changes the stored weights). */
export function buildTermVector(
  input: TermVectorInput,
  maxTerms: number = DEFAULT_MAX_TERMS,
  idf?: (term: string) => number,
): TermVector {
  if (input === null || typeof input !== 'object') throw new TypeError('buildTermVector: input must be an object');
  if (typeof input.title !== 'string' || typeof input.text !== 'string') {
    throw new TypeError('buildTermVector: title and text must be strings');
  }
  if (!Number.isInteger(maxTerms) || maxTerms < 1) {
    throw new RangeError(`buildTermVector: maxTerms must be a positive integer, got ${maxTerms}`);
  }
  const { terms, counts } = countTerms(
    [
      { text: input.title, weight: FIELD_WEIGHTS.title },
      { text: input.dek, weight: FIELD_WEIGHTS.dek },
      { text: input.text, weight: FIELD_WEIGHTS.text },
    ],
    input.language,
  );
  if (terms.length <= maxTerms) return alphabetical(terms, counts, Array.from(terms.keys()));
  const kept = idf ? null : strongestByCount(terms, counts, maxTerms);
  return alphabetical(terms, counts, kept ?? strongestBy(terms, counts, maxTerms, idf));
}

/**
 * Rank by strength, then (a longer word is usually the rarer, more telling one) by length, then
 * alphabetically for determinism. Only numbers are compared for the ranking; strings are compared
 * only within the one group of equal strength and length that the cut falls in. Returns positions in `terms`.
 */
function strongestBy(terms: readonly string[], counts: readonly number[], maxTerms: number, idf?: (term: string) => number): number[] {
  const strength = idf ? counts.map((count, i) => count * idf(terms[i])) : counts;
  const byRank = Array.from(terms.keys()).sort((a, b) => strength[b] - strength[a] || terms[b].length - terms[a].length);
  const same = (a: number, b: number) => strength[a] === strength[b] && terms[a].length === terms[b].length;
  let groupStart = maxTerms - 1;
  while (groupStart > 0 && same(byRank[groupStart - 1], byRank[maxTerms - 1])) groupStart--;
  let groupEnd = maxTerms;
  while (groupEnd < byRank.length && same(byRank[groupEnd], byRank[maxTerms - 1])) groupEnd++;
  const boundary = byRank.slice(groupStart, groupEnd).sort(byName(terms));
  return [...byRank.slice(0, groupStart), ...boundary.slice(0, maxTerms - groupStart)];
}

/** Lengths below this pack with an integer count into one exactly representable number. */
const LENGTH_SLOTS = 2 ** 21;

/**
 * strongestBy without idf, for ingest: (count, length) packed into one number per term, and the cut
 * found by quickselect rather than by sorting every term (ranking and ordering were a sixth of
 * deriving a story). Null when a count or length cannot be packed exactly, for strongestBy to decide.
 */
function strongestByCount(terms: readonly string[], counts: readonly number[], maxTerms: number): number[] | null {
  const keys = new Float64Array(terms.length);
  for (let i = 0; i < terms.length; i++) {
    const count = counts[i];
    if (!Number.isInteger(count) || count >= 2 ** 31 || terms[i].length >= LENGTH_SLOTS) return null;
    keys[i] = count * LENGTH_SLOTS + terms[i].length;
  }
  const cut = kthLargest(keys.slice(), maxTerms);
  const kept: number[] = [];
  const tied: number[] = [];
  for (let i = 0; i < terms.length; i++) {
    if (keys[i] > cut) kept.push(i);
    else if (keys[i] === cut) tied.push(i);
  }
  tied.sort(byName(terms));
  for (let i = 0; kept.length < maxTerms; i++) kept.push(tied[i]);
  return kept;
}

/** Orders positions in `terms` by their terms' UTF-16 code units (as `<` compares; terms are distinct). */
function byName(terms: readonly string[]): (a: number, b: number) => number {
  return (a, b) => (terms[a] < terms[b] ? -1 : 1);
}

/** The chosen terms (positions in `terms`) as a vector, terms sorted ascending. */
function alphabetical(terms: readonly string[], counts: readonly number[], chosen: number[]): TermVector {
  chosen.sort(byName(terms));
  return { terms: chosen.map((i) => terms[i]), weights: chosen.map((i) => counts[i]) };
}

/** Throws unless `vector` is a well-formed TermVector (parallel arrays, strings, finite positive weights). */
export function checkTermVector(vector: TermVector, where: string): void {
  if (vector === null || typeof vector !== 'object' || !Array.isArray(vector.terms) || !Array.isArray(vector.weights)) {
    throw new TypeError(`${where}: vector must be { terms: string[]; weights: number[] }`);
  }
  if (vector.terms.length !== vector.weights.length) {
    throw new TypeError(`${where}: vector has ${vector.terms.length} terms but ${vector.weights.length} weights`);
  }
  for (let i = 0; i < vector.terms.length; i++) {
    if (typeof vector.terms[i] !== 'string' || vector.terms[i] === '') {
      throw new TypeError(`${where}: vector term ${i} must be a non-empty string`);
    }
    const w = vector.weights[i];
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) {
      throw new TypeError(`${where}: vector weight ${i} must be a finite positive number, got ${w}`);
    }
  }
}
