// A section page: every stored story of one section, newest first.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { ArticleSummary } from '../../storage/articles-repo';
import { useModels } from '../app-context';
import { ArticleList } from '../components/ArticleList';
import { usePageTitle } from '../use-page-title';

/** The section page for the `name` route parameter. */
export default function Section({ name = '' }: { name?: string }) {
  const { library } = useModels();
  const section = decodeURIComponent(name);
  const articles = useSignal<ArticleSummary[] | null>(null);
  usePageTitle(section);
  useEffect(() => {
    let live = true;
    void library.sectionArticles(section).then((list) => {
      if (live) articles.value = list;
    });
    return () => {
      live = false;
    };
  }, [section, library.revision.value]);
  return (
    <>
      <h1 class="page-title">{section}</h1>
      {articles.value === null ? (
        <p class="loading">Loading…</p>
      ) : (
        <ArticleList
          articles={articles.value}
          context={{ kind: 'section', section }}
          read={library.read.value}
          withLead
          showSection={false}
          empty={`No stories in ${section} yet.`}
        />
      )}
    </>
  );
}
