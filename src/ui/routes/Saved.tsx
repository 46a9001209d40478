// Saved stories: kept forever, newest save first.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { ArticleSummary } from '../../storage/articles-repo';
import { useModels } from '../app-context';
import { ArticleList } from '../components/ArticleList';
import { usePageTitle } from '../use-page-title';

/** The saved-stories page. */
export default function Saved() {
  const { library } = useModels();
  const articles = useSignal<ArticleSummary[] | null>(null);
  usePageTitle('Saved');
  useEffect(() => {
    let live = true;
    void library.savedArticles().then((list) => {
      if (live) articles.value = list;
    });
    return () => {
      live = false;
    };
  }, [library.saved.value]);
  return (
    <>
      <h1 class="page-title">Saved</h1>
      {articles.value === null ? (
        <p class="loading">Loading…</p>
      ) : (
        <ArticleList
          articles={articles.value}
          context={{ kind: 'saved' }}
          read={library.read.value}
          empty="Nothing saved yet. Use Save on any story to keep it on this device for good."
        />
      )}
    </>
  );
}
