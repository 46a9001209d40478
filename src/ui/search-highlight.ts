// The highlighter, loaded with the search page only (it pulls in the tokenizer).
import { highlightRanges } from '../domain/highlight';

/** Signature of the highlighter the search page uses. */
export type HighlightFn = typeof highlightRanges;

/** Highlight ranges of `text` for `query`. */
export const highlightFor: HighlightFn = highlightRanges;
