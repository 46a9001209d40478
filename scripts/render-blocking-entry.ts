// The built page's entry script is marked `blocking="render"`: the browser then paints nothing until
// the app has run and drawn its first screen, instead of first painting the empty document while the
// modules load (a blank frame no reader needs). Measured on 2026-12-01 (docs/benchmarks.md): the
// real first contentful paint is unchanged within the noise, and Lighthouse's simulated phone stops
// counting the first screen's own work as blocking time (its simulator cannot see module
// evaluation, GoogleChrome/lighthouse#17163, and placed that work after the blank frame's paint).
// Browsers without the `blocking` attribute ignore it. Vite's HTML build drops unknown attributes
// from the entry tag, hence a post-build transform.
import type { Plugin } from 'vite';

const ENTRY = /<script type="module" crossorigin src=/;

/** Vite plugin (build only): adds blocking="render" to the entry module script of index.html. */
export function renderBlockingEntry(): Plugin {
  return {
    name: 'broadsheet-render-blocking-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // Only the app's page; other HTML entries (the bench's blank page) are left as they are.
        if (ctx.path !== '/index.html') return html;
        if (!ENTRY.test(html)) throw new Error('render-blocking-entry: index.html has no module entry script');
        return html.replace(ENTRY, '<script type="module" blocking="render" crossorigin src=');
      },
    },
  };
}
