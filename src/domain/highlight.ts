// Where to highlight a search in a text: spans whose index term matches a query term, or whose
// word starts with the prefix being typed. Uses the same tokenizer as the index, so "flooding"
// lights up for a search for "floods".
import { parseQuery } from './search-query';
import { eachTokenSpan } from './tokenize';

/**
 * [start, end) character ranges of `text` to highlight for `query`, merged and in order. With
 * `stopAt`, scanning ends at the offset it gives for the first match (ranges starting there or
 * later are left out): a snippet needs only the stretch after its first match.
 */
export function highlightRanges(
  text: string,
  query: string,
  language?: string | null,
  stopAt?: (first: [number, number]) => number,
): Array<[number, number]> {
  const { terms, prefix, prefixTerm } = parseQuery(query, language);
  const wanted = new Set(prefixTerm ? [...terms, prefixTerm] : terms);
  if (wanted.size === 0 && !prefix) return [];
  const out: Array<[number, number]> = [];
  let stop = Infinity;
  eachTokenSpan(text, language, (span) => {
    if (span.start >= stop) return false;
    if (!wanted.has(span.term) && !(prefix && (span.folded.startsWith(prefix) || span.term.startsWith(prefix)))) return;
    const last = out[out.length - 1];
    // Adjacent matches ("harbour wall") read better as one highlight.
    if (last && /^\s*$/.test(text.slice(last[1], span.start))) last[1] = span.end;
    else out.push([span.start, span.end]);
    if (out.length === 1 && stopAt) stop = stopAt(out[0]!);
  });
  return out;
}
