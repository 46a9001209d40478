// Protects the polite fetch: bounded retries with backoff, Retry-After honoured or deferred,
// 410 as "gone", timeouts, the size cap, and CORS refusals explained (and routed via a proxy).
import { describe, expect, it } from 'vitest';
import {
  applyCorsProxy, backoffDelay, fetchSource, formatWait, parseRetryAfter, type FetchOptions,
} from '../../../src/sources/http';
import { failure } from './fetch-helpers';

const URL_ = 'https://news.example/feed.xml';
const NO_VALIDATORS = { etag: null, lastModified: null };
const NOW = Date.parse('2026-11-20T12:00:00Z');

/** A fake fetch answering from a list, one answer per call (the last one repeats). */
function script(...answers: Array<() => Response | Promise<Response>>) {
  const calls: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    return answers[Math.min(calls.length, answers.length) - 1]!();
  }) as typeof fetch;
  return { fetchImpl, calls };
}

function options(fetchImpl: typeof fetch, extra: Partial<FetchOptions> = {}) {
  const sleeps: number[] = [];
  const opts: FetchOptions = {
    fetch: fetchImpl, sleep: async (ms) => void sleeps.push(ms), random: () => 0, now: () => NOW,
    origin: 'https://app.example', isOnline: () => true, ...extra,
  };
  return { opts, sleeps };
}

const ok = () => new Response('<rss/>', { status: 200, headers: { 'Content-Type': 'application/rss+xml', ETag: '"x"' } });

describe('backoff and Retry-After', () => {
  it('doubles the wait per attempt, with jitter between half and all of it, capped', () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0))).toEqual([500, 1000, 2000, 2500]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 1))).toEqual([1000, 2000, 4000, 5000]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 12:02:00 GMT', NOW)).toBe(120_000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(formatWait(120_000)).toBe('2 minutes');
    expect(formatWait(1000)).toBe('1 second');
  });
});

