// The article body: sanitized third-party HTML, with links to stories we have stored opening the stored copy.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { sanitizeArticleHtml } from '../sanitize';

/** Props of an article body. */
export interface ArticleBodyProps {
  html: string;
  baseUrl: string;
  language: string | null;
  /** Maps absolute URLs to app routes of stored articles (only those found are returned). */
  resolveStoredLinks: (urls: string[]) => Promise<Map<string, string>>;
}

/** Renders the sanitized body; never inserts unsanitized markup. */
export function ArticleBody({ html, baseUrl, language, resolveStoredLinks }: ArticleBodyProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.replaceChildren(sanitizeArticleHtml(html, baseUrl));
    const links = [...el.querySelectorAll<HTMLAnchorElement>('a[href]')];
    let cancelled = false;
    void resolveStoredLinks(links.map((a) => a.href)).then((routes) => {
      if (cancelled) return;
      for (const a of links) {
        const route = routes.get(a.href);
        if (!route) continue;
        // A same-origin link without target is routed in-app by preact-iso, so it works offline.
        a.setAttribute('href', route);
        a.removeAttribute('target');
        a.removeAttribute('rel');
        a.classList.add('stored-link');
      }
    });
    return () => {
      cancelled = true;
    };
  }, [html, baseUrl]);
  return <div class="article-body" ref={ref} dir="auto" lang={language ?? undefined} data-testid="article-body" />;
}
