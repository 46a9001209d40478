// Walking a WordPress posts collection page by page within one sync.
import { fetchSource, type FetchOptions, type FetchOutcome } from '../sources/http';
import { nextPageFromLink, parseTotalPages, wordpressPageUrls } from '../sources/wordpress-pages';

type FetchedPage = Extract<FetchOutcome, { status: 'ok' }>;

/**
 * Page 1 (already fetched) plus pages 2…maxPages, found from X-WP-TotalPages or else the Link
 * rel="next" chain. A later page that fails ends the walk: the pages before it are still stored,
 * and they hold the newest stories.
 */
export async function fetchAllPages(first: FetchedPage, options: FetchOptions, maxPages: number): Promise<FetchedPage[]> {
  const pages: FetchedPage[] = [first];
  const total = parseTotalPages(first.totalPages);
  const planned = total === null ? null : wordpressPageUrls(first.finalUrl, total, maxPages).slice(1);
  const seen = new Set([first.finalUrl]);
  let nextUrl = planned ? planned.shift() ?? null : nextPageFromLink(first.link, first.finalUrl);
  while (nextUrl && pages.length < maxPages && !seen.has(nextUrl)) {
    seen.add(nextUrl);
    let page: FetchOutcome;
    try {
      page = await fetchSource(nextUrl, { etag: null, lastModified: null }, options);
    } catch (err) {
      console.warn(`stopping at ${nextUrl}:`, err);
      break;
    }
    if (page.status !== 'ok') break;
    pages.push(page);
    nextUrl = planned ? planned.shift() ?? null : nextPageFromLink(page.link, page.finalUrl);
  }
  return pages;
}
