// A story list loaded once from a model query and reloaded when `deps` change (saved, history).
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { ArticleSummary } from '../../storage/articles-repo';
import type { ListContext } from '../models/list-context';
import { ArticleList } from './ArticleList';

/** Props of a loaded list. */
export interface LoadedListProps {
  load: () => Promise<ArticleSummary[]>;
  deps: unknown[];
  context: ListContext;
  read: ReadonlySet<string>;
  empty: string;
}

/** Shows "Loading…" until `load` answers, then the stories. */
export function LoadedList({ load, deps, context, read, empty }: LoadedListProps) {
  const articles = useSignal<ArticleSummary[] | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((list) => {
      if (live) articles.value = list;
    });
    return () => {
      live = false;
    };
  }, deps);
  if (articles.value === null) return <p class="loading">Loading…</p>;
  return <ArticleList articles={articles.value} context={context} read={read} empty={empty} />;
}
