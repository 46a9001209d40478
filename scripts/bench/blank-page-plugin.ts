// A Vite plugin for `npm run bench`: with BROADSHEET_BENCH=1, the build also emits a blank same-origin page
// (bench-blank.html + bench-blank.js). The service worker precaches it like the app shell, so "warm offline"
// can compare the app's time to its first list with the time the same worker takes to show a page that does
// nothing: the ratio is the app's own cost. Normal builds emit nothing.
import type { Plugin } from 'vite';

/** The blank page, at the site root (the service worker's precache globs pick up .html). */
export const BLANK_PAGE = 'bench-blank.html';
/** Its script, at the site root (and precached, as .js). */
export const BLANK_SCRIPT = 'bench-blank.js';

// External script, not inline: the production CSP forbids inline scripts, and the blank page must be
// servable under the same rules as the app. A classic script after the paragraph runs as soon as the
// paragraph is parsed: the same "content on screen" mark the home page sets for its first list.
const HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Blank</title></head>
<body>
<p>Blank</p>
<script src="/${BLANK_SCRIPT}"></script>
</body>
</html>
`;
const SCRIPT = `performance.mark('list-visible');\n`;

/** Emits the blank benchmark page into the build output, only when BROADSHEET_BENCH is '1'. */
export function benchBlankPage(): Plugin {
  return {
    name: 'broadsheet-bench-blank-page',
    apply: 'build',
    generateBundle() {
      // Read at build time, not config time, so one config serves both kinds of build.
      if (process.env.BROADSHEET_BENCH !== '1') return;
      this.emitFile({ type: 'asset', fileName: BLANK_PAGE, source: HTML });
      this.emitFile({ type: 'asset', fileName: BLANK_SCRIPT, source: SCRIPT });
    },
  };
}
