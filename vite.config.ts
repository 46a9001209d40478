// Build: Preact app + a TypeScript service worker (injectManifest) that precaches the shell.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest } from './scripts/manifest.ts';
import { devCorsProxy } from './scripts/dev-proxy.ts';
import { csp } from './scripts/csp.ts';
import { swSyncRuntime } from './scripts/sw-sync-runtime.ts';
import { firstScreen } from './scripts/first-screen.ts';
import { renderBlockingEntry } from './scripts/render-blocking-entry.ts';
import { benchBlankPage } from './scripts/bench/blank-page-plugin.ts';

const port = Number(process.env.PORT ?? 4173);
// The service worker's sync engine is a separate script, loaded only for background syncs.
const syncRuntime = swSyncRuntime();

export default defineConfig({
  plugins: [
    preact(),
    devCorsProxy(),
    // The built-in edition's first screen (first-screen.json), fetched by a head script on a first visit.
    firstScreen(),
    // No blank frame before the first screen: the entry script blocks rendering until it has run.
    renderBlockingEntry(),
    // Content-Security-Policy + Trusted Types, production builds only.
    csp(),
    syncRuntime.app,
    benchBlankPage(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      // We register through workbox-window in src/ui/sw-bridge.ts, not an injected script.
      injectRegister: false,
      manifest,
      // Icons are precached by the glob below; the plugin adds manifest.webmanifest itself.
      includeManifestIcons: false,
      injectManifest: {
        // A classic worker: it loads its sync runtime with importScripts().
        rollupFormat: 'iife',
        buildPlugins: { vite: [syncRuntime.sw] },
        // The shell plus the built-in sample edition, so a first visit works offline afterwards.
        globPatterns: ['**/*.{js,css,html,svg,png,json}'],
        // The sync runtime is stored by the service worker's own importScripts() at install.
        globIgnores: ['**/node_modules/**', 'assets/sw-sync-*.js'],
      },
      devOptions: { enabled: false },
    }),
  ],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port, strictPort: true },
  // Every browser that runs the app has <link rel="modulepreload">: no polyfill in the first bundle.
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        // Every module the entry imports statically (the first screen's whole path) in one chunk, the
        // entry's own: a warm start asks the service worker for one script. Left to itself Rolldown
        // splits out each module a lazy route shares with it (six more requests). Lazy routes import
        // what they share from this chunk. A dynamic import() of a module already on this path would
        // cost it Rolldown's runtime helper chunk, so src/ui imports those statically.
        codeSplitting: {
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
  // The engine worker is an ES module so it can load the parsers lazily (code-split chunks).
  worker: { format: 'es' },
});
