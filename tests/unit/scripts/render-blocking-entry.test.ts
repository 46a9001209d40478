// The built page must not lose blocking="render" on its entry script (Vite's HTML build drops it from the source tag).
import type { IndexHtmlTransformContext } from 'vite';
import { describe, expect, it } from 'vitest';
import { renderBlockingEntry } from '../../../scripts/render-blocking-entry';

const BUILT = `<head>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/shell-def.js">
  </head>`;

function transform(html: string, path = '/index.html'): string {
  const hook = renderBlockingEntry().transformIndexHtml as { handler: (html: string, ctx: IndexHtmlTransformContext) => string };
  return hook.handler(html, { path, filename: `/app${path}` } as IndexHtmlTransformContext);
}

describe('renderBlockingEntry', () => {
  it('marks the entry module script render-blocking, and nothing else', () => {
    const out = transform(BUILT);
    expect(out).toContain('<script type="module" blocking="render" crossorigin src="/assets/index-abc.js">');
    expect(out.match(/blocking=/g)).toHaveLength(1);
    expect(out).toContain('<link rel="modulepreload" crossorigin href="/assets/shell-def.js">');
  });

  it('fails the build when the entry tag changes shape, rather than silently doing nothing', () => {
    expect(() => transform('<head><script src="/x.js"></script></head>')).toThrow(/no module entry script/);
  });

  it('leaves other pages alone', () => {
    expect(transform(BUILT, '/other.html')).toBe(BUILT);
  });
});
