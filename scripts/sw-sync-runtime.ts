// Builds the service worker's sync runtime (src/sw/sync-runtime.ts) as a separate classic script,
// so the service worker itself stays small: it starts for every navigation and image request,
// while the sync engine (feed parsers, derivation: ~110 KB gzip) is needed only when a Periodic
// or one-off Background Sync fires. The worker fetches the runtime with importScripts() during
// install (the only time a service worker may fetch new scripts) and re-runs it from the browser's
// script cache when a sync event comes. Two plugins: one for the app build (builds and emits the
// runtime under a content hash), one for the service-worker build (tells it that file name).
import { createHash } from 'node:crypto';
import { build, type Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:broadsheet-sw-sync-runtime';
const ENTRY = 'src/sw/sync-runtime.ts';

/** The app-build plugin and the service-worker-build plugin, sharing the emitted file name. */
export function swSyncRuntime(): { app: Plugin; sw: Plugin } {
  let fileName: string | null = null;
  let base = '/';
  const app: Plugin = {
    name: 'broadsheet-sw-sync-runtime',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    async generateBundle() {
      const result = await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          write: false,
          target: 'es2022',
          minify: true,
          emptyOutDir: false,
          lib: { entry: ENTRY, formats: ['iife'], name: 'BroadsheetSwSyncRuntime', fileName: () => 'sw-sync.js' },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]) as Array<{ output: Array<{ type: string; code?: string }> }>;
      const code = outputs.flatMap((r) => r.output).find((o) => o.type === 'chunk')?.code;
      if (!code) throw new Error('sw-sync-runtime: the runtime build produced no code');
      const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
      fileName = `assets/sw-sync-${hash}.js`;
      this.emitFile({ type: 'asset', fileName, source: code });
    },
  };
  const sw: Plugin = {
    name: 'broadsheet-sw-sync-runtime-url',
    resolveId(id) {
      return id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : null;
    },
    load(id) {
      if (id !== `\0${VIRTUAL_ID}`) return null;
      if (!fileName) throw new Error('sw-sync-runtime: the service worker was built before the app emitted its sync runtime');
      return `export default ${JSON.stringify(base + fileName)};`;
    },
  };
  return { app, sw };
}
