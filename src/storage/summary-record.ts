// The body-less copy of an article that the `summaries` store keeps (schema v3).

/** The body fields a summary leaves out. */
const BODY_FIELDS: ReadonlySet<string> = new Set(['contentHtml', 'plainText']);

/** An article record without its body; generic so the v3 migration can use it on records of any age. */
export function summaryRecord<T extends object>(article: T): Omit<T, 'contentHtml' | 'plainText'> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(article)) if (!BODY_FIELDS.has(k)) out[k] = v;
  return out as Omit<T, 'contentHtml' | 'plainText'>;
}
