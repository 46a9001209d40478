// The first screen of a first visit, computed at build time: the built-in sample edition
// (public/sample/edition.json) goes through the app's own adapter and derivation
// (first-screen-data.ts), and home's snapshot of it (src/ui/models/home-snapshot.ts) is embedded in
// index.html as a JSON data block. A first visit then paints the edition's stories at once, while
// the engine worker syncs the same edition into IndexedDB: the list never waits for the sync engine
// to download. The app's modules load through Vite's module runner, not into this config.
import { runnerImport, type Plugin } from 'vite';

type FirstScreenData = typeof import('./first-screen-data.ts');

/** Vite plugin: embeds the sample edition's first screen in index.html (`<script type="application/json">`, inert under the CSP). */
export function firstScreen(): Plugin {
  let block: Promise<string> | null = null;
  const render = async () => {
    const { module } = await runnerImport<FirstScreenData>('/scripts/first-screen-data.ts', { configFile: false, logLevel: 'error' });
    // "<" escaped so no "</script>" in a headline can end the data block.
    const json = JSON.stringify(module.sampleFirstScreen()).replace(/</g, '\\u003c');
    return `<script type="application/json" id="${module.FIRST_SCREEN_ID}">${json}</script>`;
  };
  return {
    name: 'broadsheet-first-screen',
    async transformIndexHtml(html) {
      block ??= render();
      return html.replace('</body>', `  ${await block}\n  </body>`);
    },
  };
}
