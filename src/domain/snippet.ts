// A search result's snippet: the stretch of a body around its first match, with the matches in it
// marked, so a reader sees why a story matched without the page holding the whole body.
import { highlightRanges } from './highlight';

/** A window of text and the [start, end) ranges in it to mark. */
export interface Snippet {
  text: string;
  ranges: Array<[number, number]>;
}

/** Characters kept on each side of the first match (then out to a word boundary). */
export const SNIPPET_CONTEXT = 90;

/** The window of `text` around its first match for `query`, ranges shifted into it; null when nothing in the text matches. */
export function snippetOf(text: string, query: string, language?: string | null, context = SNIPPET_CONTEXT): Snippet | null {
  const windowEnd = (first: [number, number]) => {
    const after = text.indexOf(' ', first[1] + context);
    return after === -1 ? text.length : after;
  };
  // Nothing past the window is scanned: most of a long body is never tokenized.
  const ranges = highlightRanges(text, query, language, windowEnd);
  const first = ranges[0];
  if (!first) return null;
  const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, first[0] - context)) + 1);
  const end = windowEnd(first);
  const lead = start > 0 ? '…' : '';
  const shift = lead.length - start;
  return {
    text: `${lead}${text.slice(start, end)}${end < text.length ? '…' : ''}`,
    ranges: ranges.filter(([a, b]) => a >= start && b <= end).map(([a, b]) => [a + shift, b + shift]),
  };
}
