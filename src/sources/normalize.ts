// Small normalizers every adapter shares: URLs and dates from untrusted feeds.

/** Resolves a possibly relative URL against a base; null when absent, invalid or not http(s). */
export function resolveUrl(value: string | null | undefined, base: string): string | null {
  if (!value || !value.trim()) return null;
  if (!URL.canParse(value.trim(), base)) return null;
  const url = new URL(value.trim(), base);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
}

/** Parses an RFC 3339 / RFC 822 date to epoch ms; null when missing or unparseable. */
export function parseDate(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value.trim());
  return Number.isFinite(ms) ? ms : null;
}

/** URL normalised for identity: no fragment, no tracking parameters. */
export function canonicalUrl(url: string): string {
  if (!URL.canParse(url)) return url.trim();
  const u = new URL(url);
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) {
    if (/^(utm_|fbclid$|gclid$|mc_)/.test(key)) u.searchParams.delete(key);
  }
  return u.toString();
}

/** A date field of unknown type as epoch ms (feeds put anything in date fields). */
export function parseUnknownDate(value: unknown): number | null {
  return typeof value === 'string' ? parseDate(value) : null;
}
