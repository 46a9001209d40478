// What a search box's text asks for: the whole words' index terms, and the word still being typed as
// a prefix. Shared by the search index (matching) and highlighting (marking), so both agree.
import { foldWord, tokenSpans } from './tokenize';

/** How a query was understood: whole words' terms, and the word being typed as a prefix. */
export interface ParsedQuery {
  terms: string[];
  /** The last word, case-folded, while it is still being typed (no space after it yet). */
  prefix: string | null;
  /** That last word's own index term, if it has one (it may be a stop word). */
  prefixTerm: string | null;
}

/** A word being typed counts as a prefix from this many characters ("a" alone would match everything). */
export const MIN_PREFIX = 2;

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
