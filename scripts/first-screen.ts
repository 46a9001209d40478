// The first screen of a first visit, computed at build time: the built-in sample edition
// (public/sample/edition.json) goes through the app's own adapter and derivation
// (first-screen-data.ts), and home's snapshot of it (src/ui/models/home-snapshot.ts) is emitted as
// first-screen.json. A tiny script at the top of <head> starts fetching it at once, only when the
// reader has no remembered screen, so a first visit paints the edition's stories as soon as the app
// runs, while the engine worker syncs the same edition into IndexedDB; return visits fetch nothing.
// (Embedded in index.html instead, it cost every warm start ~18 ms of HTML parsing.)
// The app's modules load through Vite's module runner, not into this config.
import { runnerImport, type Plugin } from 'vite';

type FirstScreenData = typeof import('./first-screen-data.ts');

/** Vite plugin: emits first-screen.json and the head script that prefetches it on a first visit. */
export function firstScreen(): Plugin {
  let data: Promise<FirstScreenData> | null = null;
  let base = '/';
  const load = () => (data ??= runnerImport<FirstScreenData>('/scripts/first-screen-data.ts', { configFile: false, logLevel: 'error' }).then((r) => r.module));
  return {
    name: 'broadsheet-first-screen',
    configResolved(config) {
      base = config.base;
    },
    async generateBundle() {
      const m = await load();
      this.emitFile({ type: 'asset', fileName: m.FIRST_SCREEN_FILE, source: JSON.stringify(m.sampleFirstScreen()) });
    },
    configureServer(server) {
      // `npm run dev` serves the same file.
      server.middlewares.use(async (req, res, next) => {
        const m = await load();
        if (req.url !== `${base}${m.FIRST_SCREEN_FILE}`) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(m.sampleFirstScreen()));
      });
    },
    async transformIndexHtml(html) {
      const m = await load();
      const url = JSON.stringify(`${base}${m.FIRST_SCREEN_FILE}`);
      const script =
        `(function(){try{if(localStorage.getItem(${JSON.stringify(m.SNAPSHOT_KEY)}))return;` +
        `window[${JSON.stringify(m.FIRST_SCREEN_GLOBAL)}]=fetch(${url}).then(function(r){return r.ok?r.text():null}).catch(function(){return null})}catch(e){}})();`;
      // Right after <meta charset>, before the stylesheet (an inline script after a pending stylesheet
      // waits for it): the fetch starts with the page. The CSP meta and policy script are put in
      // front of it later (csp.ts, which admits it by its hash).
      return html.replace(/<meta\s+charset=[^>]*>/i, (m) => `${m}\n    <script>${script}</script>`);
    },
  };
}
