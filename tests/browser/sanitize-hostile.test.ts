// Protects readers from hostile article HTML on the real render path (the ArticleBody component →
// sanitizeArticleHtml → replaceChildren), in real Chromium: for each payload nothing fires, and nothing that
// could run or phone home survives (handlers, style, script-capable URLs, active elements, clobbering names).
// The payloads are written for this project (the corpora are run by `npm run conformance:xss`).
import { afterAll, describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { ArticleBody } from '../../src/ui/components/ArticleBody';

const BASE = 'https://news.example/2026/11/story.html';
const w = window as unknown as Record<string, unknown>;
let fired = 0;
const trip = () => {
  fired++;
};
const saved = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };
w.__trip = trip;
w.alert = trip;
w.confirm = trip;
w.prompt = trip;
afterAll(() => Object.assign(window, saved));

const PAYLOADS: Array<[string, string]> = [
  ['img onerror', '<img src="x" onerror="__trip()">'],
  ['unclosed img onerror', '<p>text<img src=x onerror=__trip() '],
  ['svg script', '<svg><script>__trip()</script></svg>'],
  ['svg onload', '<svg onload="__trip()"><circle r="4"/></svg>'],
  ['svg animate set href', '<svg><a><animate attributeName="href" values="javascript:__trip()"/><text y="9">x</text></a></svg>'],
  ['svg xlink:href', '<svg><a xlink:href="javascript:__trip()"><text y="9">x</text></a></svg>'],
  ['math href', '<math href="javascript:__trip()"><mi>x</mi></math>'],
  ['math mglyph style mXSS', '<math><mtext><table><mglyph><style><img src=x onerror=__trip()></style></mglyph></table></mtext></math>'],
  ['noscript attribute mXSS', '<noscript><p title="</noscript><img src=x onerror=__trip()>"></noscript>'],
  ['comment breakout', '<!--><img src=x onerror=__trip()>-->'],
  ['template content', '<template><img src=x onerror=__trip()></template>'],
  ['mixed-case javascript: link', '<a href="JaVaScRiPt:__trip()">a</a>'],
  ['entity-encoded javascript: link', '<a href="&#106;&#97;vascript:__trip()">a</a>'],
  ['tab and newline inside scheme', '<a href="jav&#x09;ascr&#x0A;ipt:__trip()">a</a>'],
  ['leading control characters', '<a href="&#x01;&#x20;javascript:__trip()">a</a>'],
  ['vbscript link', '<a href="vbscript:msgbox(1)">a</a>'],
  ['data: html link', '<a href="data:text/html;base64,PHNjcmlwdD5fX3RyaXAoKTwvc2NyaXB0Pg==">a</a>'],
  ['data: svg image', '<img src="data:image/svg+xml,%3Csvg onload=__trip()%3E">'],
  ['javascript: in srcset', '<img srcset="javascript:__trip() 1x, https://img.example/a.png 2x" src="https://img.example/a.png">'],
  ['iframe srcdoc', '<iframe srcdoc="&lt;script&gt;parent.__trip()&lt;/script&gt;"></iframe>'],
  ['object data', '<object data="javascript:__trip()"></object>'],
  ['embed src', '<embed src="javascript:__trip()">'],
  ['form button formaction', '<form><button formaction="javascript:__trip()">go</button></form>'],
  ['input image onerror', '<input type="image" src="x" onerror="__trip()">'],
  ['base href hijack', '<base href="javascript:__trip()//"><a href="rel">a</a>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:__trip()">'],
  ['style element import', '<style>@import url(https://evil.example/x.css); p{background:url(javascript:__trip())}</style><p>p</p>'],
  ['style attribute url', '<p style="background-image:url(https://track.example/pixel.gif)">p</p>'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['details ontoggle', '<details open ontoggle="__trip()"><summary>s</summary>d</details>'],
  ['video source onerror', '<video><source src="x" onerror="__trip()"></video>'],
  ['body onload', '<body onload="__trip()"><p>b</p></body>'],
  ['custom element handler', '<x-widget onclick="__trip()" onmouseover="__trip()">w</x-widget>'],
  ['picture source srcset', '<picture><source srcset="javascript:__trip()"><img src="https://img.example/a.png"></picture>'],
  ['DOM clobbering id and name', '<img id="__trip" name="getElementById" src="https://img.example/a.png"><form name="body"></form>'],
  ['select/style confusion', '<select><style></select><img src=x onerror=__trip()></style></select>'],
  ['xmp raw text', '<xmp><img src=x onerror=__trip()></xmp>'],
  ['nested quotes in attribute', '<a title="x" href="https://ok.example/" onfocus="__trip()" autofocus>a</a>'],
  ['link with opener', '<a href="https://ok.example/" target="_self" rel="opener">a</a>'],
  ['relative javascript path', '<a href="javascript:%2F%2F%0A__trip()">a</a>'],
];

const DANGEROUS = 'script, iframe, frame, object, embed, applet, form, input, button, base, meta, style, link, svg, math, template';
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'cite'];

