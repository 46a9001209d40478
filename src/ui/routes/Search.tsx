// Search: ranked, highlighted results over titles, excerpts and bodies, as you type, offline.
import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { HighlightFn } from '../search-highlight';
import { useModels } from '../app-context';
import { Highlighted } from '../components/Highlighted';
import { formatDay, isoDate, readTimeLabel } from '../format';
import { articleHref } from '../models/list-context';
import type { SearchResult } from '../models/search';
import { usePageTitle } from '../use-page-title';
import { scrollLeftAt } from '../history-nav';

// The result last opened from this page, to give it focus again on Back (the page is drawn anew).
let lastOpened: string | null = null;

/** The search page; the query lives in the URL (?q=) so results survive a reload and can be shared. */
export default function Search() {
  const { search, settings, library } = useModels();
  const { query, route, path } = useLocation();
  const q = query.q ?? '';
  // Results with the query that found them: typing must not re-highlight the previous results for
  // every keystroke's query (that work would sit in front of the next answer).
  const results = useSignal<{ query: string; list: SearchResult[] } | null>(null);
  const failed = useSignal<string | null>(null);
  const highlight = useSignal<HighlightFn | null>(null);
  const input = useRef<HTMLInputElement>(null);
  usePageTitle(q ? `Search: ${q}` : 'Search');

  // Back to these results (from a story): the reader's place, not the search box, once they are drawn.
  const returnTo = useRef(scrollLeftAt());

  useEffect(() => {
    if (returnTo.current === undefined) input.current?.focus();
    search.prepare();
    void import('../search-highlight').then((m) => (highlight.value = m.highlightFor));
  }, []);
  // Asked again when a sync (here or in another tab) changes the stories: a search opened while the
  // first sync was still storing them would otherwise say "No stories match" for good.
  useEffect(() => {
    let live = true;
    if (!q.trim()) {
      results.value = null;
      return;
    }
    failed.value = null;
    void search
      .search(q)
      .then((list) => {
        if (live) results.value = { query: q, list };
      })
      .catch((err) => {
        if (live) failed.value = `Search is not available right now: ${err instanceof Error ? err.message : String(err)}`;
      });
    return () => {
      live = false;
    };
  }, [q, library.revision.value]);

  const mark = highlight.value;
  const speed = settings.speed.value;
  const found = results.value;
  useEffect(() => {
    // Snippets change the results' heights: restore once they are highlighted too.
    if (returnTo.current === undefined || !found || !mark) return;
    window.scrollTo({ top: returnTo.current, behavior: 'auto' });
    returnTo.current = undefined;
    // Keyboard focus goes back to the result the reader opened, so Tab goes on from there.
    const opened = [...document.querySelectorAll<HTMLAnchorElement>('.search-results a')].find((a) => a.getAttribute('href') === lastOpened);
    opened?.focus({ preventScroll: true });
  }, [found, mark]);
  const list = useMemo(() => {
    if (!found || found.list.length === 0) return null;
    const shownQ = found.query;
    return (
      <ol class="search-results">
        {found.list.map(({ story: article, snippet: body }) => {
          const lang = article.language;
          return (
            <li key={article.id} class="search-result">
              <p class="kicker">{article.section}</p>
              <h2 class="card__title" dir="auto">
                <a href={articleHref(article.id)} onClick={(e) => (lastOpened = e.currentTarget.getAttribute('href'))}>{mark ? <Highlighted text={article.title} ranges={mark(article.title, shownQ, lang)} /> : article.title}</a>
              </h2>
              <p class="card__excerpt" dir="auto">
                {mark ? <Highlighted text={article.excerpt} ranges={mark(article.excerpt, shownQ, lang)} /> : article.excerpt}
              </p>
              {body && (
                <p class="search-snippet" dir="auto">
                  <Highlighted text={body.text} ranges={body.ranges} />
                </p>
              )}
              <p class="meta">
                <time dateTime={isoDate(article.publishedAt)}>{formatDay(article.publishedAt)}</time> · {readTimeLabel(article, speed)}
              </p>
            </li>
          );
        })}
      </ol>
    );
  }, [found, mark, speed]);
  return (
    <>
      <h1 class="page-title">Search</h1>
      <form role="search" class="settings-row" onSubmit={(e) => e.preventDefault()}>
        <label for="search-input" class="visually-hidden">
          Search stored stories
        </label>
        <input
          id="search-input"
          ref={input}
          type="search"
          class="wide-input search-input"
          placeholder="Search stored stories"
          value={q}
          autoComplete="off"
          onInput={(e) => route(`${path}?q=${encodeURIComponent(e.currentTarget.value)}`, true)}
        />
      </form>
      <div aria-live="polite" data-testid="search-results">
        {failed.value && <p class="status__error">{failed.value}</p>}
        {found === null ? (
          <p class="meta">Searches every story stored on this device, offline too.</p>
        ) : found.list.length === 0 ? (
          <p class="empty">No stories match “{found.query}”.</p>
        ) : (
          <>
            <p class="meta">
              {found.list.length} {found.list.length === 1 ? 'story' : 'stories'}
            </p>
            {list}
          </>
        )}
      </div>
    </>
  );
}
