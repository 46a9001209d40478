// A long story list loaded page by page as the reader scrolls, so 10,000 stored stories open as fast
// as 50. Off-screen cards skip layout and paint (content-visibility), keeping scrolling smooth.
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { ArticleSummary } from '../../storage/articles-repo';
import type { ListContext } from '../models/list-context';
import { ArticleList } from './ArticleList';

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

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !('IntersectionObserver' in window)) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void more();
    }, { rootMargin: '800px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [resetKey]);

  if (items.value === null) return <p class="loading">Loading…</p>;
  const shown = filter ? items.value.filter(filter) : items.value;
  return (
    <>
      <ArticleList articles={shown} context={context} read={read} empty={done.value ? empty : 'Loading…'} withLead={withLead} showSection={showSection} />
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