function problems(root: Element): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll(DANGEROUS)) out.push(`<${el.localName}>`);
  for (const el of root.querySelectorAll('*')) {
    for (const { name, value } of Array.from(el.attributes)) {
      const v = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
      if (/^on/i.test(name) || name === 'style' || name === 'id' || name === 'name') out.push(`${el.localName}[${name}]`);
      if (URL_ATTRS.includes(name) && !/^(?:https?:|mailto:)/i.test(v)) out.push(`${el.localName}[${name}=${value}]`);
      if (name === 'srcset' && v.split(',').some((c) => !/^(?:https?:)/i.test(c.trim()))) out.push(`${el.localName}[srcset=${value}]`);
    }
    if (el.localName === 'a' && el.hasAttribute('href') && el.getAttribute('rel') !== 'noopener noreferrer') out.push('a without noopener');
  }
  return out;
}

describe('hostile article HTML on the real render path', () => {
  it.each(PAYLOADS)('%s: nothing fires, nothing dangerous survives', async (_name, payload) => {
    fired = 0;
    const host = document.createElement('div');
    document.body.append(host);
    render(h(ArticleBody, { html: payload, baseUrl: BASE, language: null, resolveStoredLinks: async () => new Map() }), host);
    const body = host.querySelector('[data-testid="article-body"]')!;
    expect(body).not.toBeNull();
    // Let images fail, handlers and timers run.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await new Promise((r) => setTimeout(r, 60));
    expect(fired).toBe(0);
    expect(problems(body)).toEqual([]);
    render(null, host);
    host.remove();
  });

  it('keeps the readable text of what it strips', () => {
    const host = document.createElement('div');
    render(h(ArticleBody, { html: '<form><p>Kept paragraph</p></form><svg><text>gone</text></svg>', baseUrl: BASE, language: null, resolveStoredLinks: async () => new Map() }), host);
    expect(host.textContent).toContain('Kept paragraph');
  });
});

describe('legitimate article markup keeps what a reader needs', () => {
  it('keeps non-URL attributes: language, direction, sizes, table spans, dates, media queries', async () => {
    const { sanitizeArticleHtmlToString } = await import('../../src/ui/sanitize');
    const out = sanitizeArticleHtmlToString(
      '<p lang="ar" dir="rtl">نص</p><img src="a.png" width="300" height="200" alt="A"><table><tr><td colspan="2" rowspan="3" scope="row">t</td></tr></table>' +
        '<time datetime="2026-01-02">d</time><picture><source media="(min-width: 600px)" type="image/webp" srcset="b.webp 1x" sizes="100vw"><img src="a.png"></picture>',
      BASE,
    );
    for (const kept of ['lang="ar"', 'dir="rtl"', 'width="300"', 'height="200"', 'colspan="2"', 'rowspan="3"', 'scope="row"', 'datetime="2026-01-02"',
      'media="(min-width: 600px)"', 'type="image/webp"', 'sizes="100vw"']) expect(out).toContain(kept);
  });

  it('keeps srcset candidates whose URLs contain commas, and drops a srcset with none left', async () => {
    const { sanitizeArticleHtmlToString } = await import('../../src/ui/sanitize');
    const out = sanitizeArticleHtmlToString('<img srcset="https://cdn.example/w_300,h_200/a.jpg 300w, /w_600,h_400/a.jpg 600w">', BASE);
    expect(out).toContain('srcset="https://cdn.example/w_300,h_200/a.jpg 300w, https://news.example/w_600,h_400/a.jpg 600w"');
    const none = sanitizeArticleHtmlToString('<img src="https://cdn.example/a.jpg" srcset="javascript:alert(1) 1x, data:image/png;base64,AAAA 2x">', BASE);
    expect(none).not.toContain('srcset');
  });
});
