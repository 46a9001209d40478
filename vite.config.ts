// Build: Preact app + a TypeScript service worker (injectManifest) that precaches the shell.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest } from './scripts/manifest.ts';
import { devCorsProxy } from './scripts/dev-proxy.ts';
import { csp } from './scripts/csp.ts';

const port = Number(process.env.PORT ?? 4173);

export default defineConfig({
  plugins: [
    preact(),
    devCorsProxy(),
    // Content-Security-Policy + Trusted Types, production builds only.
    csp(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      // We register through workbox-window in src/ui/sw-bridge.ts, not an injected script.
      injectRegister: false,
      manifest,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      injectManifest: {
        // The shell plus the built-in sample edition, so a first visit works offline afterwards.
        globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest}'],
        globIgnores: ['**/node_modules/**'],
      },
      devOptions: { enabled: false },
    }),
  ],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port, strictPort: true },
  build: { target: 'es2022', sourcemap: false },
});
