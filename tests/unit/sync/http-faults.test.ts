// Protects the fetch-failure messages the fault e2e tests found wrong in Chromium: a redirect loop was
// reported as a CORS refusal, a trickling body as "did not answer", and a fetch cut off by going offline
// as a slow site (which also marked the source as failing).
import { describe, expect, it } from 'vitest';
import { fetchSource } from '../../../src/sources/http';
import { failure, browserOptions } from './fetch-helpers';

const URL_ = 'https://news.example/feed.xml';
const NO_VALIDATORS = { etag: null, lastModified: null };

/** What a browser's fetch gives for a redirect under `redirect: 'manual'`: an opaque, status-0 answer. */
const opaqueRedirect = () => ({ type: 'opaqueredirect', status: 0, ok: false, body: null, headers: new Headers() }) as unknown as Response;

/** A fake fetch that records each call's redirect mode and answers by it. */
function byRedirectMode(answer: (mode: RequestRedirect | undefined, init: RequestInit | undefined) => Response | Promise<Response>) {
  const modes: Array<RequestRedirect | undefined> = [];
  const fetchImpl = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    modes.push(init?.redirect);
    return answer(init?.redirect, init);
  }) as typeof fetch;
  return { fetchImpl, modes };
}

describe('redirects', () => {
  it('names a redirect that leads nowhere (Chromium says only "Failed to fetch"), not CORS, and does not retry it', async () => {
    const srv = byRedirectMode((mode) => (mode === 'manual' ? opaqueRedirect() : Promise.reject(new TypeError('Failed to fetch'))));
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, browserOptions(srv.fetchImpl)));
    expect(err.kind).toBe('redirect-loop');
    expect(err.message).toBe(
      'The site keeps redirecting this address without reaching a feed (a redirect loop, or a redirect to a site that does not let browser apps read it).',
    );
    expect(srv.modes).toEqual(['manual', 'follow']);
  });

  it('follows a working redirect and reports where the feed came from', async () => {
    const srv = byRedirectMode((mode) => {
      if (mode === 'manual') return opaqueRedirect();
      const res = new Response('<rss/>', { headers: { 'Content-Type': 'application/rss+xml' } });
      Object.defineProperty(res, 'url', { value: 'https://news.example/moved.xml' });
      return res;
    });
    const out = await fetchSource(URL_, NO_VALIDATORS, browserOptions(srv.fetchImpl));
    expect(out.status === 'ok' && out.finalUrl).toBe('https://news.example/moved.xml');
  });

  it('still calls a refusal without any redirect a CORS refusal, in one request (and the no-cors probe)', async () => {
    const srv = byRedirectMode((_mode, init) => (init?.mode === 'no-cors' ? new Response(null) : Promise.reject(new TypeError('Failed to fetch'))));
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, browserOptions(srv.fetchImpl)));
    expect(err.kind).toBe('cors');
    expect(srv.modes).toEqual(['manual', undefined]);
  });
});

describe('timeouts', () => {
  /** A site that sends headers and a first piece of the feed, then nothing more until the fetch is aborted. */
  const trickling = byRedirectMode((_mode, init) => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('<?xml version="1.0"?><rss><channel>'));
        init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'application/rss+xml' } });
  });

  it('says a site that answered but trickles its feed was too slow, not silent', async () => {
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, browserOptions(trickling.fetchImpl, { limits: { timeoutMs: 30, maxBytes: 1024 } })));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe('The site was too slow: the feed did not finish arriving within 1 second.');
  });

  it('says too slow also where the cut-off body read fails with a plain AbortError (Chromium 150)', async () => {
    const chromium150 = byRedirectMode((_mode, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('<?xml version="1.0"?><rss><channel>'));
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('BodyStreamBuffer was aborted', 'AbortError')));
        },
      });
      return new Response(body, { headers: { 'Content-Type': 'application/rss+xml' } });
    });
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, browserOptions(chromium150.fetchImpl, { limits: { timeoutMs: 30, maxBytes: 1024 } })));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe('The site was too slow: the feed did not finish arriving within 1 second.');
  });

  it('says "offline" when the device went offline while a fetch was in flight and it then timed out', async () => {
    const cut = byRedirectMode(() => Promise.reject(new DOMException('signal timed out', 'TimeoutError')));
    const err = await failure(fetchSource(URL_, NO_VALIDATORS, browserOptions(cut.fetchImpl, { isOnline: () => false })));
    expect(err.kind).toBe('offline');
  });
});
