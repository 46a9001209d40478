// A local HTTP server of synthetic feeds, on its own port: cross-origin to the app, as real feeds are,
// so the app's fetch goes through CORS exactly as it would for a news site that allows it.
import { createServer, type Server } from 'node:http';
import { renderFeedSet } from './feeds';

/** A running feed server. */
export interface FeedServer {
  origin: string;
  /** Feed requests answered so far. */
  requests(): number;
  close(): Promise<void>;
}

/** Serves the feeds of every size in `sizes`, rendered up front (so serving costs the app's sync nothing). */
export async function startFeedServer(sizes: readonly number[], now: number): Promise<FeedServer> {
  const feeds = new Map<string, Buffer>();
  let served = 0;
  const server: Server = createServer((req, res) => {
    const headers = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': '*',
      'Cache-Control': 'no-store',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, headers).end();
      return;
    }
    const body = feeds.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!body || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    served++;
    res.writeHead(200, { ...headers, 'Content-Type': 'application/rss+xml; charset=utf-8', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  // Links in the items point at this origin, so the feeds are rendered once the port is known.
  for (const n of sizes) for (const [path, text] of renderFeedSet(n, origin, now)) feeds.set(path, Buffer.from(text, 'utf8'));
  return {
    origin,
    requests: () => served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
