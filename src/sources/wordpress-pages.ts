// WordPress REST pagination and endpoints: pure helpers so sync can walk pages without guessing.

/** Most pages sync walks per source: 10 × 100 posts is plenty for a reader. */
export const WP_MAX_PAGES = 10;

/** The posts endpoint (with embedded author, image and terms) under an API root. */
export function wordpressPostsUrl(apiRoot: string, perPage = 20): string {
  const root = new URL(apiRoot);
  // Sites without pretty permalinks expose the API as ?rest_route=/ instead of /wp-json/.
  if (root.searchParams.has('rest_route')) {
    root.searchParams.set('rest_route', '/wp/v2/posts');
  } else {
    root.pathname = `${root.pathname.replace(/\/?$/, '/')}wp/v2/posts`;
  }
  root.searchParams.set('_embed', '1');
  root.searchParams.set('per_page', String(perPage));
  return root.toString();
}

/** X-WP-TotalPages as a number; null when absent or not a positive integer. */
export function parseTotalPages(header: string | null): number | null {
  if (!header || !/^\s*\d+\s*$/.test(header)) return null;
  const n = Number(header);
  return n > 0 ? n : null;
}

/** The rel="next" URL of a Link header, resolved against the request URL; null when none. */
export function nextPageFromLink(linkHeader: string | null, requestUrl: string): string | null {
  for (const part of splitLinkHeader(linkHeader)) {
    if (part.rels.includes('next') && URL.canParse(part.href, requestUrl)) return new URL(part.href, requestUrl).toString();
  }
  return null;
}

/** URLs of pages 1…min(totalPages, max) of a posts endpoint. */
export function wordpressPageUrls(postsUrl: string, totalPages: number, max = WP_MAX_PAGES): string[] {
  const pages = Math.max(1, Math.min(Math.floor(totalPages) || 1, max));
  return Array.from({ length: pages }, (_, i) => {
    const url = new URL(postsUrl);
    if (i === 0) url.searchParams.delete('page');
    else url.searchParams.set('page', String(i + 1));
    return url.toString();
  });
}

/** The entries of an HTTP Link header: each href with its rel values (lower-cased). */
export function splitLinkHeader(value: string | null): Array<{ href: string; rels: string[] }> {
  if (!value) return [];
  const out: Array<{ href: string; rels: string[] }> = [];
  for (const m of value.matchAll(/<([^>]*)>([^<]*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(m[2] ?? '');
    const rels = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    out.push({ href: m[1]!.trim(), rels });
  }
  return out;
}