describe('fetchSource', () => {
  it('retries a 503 and a network error with growing waits, then succeeds', async () => {
    const srv = script(() => new Response('', { status: 503 }), () => Promise.reject(new TypeError('reset')), ok);
    const { opts, sleeps } = options(srv.fetchImpl, { origin: 'https://news.example' });
    const out = await fetchSource(URL_, NO_VALIDATORS, opts);
    expect(out.status).toBe('ok');
    expect(srv.calls).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it('gives up after 3 attempts with the status in words', async () => {
    const srv = script(() => new Response('', { status: 502 }));
    const { opts } = options(srv.fetchImpl);
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, opts));
    expect(srv.calls).toHaveLength(3);
    expect(err.message).toBe('The site answered 502 Bad Gateway.');
    expect(err.httpStatus).toBe(502);
  });

  it('waits out a short Retry-After (in seconds) on 429, then retries', async () => {
    const srv = script(() => new Response('', { status: 429, headers: { 'Retry-After': '3' } }), ok);
    const { opts, sleeps } = options(srv.fetchImpl);
    expect((await fetchSource(URL_, NO_VALIDATORS, opts)).status).toBe('ok');
    expect(sleeps).toEqual([3000]);
  });

  it('stops on a 503 whose Retry-After is longer than we wait, and says when to come back', async () => {
    const srv = script(() => new Response('', { status: 503, statusText: 'Service Unavailable', headers: { 'Retry-After': '120' } }));
    const { opts, sleeps } = options(srv.fetchImpl);
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, opts));
    expect(srv.calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(err.message).toBe('The site answered 503 Service Unavailable and asked us to wait 2 minutes.');
    expect(err.retryAt).toBe(NOW + 120_000);
  });

  it('honours a Retry-After given as an HTTP date on 429', async () => {
    const srv = script(() => new Response('', { status: 429, headers: { 'Retry-After': 'Fri, 20 Nov 2026 13:00:00 GMT' } }));
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, options(srv.fetchImpl).opts));
    expect(err.kind).toBe('rate-limited');
    expect(err.retryAt).toBe(NOW + 3_600_000);
    expect(err.message).toMatch(/429 Too Many Requests and asked us to wait 1 hour\./);
  });

  it('treats 410 as gone, without retrying', async () => {
    const srv = script(() => new Response('', { status: 410 }));
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, options(srv.fetchImpl).opts));
    expect(srv.calls).toHaveLength(1);
    expect(err.kind).toBe('gone');
    expect(err.message).toMatch(/^The site answered 410 Gone: this source is gone for good/);
  });

  it('does not retry a 404', async () => {
    const srv = script(() => new Response('', { status: 404 }));
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, options(srv.fetchImpl).opts));
    expect(srv.calls).toHaveLength(1);
    expect(err.message).toBe('The site answered 404 Not Found.');
  });

  it('times out a site that never answers', async () => {
    const hang = ((_: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason)))) as typeof fetch;
    const { opts } = options(hang, { limits: { timeoutMs: 30, maxBytes: 1000 } });
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, opts));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe('The site did not answer within 1 second.');
  });

  it('refuses a body over the size cap, declared or streamed', async () => {
    const big = 'x'.repeat(2000);
    const declared = script(() => new Response(big, { headers: { 'Content-Length': '2000' } }));
    const limits = { timeoutMs: 1000, maxBytes: 1024 };
    expect((await failure(fetchSource(URL_, NO_VALIDATORS, options(declared.fetchImpl, { limits }).opts))).message).toMatch(/too large \(0\.0 MB; the limit is 0\.0 MB\)/);
    const streamed = script(() => new Response(new Blob([big]).stream()));
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, options(streamed.fetchImpl, { limits }).opts));
    expect(err.kind).toBe('too-large');
  });

  it('explains a CORS refusal of a cross-origin source while online, without retrying', async () => {
    const srv = script(() => Promise.reject(new TypeError('Failed to fetch')));
    // The site is up: it answers the no-cors probe that tells a refusal from an unreachable site.
    const refusing = ((input, init) => (init?.mode === 'no-cors' ? Promise.resolve(new Response(null)) : srv.fetchImpl(input, init))) as typeof fetch;
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, options(refusing).opts));
    expect(err.kind).toBe('cors');
    expect(err.message).toBe('This site does not let browser apps read it (no CORS permission). You can set a CORS proxy in Settings.');
    expect(srv.calls).toHaveLength(1);
  });

  it('says "offline" rather than CORS when the device is offline', async () => {
    const srv = script(() => Promise.reject(new TypeError('Failed to fetch')));
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, options(srv.fetchImpl, { isOnline: () => false }).opts));
    expect(err.kind).toBe('offline');
    expect(srv.calls).toHaveLength(1);
  });

  it('fetches cross-origin sources through the CORS proxy template, keeping the real URL for the parser', async () => {
    const srv = script(ok);
    const { opts } = options(srv.fetchImpl, { corsProxy: 'https://proxy.example/?url={url}' });
    const out = await fetchSource(URL_, NO_VALIDATORS, opts);
    expect(srv.calls).toEqual([`https://proxy.example/?url=${encodeURIComponent(URL_)}`]);
    expect(out.status === 'ok' && out.finalUrl).toBe(URL_);
    // Same-origin sources (the sample edition) never go through the proxy.
    const same = script(ok);
    await fetchSource('https://app.example/sample/edition.json', NO_VALIDATORS, options(same.fetchImpl, { corsProxy: 'https://proxy.example/?url={url}' }).opts);
    expect(same.calls).toEqual(['https://app.example/sample/edition.json']);
    expect(applyCorsProxy('https://p.example/raw/', 'https://a.example/?q=1')).toBe('https://p.example/raw/https%3A%2F%2Fa.example%2F%3Fq%3D1');
  });

  it('names a failing proxy, not the site, when the proxy cannot be reached', async () => {
    const srv = script(() => Promise.reject(new TypeError('Failed to fetch')));
    const { opts } = options(srv.fetchImpl, { corsProxy: 'https://proxy.example/?url={url}', retry: { attempts: 1 } });
    expect((await failure(fetchSource(URL_, NO_VALIDATORS, opts))).message).toMatch(/through your CORS proxy/);
  });

  it('explains a redirect loop', async () => {
    const loop = new TypeError('fetch failed', { cause: new Error('redirect count exceeded') });
    const srv = script(() => Promise.reject(loop));
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, options(srv.fetchImpl).opts));
    expect(err.kind).toBe('redirect-loop');
    expect(err.message).toMatch(/redirect loop/);
  });

  it('keeps the old call shape (fetch as third argument) working, and a wrong content type is not fatal', async () => {
    const srv = script(() => new Response('{"version":"x"}', { headers: { 'Content-Type': 'text/plain' } }));
    const out = await fetchSource(URL_, NO_VALIDATORS, srv.fetchImpl);
    expect(out.status === 'ok' && out.contentType).toBe('text/plain');
  });
});
