// Where to highlight a search in a text: spans whose index term matches a query term, or whose
// word starts with the prefix being typed. Uses the same tokenizer as the index, so "flooding"
// lights up for a search for "floods".
import { parseQuery } from './search-query';
import { tokenSpans } from './tokenize';

/** [start, end) character ranges of `text` to highlight for `query`, merged and in order. */
export function highlightRanges(text: string, query: string, language?: string | null): Array<[number, number]> {
  const { terms, prefix, prefixTerm } = parseQuery(query, language);
  const wanted = new Set(prefixTerm ? [...terms, prefixTerm] : terms);
  if (wanted.size === 0 && !prefix) return [];
  const out: Array<[number, number]> = [];
  for (const span of tokenSpans(text, language)) {
    if (!wanted.has(span.term) && !(prefix && (span.folded.startsWith(prefix) || span.term.startsWith(prefix)))) continue;
    const last = out[out.length - 1];
    // Adjacent matches ("harbour wall") read better as one highlight.
    if (last && /^\s*$/.test(text.slice(last[1], span.start))) last[1] = span.end;
    else out.push([span.start, span.end]);
  }
  return out;
}
