// Fetching a source politely and safely: conditional GET, a timeout and a size cap.

/** Limits for one fetch. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

/** Defaults: generous for a phone on a slow line, small enough that a runaway feed cannot fill the disk. */
export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024 };

/** The outcome of a fetch: new content with its validators, or "not modified". */
export type FetchOutcome =
  | { status: 'not-modified' }
  | {
      status: 'ok';
      /** Raw body: decoding needs the charset rules of decode.ts, not a blanket UTF-8. */
      bytes: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      /** Link header, for WordPress pagination and API discovery. */
      link: string | null;
      /** X-WP-TotalPages, when the source is a WordPress collection. */
      totalPages: string | null;
      finalUrl: string;
    };

/** A fetch failure with a message written for the reader. */
export class SourceFetchError extends Error {
  constructor(message: string, readonly httpStatus: number | null = null) {
    super(message);
    this.name = 'SourceFetchError';
  }
}

/** GETs a source with its validators; throws SourceFetchError with a readable message. */
export async function fetchSource(
  url: string,
  validators: { etag: string | null; lastModified: string | null },
  fetchImpl: typeof fetch = fetch,
  limits: FetchLimits = DEFAULT_LIMITS,
): Promise<FetchOutcome> {
  const headers: Record<string, string> = {};
  if (validators.etag) headers['If-None-Match'] = validators.etag;
  if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  let res: Response;
  try {
    // no-store: we send our own validators and must see a real 304, not the HTTP cache's 200.
    res = await fetchImpl(url, { headers, cache: 'no-store', signal: AbortSignal.timeout(limits.timeoutMs) });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'TimeoutError') {
      throw new SourceFetchError(`The site did not answer within ${Math.round(limits.timeoutMs / 1000)} seconds.`);
    }
    throw new SourceFetchError('Could not reach the site: you may be offline, or it does not let browser apps read it.');
  }
  if (res.status === 304) return { status: 'not-modified' };
  if (!res.ok) throw new SourceFetchError(`The site answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`, res.status);
  const bytes = await readCapped(res, limits.maxBytes);
  return {
    status: 'ok',
    bytes,
    contentType: res.headers.get('Content-Type'),
    etag: res.headers.get('ETag'),
    lastModified: res.headers.get('Last-Modified'),
    link: res.headers.get('Link'),
    totalPages: res.headers.get('X-WP-TotalPages'),
    finalUrl: res.url || url,
  };
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('Content-Length'));
  if (declared > maxBytes) throw new SourceFetchError(`The feed is too large (${formatMb(declared)}; the limit is ${formatMb(maxBytes)}).`);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new SourceFetchError(`The feed is too large (over ${formatMb(maxBytes)}).`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
