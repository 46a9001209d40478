// Fetching a source politely and safely: conditional GET, a timeout, a size cap, bounded retries
// that honour Retry-After, and failures explained in words a reader understands.

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

/** Why a fetch failed, for code that treats failures differently (gone sources, offline outbox entries). */
export type FetchErrorKind = 'offline' | 'network' | 'cors' | 'timeout' | 'redirect-loop' | 'http' | 'rate-limited' | 'gone' | 'too-large';

/** A fetch failure with a message written for the reader. */
export class SourceFetchError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number | null = null,
    readonly kind: FetchErrorKind = 'network',
    /** When the site asked us to come back (epoch ms), from Retry-After. */
    readonly retryAt: number | null = null,
  ) {
    super(message);
    this.name = 'SourceFetchError';
  }
}

const STATUS_TEXT: Record<number, string> = {
  403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout', 410: 'Gone', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};
const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

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
    try {
      // no-store: we send our own validators and must see a real 304, not the HTTP cache's 200.
      // One timeout covers the whole attempt: both requests and the body.
      const init: RequestInit = { headers, cache: 'no-store', signal: AbortSignal.timeout(lim.timeoutMs) };
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

/** Retry-After (delta seconds or an HTTP date) as milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
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

/** "2 minutes", "45 seconds", "3 hours": how long the site asked us to wait. */
export function formatWait(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  const [n, unit] = s < 90 ? [s, 'second'] : s < 3600 ? [Math.round(s / 60), 'minute'] : s < 48 * 3600 ? [Math.round(s / 3600), 'hour'] : [Math.round(s / 86400), 'day'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function httpFailure(res: Response, now: number): SourceFetchError {
  const answered = `The site answered ${res.status}${statusText(res)}`;
  if (res.status === 410) {
    return new SourceFetchError(`${answered}: this source is gone for good, so Broadsheet stops checking it. Remove it, or add it again if it comes back.`, 410, 'gone');
  }
  const wait = RETRYABLE.has(res.status) ? parseRetryAfter(res.headers.get('Retry-After'), now) : null;
  const kind = res.status === 429 ? 'rate-limited' : 'http';
  if (wait === null) return new SourceFetchError(`${answered}.`, res.status, kind);
  return new SourceFetchError(`${answered} and asked us to wait ${formatWait(wait)}.`, res.status, kind, now + wait);
}

function statusText(res: Response): string {
  const text = res.statusText || STATUS_TEXT[res.status];
  return text ? ` ${text}` : '';
}

function networkFailure(
  err: unknown,
  limits: FetchLimits,
  ctx: { crossOrigin: boolean; proxied: boolean; online: boolean; redirected: boolean; responded: boolean },
): SourceFetchError {
  // Offline first: a fetch cut off by the lost network may still end as a timeout.
  if (!ctx.online) return new SourceFetchError('You are offline. Broadsheet will try again when the network is back.', null, 'offline');
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') {
    const within = formatWait(limits.timeoutMs);
    // A site that answered but trickles its feed is slow, not silent: say which, so the reader is not misled.
    if (ctx.responded) return new SourceFetchError(`The site was too slow: the feed did not finish arriving within ${within}.`, null, 'timeout');
    return new SourceFetchError(`The site did not answer within ${within}.`, null, 'timeout');
  }
  // Node's fetch names a redirect loop in the cause.
  if (/redirect/i.test(`${errorText(err)} ${errorText((err as { cause?: unknown } | null)?.cause)}`)) {
    return new SourceFetchError('The site keeps redirecting to itself (a redirect loop), so there is nothing to read.', null, 'redirect-loop');
  }
  // Browsers name nothing; but the site did redirect, and following it failed before any answer came.
  if (ctx.redirected && !ctx.responded) {
    return new SourceFetchError(
      'The site keeps redirecting this address without reaching a feed (a redirect loop, or a redirect to a site that does not let browser apps read it).',
      null,
      'redirect-loop',
    );
  }
  if (ctx.responded) return new SourceFetchError('The connection dropped while the site was sending the feed.');
  // A CORS refusal reaches script as a bare TypeError with no status, as does a site that cannot be reached:
  // the caller tells them apart with answersWithoutCors.
  if (err instanceof TypeError && ctx.crossOrigin && !ctx.proxied) {
    return new SourceFetchError(
      'This site does not let browser apps read it (no CORS permission). You can set a CORS proxy in Settings.',
      null,
      'cors',
    );
  }
  if (ctx.proxied) return new SourceFetchError('Could not reach the site through your CORS proxy. Check the proxy address in Settings.');
  return new SourceFetchError('Could not reach the site. It may be down, or the connection dropped.');
}

/**
 * Whether the site answers at all when asked without CORS (an opaque response): if it does, the failed
 * fetch was a CORS refusal; if this fails too, the site could not be reached (DNS, refused, unreachable).
 */
export async function answersWithoutCors(fetchImpl: typeof fetch, url: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetchImpl(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel().catch(() => {});
    return true;
  } catch {
    return false;
  }
}

/** True when an https app asks for an http:// address, which the browser blocks as mixed content. */
export function insecureFromSecure(target: string, appOrigin: string | null): boolean {
  return !!appOrigin && appOrigin.startsWith('https:') && /^http:/i.test(target);
}

function insecureAddress(): SourceFetchError {
  return new SourceFetchError(
    'This address starts with http://, which a secure (https) app may not read. Try its https:// address, or set a CORS proxy in Settings.',
    null,
    'cors',
  );
}

function unreachable(url: string): SourceFetchError {
  return new SourceFetchError(`Could not reach ${new URL(url).host}. Check the address and your connection.`, null, 'network');
}

// A redirect seen with redirect: 'manual': opaque in browsers, a plain 3xx in Node.
function isRedirect(res: Response): boolean {
  return res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400 && res.status !== 304);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : typeof err === 'string' ? err : '';
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
