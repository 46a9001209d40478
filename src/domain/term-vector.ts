// An article's strongest terms as a compact sparse vector, computed once at
// ingest and stored. Weights stay raw term counts (title-boosted) so that the
// corpus statistics can re-weight them later as the corpus changes.
import type { TermVector } from './article';
import { tokenize } from './tokenize';

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
  const counts = new Map<string, number>();
  const addField = (text: string | undefined, weight: number) => {
    if (!text) return;
    for (const term of tokenize(text, input.language)) counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  addField(input.title, FIELD_WEIGHTS.title);
  addField(input.dek, FIELD_WEIGHTS.dek);
  addField(input.text, FIELD_WEIGHTS.text);

  const terms = [...counts.keys()];
  const weights = [...counts.values()];
  if (terms.length <= maxTerms) return alphabetical(terms, weights, terms.length);
  // Among equal counts a longer word is usually the rarer, more telling one; then alphabetical for
  // determinism. Sorting alphabetically first and then stably by the numeric keys gives that order
  // with one string sort instead of string comparisons on every tie (most terms tie on count 1).
  const order = Array.from(terms.keys()).sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
  const strength = weights.map((count, i) => (idf ? count * idf(terms[i]) : count));
  const byRank = order.slice().sort((a, b) => strength[b] - strength[a] || terms[b].length - terms[a].length);
  // The kept terms in alphabetical order are those positions of `order` that made the cut.
  const keep = new Uint8Array(terms.length);
  for (let r = 0; r < maxTerms; r++) keep[byRank[r]] = 1;
  const kept = order.filter((i) => keep[i] === 1);
  return { terms: kept.map((i) => terms[i]), weights: kept.map((i) => weights[i]) };
}

function alphabetical(terms: string[], weights: number[], n: number): TermVector {
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
  return { terms: order.map((i) => terms[i]), weights: order.map((i) => weights[i]) };
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
