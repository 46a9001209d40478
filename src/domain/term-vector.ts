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
  if (terms.length <= maxTerms) return alphabetical(terms, weights, Array.from(terms.keys()));
  // Rank by strength, then (a longer word is usually the rarer, more telling one) by length, then
  // alphabetically for determinism. Only numbers are compared for the ranking; strings are compared
  // only within the one group of equal strength and length that the cut falls in.
  const strength = idf ? weights.map((count, i) => count * idf(terms[i])) : weights;
  const byRank = Array.from(terms.keys()).sort((a, b) => strength[b] - strength[a] || terms[b].length - terms[a].length);
  const same = (a: number, b: number) => strength[a] === strength[b] && terms[a].length === terms[b].length;
  let groupStart = maxTerms - 1;
  while (groupStart > 0 && same(byRank[groupStart - 1], byRank[maxTerms - 1])) groupStart--;
  let groupEnd = maxTerms;
  while (groupEnd < byRank.length && same(byRank[groupEnd], byRank[maxTerms - 1])) groupEnd++;
  const boundary = byRank.slice(groupStart, groupEnd).sort(byTerm(terms));
  const kept = [...byRank.slice(0, groupStart), ...boundary.slice(0, maxTerms - groupStart)];
  return alphabetical(terms, weights, kept);
}

const byTerm = (terms: string[]) => (a: number, b: number) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0);

/** The chosen terms (by index) as a vector, terms sorted ascending. */
function alphabetical(terms: string[], weights: number[], chosen: number[]): TermVector {
  const order = chosen.sort(byTerm(terms));
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
