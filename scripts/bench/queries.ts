// Search queries that find something in the synthetic corpus: whole title words, whole body words, and
// word prefixes (a reader still typing). Deterministic, like the corpus.
import { prng, type SyntheticCorpus } from './synthetic';

/** `count` distinct queries, a third of each kind, interleaved (consecutive queries always differ, so each one is a new search). */
export function searchQueries(corpus: SyntheticCorpus, count = 60): string[] {
  const random = prng(7_7);
  const { articles } = corpus;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const wordsOf = (text: string) => text.toLowerCase().replace(/[^a-z ]/g, '').split(' ').filter((w) => w.length >= 4);
  const kinds: Array<() => string> = [
    () => pick(wordsOf(pick(articles).title)),
    () => pick(wordsOf(pick(articles).body)),
    () => {
      const word = pick(wordsOf(pick(articles).body).filter((w) => w.length >= 6));
      return word ? word.slice(0, 3 + Math.floor(random() * 3)) : '';
    },
  ];
  const out = new Set<string>();
  for (let i = 0; out.size < count && i < count * 50; i++) {
    const q = kinds[out.size % kinds.length]();
    if (q) out.add(q);
  }
  return [...out];
}
