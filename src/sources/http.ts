// Fetching a source politely and safely: conditional GET, a timeout, a size cap, bounded retries
// that honour Retry-After, and failures explained in words a reader understands (fetch-failure.ts).
import {
  answersWithoutCors, httpFailure, insecureAddress, insecureFromSecure, networkFailure, RETRYABLE, SourceFetchError, unreachable,
} from './fetch-failure';

export { answersWithoutCors, formatWait, insecureFromSecure, parseRetryAfter, SourceFetchError, type FetchErrorKind } from './fetch-failure';

/** Limits for one fetch. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

/** Defaults: generous for a phone on a slow line, small enough that a runaway feed cannot fill the disk. */
export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024 };

/** How hard one fetch tries before giving up until the next sync. */
export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest Retry-After we sit through inside a sync; longer asks end the fetch with `retryAt`. */
  maxWaitMs: number;
}

/** Three tries over a few seconds: enough for a blip, short enough that a sync of many sources stays quick. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1000, maxDelayMs: 8000, maxWaitMs: 10_000 };

/** Injected effects and settings for one fetch; every field has a browser default. */
export interface FetchOptions {
  fetch?: typeof fetch;
  limits?: FetchLimits;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** A CORS proxy URL template such as `https://proxy.example/?url={url}`; used for cross-origin URLs. */
  corsProxy?: string | null;
  /** The app's origin; URLs of other origins are cross-origin (default: the current location's). */
  origin?: string | null;
  /** Whether the device believes it is online (default: navigator.onLine). */
  isOnline?: () => boolean;
}

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
      /** The URL content came from (the source's own URL when fetched through a proxy). */
      finalUrl: string;
    };

/** GETs a source with its validators; throws SourceFetchError with a readable message. */
export async function fetchSource(
  url: string,
  validators: { etag: string | null; lastModified: string | null },
  optionsOrFetch: FetchOptions | typeof fetch = {},
  limits?: FetchLimits,
): Promise<FetchOutcome> {
  const opts: FetchOptions = typeof optionsOrFetch === 'function' ? { fetch: optionsOrFetch } : optionsOrFetch;
  const policy = { ...DEFAULT_RETRY, ...opts.retry };
  const lim = limits ?? opts.limits ?? DEFAULT_LIMITS;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = opts.now ?? Date.now;
  const crossOrigin = isCrossOrigin(url, opts.origin === undefined ? currentOrigin() : opts.origin);
  const proxied = crossOrigin && !!opts.corsProxy;
  const target = proxied ? applyCorsProxy(opts.corsProxy!, url) : url;
  const headers: Record<string, string> = {};
  if (validators.etag) headers['If-None-Match'] = validators.etag;
  if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;

  for (let attempt = 1; ; attempt++) {
    const last = attempt >= policy.attempts;
    let res: Response | null = null;
    let redirected = false;
    let bytes: Uint8Array;
    // One timeout covers the whole attempt: both requests and the body.
    const signal = AbortSignal.timeout(lim.timeoutMs);
    try {
      // no-store: we send our own validators and must see a real 304, not the HTTP cache's 200.
      const init: RequestInit = { headers, cache: 'no-store', signal };
      // Redirects are followed in a second request: browsers report a failure while following them
      // (a loop, or a hop that refuses CORS) as the same bare TypeError as the site refusing CORS.
      const first = await (opts.fetch ?? fetch)(target, { ...init, redirect: 'manual' });
      if (isRedirect(first)) {
        redirected = true;
        await first.body?.cancel().catch(() => {});
        res = await (opts.fetch ?? fetch)(target, { ...init, redirect: 'follow' });
      } else {
        res = first;
      }
      if (res.status === 304) return { status: 'not-modified' };
      if (!res.ok) {
        const failure = httpFailure(res, now());
        const wait = failure.retryAt === null ? null : failure.retryAt - now();
        if (!RETRYABLE.has(res.status) || last || (wait !== null && wait > policy.maxWaitMs)) throw failure;
        await res.body?.cancel().catch(() => {});
        await sleep(wait ?? backoffDelay(attempt, policy, opts.random));
        continue;
      }
      bytes = await readCapped(res, lim.maxBytes);
    } catch (err) {
      if (err instanceof SourceFetchError) throw err;
      const online = opts.isOnline?.() ?? currentlyOnline();
      // The timeout's own error: Chromium 150 rejects a body read cut off by it with a plain AbortError
      // ("BodyStreamBuffer was aborted"), where the fetch itself rejects with the signal's TimeoutError.
      if (signal.aborted) err = signal.reason;
      let failure = networkFailure(err, lim, { crossOrigin, proxied, online, redirected, responded: res !== null });
      if (failure.kind === 'cors') {
        const appOrigin = opts.origin === undefined ? currentOrigin() : opts.origin;
        // A secure app may not fetch an http:// address at all (mixed content), probe included: say that, not "down".
        if (insecureFromSecure(target, appOrigin)) failure = insecureAddress();
        else if (!(await answersWithoutCors(opts.fetch ?? fetch, target, lim.timeoutMs))) failure = unreachable(url);
      }
      // Only blips are worth another try now; a refusal, a loop or a slow site will answer the same.
      if (failure.kind !== 'network' || last) throw failure;
      await sleep(backoffDelay(attempt, policy, opts.random));
      continue;
    }
    return {
      status: 'ok',
      bytes,
      contentType: res.headers.get('Content-Type'),
      etag: res.headers.get('ETag'),
      lastModified: res.headers.get('Last-Modified'),
      link: res.headers.get('Link'),
      totalPages: res.headers.get('X-WP-TotalPages'),
      finalUrl: proxied ? url : res.url || url,
    };
  }
}

/** Wait before try `attempt + 1`: exponential, capped, with "equal jitter" so tabs and devices spread out. */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'> = DEFAULT_RETRY, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The URL to fetch through a CORS proxy template: `{url}` becomes the encoded URL, else it is appended. */
export function applyCorsProxy(template: string, url: string): string {
  const encoded = encodeURIComponent(url);
  return template.includes('{url}') ? template.replaceAll('{url}', encoded) : template + encoded;
}

/** Whether `url` is on another origin than `origin` (unknown origin: treated as same-origin). */
export function isCrossOrigin(url: string, origin: string | null): boolean {
  if (!origin || !URL.canParse(url)) return false;
  return new URL(url).origin !== origin;
}

// A redirect seen with redirect: 'manual': opaque in browsers, a plain 3xx in Node.
function isRedirect(res: Response): boolean {
  return res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400 && res.status !== 304);
}

function currentOrigin(): string | null {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return origin && origin !== 'null' ? origin : null;
}

function currentlyOnline(): boolean {
  return (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine ?? true;
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('Content-Length'));
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new SourceFetchError(`The feed is too large (${formatMb(declared)}; the limit is ${formatMb(maxBytes)}).`, null, 'too-large');
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new SourceFetchError(`The feed is too large (over ${formatMb(maxBytes)}).`, null, 'too-large');
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
