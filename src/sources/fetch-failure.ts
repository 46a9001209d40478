// Failed fetches explained in words a reader understands: which kind of failure it was (offline,
// refused, unreachable, too slow, gone…) decides both the message and what sync does next.
import type { FetchLimits } from './http';

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
/** Statuses worth another try (the site is busy or briefly failing). */
export const RETRYABLE: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Retry-After (delta seconds or an HTTP date) as milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** "2 minutes", "45 seconds", "3 hours": how long the site asked us to wait. */
export function formatWait(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  const [n, unit] = s < 90 ? [s, 'second'] : s < 3600 ? [Math.round(s / 60), 'minute'] : s < 48 * 3600 ? [Math.round(s / 3600), 'hour'] : [Math.round(s / 86400), 'day'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** The reader's message for an HTTP error status, with the wait the site asked for. */
export function httpFailure(res: Response, now: number): SourceFetchError {
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

/** The reader's message for a fetch that failed without an HTTP answer. */
export function networkFailure(
  err: unknown,
  limits: Pick<FetchLimits, 'timeoutMs'>,
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

/** The message for an http:// address asked for by an https app. */
export function insecureAddress(): SourceFetchError {
  return new SourceFetchError(
    'This address starts with http://, which a secure (https) app may not read. Try its https:// address, or set a CORS proxy in Settings.',
    null,
    'cors',
  );
}

/** The message for a site that answered nothing at all, CORS or not. */
export function unreachable(url: string): SourceFetchError {
  return new SourceFetchError(`Could not reach ${new URL(url).host}. Check the address and your connection.`, null, 'network');
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : typeof err === 'string' ? err : '';
}

