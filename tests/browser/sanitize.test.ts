// Protects readers from hostile article HTML, in real Chromium (DOMPurify is inert under happy-dom):
// no script, no handlers, no javascript: URLs; links open safely; relative URLs resolve.
import { afterEach, describe, expect, it } from 'vitest';
import { sanitizeArticleHtml, sanitizeArticleHtmlToString } from '../../src/ui/sanitize';

const BASE = 'https://news.example/2026/11/story.html';
let fired = 0;
(window as unknown as { __tripwire: () => void }).__tripwire = () => fired++;

function render(html: string): HTMLElement {
  const host = document.createElement('div');
  host.append(sanitizeArticleHtml(html, BASE));
  document.body.append(host);
  return host;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('sanitizeArticleHtml', () => {
  it('removes scripts, event handlers and javascript: URLs, and nothing fires', async () => {
    const host = render(
      '<p onclick="__tripwire()">x</p><script>__tripwire()</script><img src="x" onerror="__tripwire()">' +
        '<a href="javascript:__tripwire()">a</a><svg onload="__tripwire()"></svg><iframe src="javascript:__tripwire()"></iframe>' +
        '<form action="https://evil.example"><button>go</button></form><style>body{background:url(https://evil.example)}</style>',
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(fired).toBe(0);
    const html = host.innerHTML;
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(host.querySelector('script, iframe, form, svg, style, button')).toBeNull();
  });

  it('opens links in a new tab without opener or referrer', () => {
    const host = render('<a href="https://other.example/a">other</a>');
    const a = host.querySelector('a')!;
    expect(a.target).toBe('_blank');
    expect(a.rel).toBe('noopener noreferrer');
  });

  it("resolves relative links and images against the article's base URL", () => {
    const host = render('<a href="../10/older.html">older</a><img src="img/chart.png" srcset="img/a.png 1x, img/b.png 2x">');
    expect(host.querySelector('a')!.getAttribute('href')).toBe('https://news.example/2026/10/older.html');
    const img = host.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://news.example/2026/11/img/chart.png');
    expect(img.getAttribute('srcset')).toBe('https://news.example/2026/11/img/a.png 1x, https://news.example/2026/11/img/b.png 2x');
  });

  it('loads images lazily without leaking the referrer', () => {
    const img = render('<img src="https://cdn.example/a.jpg">').querySelector('img')!;
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(img.getAttribute('alt')).toBe('');
  });

  it('drops style attributes that could smuggle URLs, and data: URLs', () => {
    const out = sanitizeArticleHtmlToString('<p style="background:url(https://t.example/p)">x</p><img src="data:image/svg+xml,<svg onload=alert(1)>">', BASE);
    expect(out).not.toContain('style=');
    expect(out).not.toContain('data:');
  });

  it('keeps the article structure a reader needs', () => {
    const out = sanitizeArticleHtmlToString(
      '<h2>Sub</h2><p><em>a</em> <strong>b</strong></p><blockquote>q</blockquote><ul><li>i</li></ul><figure><img src="a.png" alt="A"><figcaption>c</figcaption></figure>',
      BASE,
    );
    for (const tag of ['<h2>', '<em>', '<strong>', '<blockquote>', '<li>', '<figure>', '<figcaption>', 'alt="A"']) expect(out).toContain(tag);
  });
});
