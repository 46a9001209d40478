// A CORS proxy for testers, on the dev server only (`npm run dev`): /__proxy?url=<encoded URL>.
// Production builds never depend on it; readers set their own proxy in Settings if they want one.
import type { Plugin } from 'vite';

const PASS_REQUEST = ['if-none-match', 'if-modified-since', 'accept'];
const PASS_RESPONSE = ['content-type', 'etag', 'last-modified', 'link', 'x-wp-total', 'x-wp-totalpages', 'retry-after'];
const MAX_BYTES = 20 * 1024 * 1024;

/** Vite plugin adding the dev-only proxy middleware. */
export function devCorsProxy(): Plugin {
  return {
    name: 'broadsheet-dev-cors-proxy',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/__proxy', (req, res) => {
        void (async () => {
          const target = new URL(req.url ?? '', 'http://dev.invalid').searchParams.get('url');
          if (!target || !/^https?:\/\//i.test(target)) {
            res.statusCode = 400;
            res.end('Usage: /__proxy?url=<http(s) URL, encoded>');
            return;
          }
          try {
            const headers: Record<string, string> = {};
            for (const h of PASS_REQUEST) {
              const v = req.headers[h];
              if (typeof v === 'string') headers[h] = v;
            }
            const upstream = await fetch(target, { headers, redirect: 'follow', signal: AbortSignal.timeout(20_000) });
            const body = Buffer.from(await upstream.arrayBuffer());
            if (body.byteLength > MAX_BYTES) throw new Error('response too large');
            res.statusCode = upstream.status;
            for (const h of PASS_RESPONSE) {
              const v = upstream.headers.get(h);
              if (v) res.setHeader(h, v);
            }
            res.setHeader('Access-Control-Allow-Origin', '*');
            res.setHeader('Access-Control-Expose-Headers', PASS_RESPONSE.join(', '));
            res.end(body);
          } catch (err) {
            res.statusCode = 502;
            res.end(`The dev proxy could not fetch ${target}: ${err instanceof Error ? err.message : String(err)}`);
          }
        })();
      });
    },
  };
}
