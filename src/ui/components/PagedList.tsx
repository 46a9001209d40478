// A long story list loaded page by page as the reader scrolls, so 10,000 stored stories open as fast as 50,
// and windowed (use-list-window) so the DOM holds a few blocks of cards however far the reader goes.
import { useSignal } from '@preact/signals';
import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { ArticleSummary } from '../../storage/articles-repo';
import type { ListContext } from '../models/list-context';
import { ArticleCard } from './ArticleCard';
import { useListWindow } from './use-list-window';

const PAGE = 50;

/** Props of a paged list. */
export interface PagedListProps {
  /** Loads `limit` stories starting at `offset` (newest first). */
  load: (offset: number, limit: number) => Promise<ArticleSummary[]>;
  /** Changes when the list must start over (another section, new stories, a filter). */
  resetKey: string;
  context: ListContext;
  read: ReadonlySet<string>;
  filter?: (a: ArticleSummary) => boolean;
  empty: string;
  withLead?: boolean;
  showSection?: boolean;
}

/** Renders the first page, then the next whenever the end of the list comes into view. */
export function PagedList({ load, resetKey, context, read, filter, empty, withLead, showSection }: PagedListProps) {
  const items = useSignal<ArticleSummary[] | null>(null);
  const done = useSignal(false);
  const loading = useRef(false);
  const sentinel = useRef<HTMLDivElement>(null);
  const observer = useRef<IntersectionObserver | null>(null);
  const generation = useRef(0);

  const more = async () => {
    if (loading.current || done.value) return;
    loading.current = true;
    const gen = generation.current;
    let all = items.value ?? [];
    // With a filter (unread only), keep reading pages until something new is visible or the list ends.
    for (let round = 0; round < 20; round++) {
      const page = await load(all.length, PAGE);
      if (gen !== generation.current) return;
      all = [...all, ...page];
      if (page.length < PAGE) done.value = true;
      if (done.value || !filter || page.some(filter)) break;
    }
    loading.current = false;
    items.value = all;
  };

  useEffect(() => {
    generation.current++;
    items.value = null;
    done.value = false;
    loading.current = false;
    void more();
  }, [resetKey]);

  // The observer outlives renders: it must call this render's `more` (this section's `load`), not the first.
  const latestMore = useRef(more);
  latestMore.current = more;

  // Set up once the sentinel exists, i.e. after the first page, and again for each new list.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !('IntersectionObserver' in window)) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void latestMore.current();
    }, { rootMargin: '800px 0px' });
    io.observe(el);
    observer.current = io;
    return () => {
      io.disconnect();
      observer.current = null;
    };
  }, [resetKey, items.value === null]);

  // The observer only reports changes: if the end is still near after a page arrived, ask it to look again
  // (in the layout effect, so it looks in the coming frame rather than the one after).
  useLayoutEffect(() => {
    const el = sentinel.current;
    if (el && !done.value && observer.current) (observer.current.unobserve(el), observer.current.observe(el));
  }, [items.value]);

  const all = items.value;
  const shown = useMemo(() => (all && filter ? all.filter(filter) : all), [all, filter]);
  const win = useListWindow(shown?.length ?? 0, !!withLead, resetKey);

  if (shown === null) return <p class="loading">Loading…</p>;
  // Screen readers hear the true position of each drawn story; the size is unknown (-1) until the last page.
  const setsize = done.value ? shown.length : -1;
  return (
    <>
      {shown.length === 0 ? (
        <p class="empty">{done.value ? empty : 'Loading…'}</p>
      ) : (
        <ol ref={win.ref} class="story-list story-list--windowed" data-testid="story-list">
          {win.segments.map((seg) =>
            seg.kind === 'spacer' ? (
              <li key={`gap-${seg.first}`} class="story-list__spacer" aria-hidden="true" style={{ height: `${seg.height}px` }} />
            ) : (
              <Fragment key={`block-${seg.block}`}>
                {shown.slice(seg.start, seg.end).map((a, j) => (
                  <li
                    key={a.id}
                    class={j === 0 ? 'story-list__block-start' : undefined}
                    data-block={seg.block}
                    data-index={seg.start + j}
                    aria-posinset={seg.start + j + 1}
                    aria-setsize={setsize}
                  >
                    <ArticleCard article={a} context={context} read={read.has(a.id)} lead={withLead && seg.start + j === 0} showSection={showSection} />
                  </li>
                ))}
              </Fragment>
            ),
          )}
        </ol>
      )}
      <div ref={sentinel} class="list-end">
        {!done.value && (
          <button type="button" class="button button--quiet" onClick={() => void more()}>
            More stories
          </button>
        )}
      </div>
    </>
  );
}
