// XSS conformance harness page: renders hostile payloads through the app's REAL render path
// (the ArticleBody component → sanitizeArticleHtml → replaceChildren), then reports to the runner.
// Tripwires are imported first so they are installed before anything renders.
import { info, setCurrentPid, trip, trips } from './tripwires';
import { render } from 'preact';
import { ArticleBody } from '../../src/ui/components/ArticleBody';
import { problemsIn, problemsOf } from './inspect';

interface Item {
  pid: number;
  kind: 'html' | 'feed';
  text: string;
}

const params = new URLSearchParams(location.search);
const batch = params.get('batch') ?? '0';
const control = params.has('control');
const root = document.getElementById('payloads')!;
// Payloads may clobber document properties (<img name="createElement">) when not sanitized: keep our own references.
const createElement = Document.prototype.createElement.bind(document) as typeof document.createElement;
const BASE = new URL('/article/2026/story.html', location.origin).toString();

// Anything dangerous that appears at any time (e.g. added later by a running payload) is recorded too.
const seenLater: Array<{ pid: number | null; problem: string }> = [];
const observer = new MutationObserver((records) => {
  for (const r of records) {
    const targets: Element[] = [];
    if (r.type === 'attributes' && r.target instanceof Element) targets.push(r.target);
    for (const n of Array.from(r.addedNodes)) if (n instanceof Element) targets.push(n, ...Array.from(n.querySelectorAll('*')));
    for (const el of targets) {
      if (el === root || el.hasAttribute('data-pid')) continue;
      const c = el.closest('[data-pid]');
      const pid = c ? Number(c.getAttribute('data-pid')) : null;
      for (const p of problemsOf(el)) seenLater.push({ pid, problem: p });
    }
  }
});
observer.observe(document, { subtree: true, childList: true, attributes: true });

/** The HTML a feed carries: every text-bearing element (title, summary, content …), entity-decoded by the XML parser. */
function feedFragments(xml: string): string[] {
  let doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) {
    // HTML named entities without a DTD: decode them the way a lenient feed parser would, then retry.
    const named = xml.replace(/&([a-zA-Z][a-zA-Z0-9]*);/g, (m, name: string) => {
      if (['amp', 'lt', 'gt', 'quot', 'apos'].includes(name)) return m;
      const t = createElement('textarea');
      t.innerHTML = m; // a textarea's content is text: inert
      return t.value === m ? m : `&#${t.value.codePointAt(0)};`;
    });
    doc = new DOMParser().parseFromString(named, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length) {
      info.feedsNotXml++; // rendered whole, as HTML
      return [xml];
    }
  }
  const out: string[] = [];
  const walk = (el: Element): void => {
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    const mode = (el.getAttribute('mode') ?? '').toLowerCase();
    const kids = Array.from(el.children);
    if (kids.length && (type === 'xhtml' || type.includes('xhtml') || mode === 'xml')) {
      const s = new XMLSerializer();
      out.push(Array.from(el.childNodes).map((n) => s.serializeToString(n)).join(''));
      return;
    }
    if (!kids.length) {
      const text = el.textContent ?? '';
      if (text.trim()) {
        if (mode === 'base64') {
          try {
            out.push(new TextDecoder().decode(Uint8Array.from(atob(text.replace(/\s+/g, '')), (c) => c.charCodeAt(0))));
          } catch {
            out.push(text);
          }
        } else out.push(text);
      }
      return;
    }
    for (const k of kids) walk(k);
  };
  walk(doc.documentElement);
  return out;
}

function frames(n: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(n);
  });
}

async function main(): Promise<void> {
  const items = (await (await fetch(`/__xss/payloads?batch=${batch}`)).json()) as Item[];
  const containers = new Map<number, HTMLElement>();
  let fragments = 0;
  for (const item of items) {
    const container = createElement('section');
    container.setAttribute('data-pid', String(item.pid));
    root.append(container);
    containers.set(item.pid, container);
    const htmls = item.kind === 'feed' ? feedFragments(item.text) : [item.text];
    fragments += htmls.length;
    setCurrentPid(item.pid);
    try {
      if (control) {
        for (const html of htmls) container.insertAdjacentHTML('beforeend', html); // positive control: NOT sanitized
      } else {
        // Each fragment of a feed (title, summary, content) is its own article body, as the reader shows it.
        render(
          <>
            {htmls.map((html) => (
              <ArticleBody html={html} baseUrl={BASE} language={null} resolveStoredLinks={async () => new Map()} />
            ))}
          </>,
          container,
        );
      }
    } catch (err) {
      trip('render-threw', String(err));
    } finally {
      setCurrentPid(null);
    }
  }
  // Let images fail, handlers fire, timers run.
  await frames(2);
  await new Promise((r) => setTimeout(r, 50));
  const pending = Array.from(root.querySelectorAll('img')).filter((img) => !img.complete && img.loading !== 'lazy');
  if (pending.length) await Promise.race([Promise.all(pending.map((img) => img.decode().catch(() => undefined))), new Promise((r) => setTimeout(r, 300))]);
  await frames(2);

  const results = items.map((item) => {
    const c = containers.get(item.pid)!;
    // The container is ours; ArticleBody's own div (data-testid) is the app's; only what is inside it is the payload's.
    const bodies = Array.from(c.querySelectorAll('[data-testid="article-body"]'));
    const survivors = control ? problemsIn(c, false) : bodies.flatMap((b) => problemsIn(b, false));
    if (!control && bodies.length === 0 && c.childElementCount) survivors.push('render path produced no article body');
    for (const s of seenLater) if (s.pid === item.pid) survivors.push(`(seen by observer) ${s.problem}`);
    return { pid: item.pid, survivors: [...new Set(survivors)], trips: trips.filter((t) => t.pid === item.pid) };
  });
  const unattributed = trips.filter((t) => t.pid === null);
  const orphanDom = seenLater.filter((s) => s.pid === null).map((s) => s.problem);
  await fetch(`/__xss/results?batch=${batch}${control ? '&control' : ''}`, {
    method: 'POST',
    body: JSON.stringify({ results, unattributed, orphanDom, info, fragments }),
  });
}

main().catch((err) => {
  void fetch(`/__xss/results?batch=${batch}`, { method: 'POST', body: JSON.stringify({ fatal: String(err) }) });
});
