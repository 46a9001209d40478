// Home: the latest stories, then the newest few of each section.
import { useLayoutEffect } from 'preact/hooks';
import { useModels } from '../app-context';
import { ArticleList } from '../components/ArticleList';
import { ListTools } from '../components/ListTools';
import { StoryRail } from '../components/StoryRail';
import { HOME_CONTEXT, sectionContext } from '../models/list-context';
import { usePageTitle } from '../use-page-title';
import { usePastFirstFrame } from '../use-first-frame';

const TOP = 12;
const PER_SECTION = 3;

/** The home page. */
export default function Home() {
  const { library } = useModels();
  const latest = library.latest.value;
  usePageTitle(null);
  const pastFirstFrame = usePastFirstFrame();
  useLayoutEffect(() => {
    // The benchmark's "list visible" moment (npm run bench): the first list this page load puts in
    // the document, before it is painted (its blank-page baseline is marked the same way; LCP
    // reports the paint itself).
    if (latest?.length && performance.getEntriesByName('list-visible').length === 0) performance.mark('list-visible');
  }, [latest !== null && latest.length > 0]);

  if (latest === null) return <p class="loading">Loading your stories…</p>;
  const read = library.read.value;
  const sections = library.sections.value;
  const unreadOnly = library.unreadOnly.value;
  const visible = unreadOnly ? latest.filter((a) => !read.has(a.id)) : latest;
  return (
    <>
      <StoryRail
        id="continue-reading"
        title="Continue reading"
        context={HOME_CONTEXT}
        items={library.continueReading.value.map((a) => ({ article: a }))}
      />
      <h1 class="page-title">Latest</h1>
      <ListTools unread={library.unreadTotal.value} />
      <ArticleList
        articles={visible.slice(0, TOP)}
        context={HOME_CONTEXT}
        read={read}
        withLead={!unreadOnly}
        // Sync progress is read only when the list is empty: read always, every progress step would redraw home.
        empty={visible.length > 0 ? '' : unreadOnly ? 'You are all caught up.' : library.progress.value ? 'Fetching stories…' : 'No stories yet. Use Refresh to sync your sources.'}
      />
      {pastFirstFrame && sections.map(({ name, count }) => {
        const items = visible.filter((a) => a.section === name).slice(0, PER_SECTION);
        if (items.length === 0) return null;
        const id = `section-${name.replace(/\W+/g, '-').toLowerCase()}`;
        return (
          <section class="home-section" key={name} aria-labelledby={id}>
            <h2 id={id}>
              <a href={`/section/${encodeURIComponent(name)}`}>{name}</a> <span class="count">{count}</span>
            </h2>
            <ArticleList articles={items} context={sectionContext(name)} read={read} showSection={false} level={3} empty="" />
          </section>
        );
      })}
    </>
  );
}
