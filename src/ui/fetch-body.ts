// One fetched body for previews in the page (adding a source), through the same polite fetch as sync.
import type { FetchedBody } from '../sources/find-source';

/** Fetches `url` once, unconditionally; errors carry the reader-facing messages of sources/http. */
export async function fetchBody(url: string, corsProxy: string | null = null): Promise<FetchedBody> {
  const { fetchSource } = await import('../sources/http');
  const out = await fetchSource(url, { etag: null, lastModified: null }, { corsProxy });
  if (out.status !== 'ok') throw new Error('The site answered “not modified” to a request without validators.');
  return { bytes: out.bytes, contentType: out.contentType, link: out.link, finalUrl: out.finalUrl };
}
