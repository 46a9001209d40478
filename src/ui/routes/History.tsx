// History: stories recently read, most recent first.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { ArticleSummary } from '../../storage/articles-repo';
import { useModels } from '../app-context';
import { ArticleList } from '../components/ArticleList';
import { usePageTitle } from '../use-page-title';

/** The history page. */
export default function History() {
  const { library } = useModels();
  const articles = useSignal<ArticleSummary[] | null>(null);
  usePageTitle('History');
  useEffect(() => {
    let live = true;
    void library.historyArticles().then((list) => {
      if (live) articles.value = list;
    });
    return () => {
      live = false;
    };
  }, [library.read.value]);
  return (
    <>
      <h1 class="page-title">History</h1>
      {articles.value === null ? (
        <p class="loading">Loading…</p>
      ) : (
        <ArticleList articles={articles.value} context={{ kind: 'home' }} read={new Set()} empty="Stories you finish or mark read appear here." />
      )}
    </>
  );
}
