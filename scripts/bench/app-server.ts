// Serves the built app exactly as `npm start` does (Vite's preview server), on a free 127.0.0.1 port.
import { preview, type PreviewServer } from 'vite';
import { freePort } from './free-port';

/** A running preview server and how to stop it. */
export interface AppServer {
  origin: string;
  close(): Promise<void>;
}

/** Starts `vite preview` over `outDir` through the JS API (stopping it is then a call, not a kill). */
export async function startAppServer(root: string, outDir: string): Promise<AppServer> {
  const port = await freePort();
  const server: PreviewServer = await preview({
    // No config file: preview needs none of the build plugins (none has a preview hook), and loading
    // vite.config.ts would bundle it with everything it imports on every run.
    configFile: false,
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => server.close(),
  };
}
