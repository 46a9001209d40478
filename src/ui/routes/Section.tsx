// A section page: every stored story of one section, newest first, loaded page by page.
import { useModels } from '../app-context';
import { ListTools } from '../components/ListTools';
import { PagedList } from '../components/PagedList';
import { sectionContext } from '../models/list-context';
import { usePageTitle } from '../use-page-title';

/** The section page for the `name` route parameter. */
export default function Section({ name = '' }: { name?: string }) {
  const { library } = useModels();
  const section = decodeURIComponent(name);
  usePageTitle(section);
  const read = library.read.value;
  const unreadOnly = library.unreadOnly.value;
  const info = library.sections.value.find((s) => s.name === section);
  return (
    <>
      <h1 class="page-title">{section}</h1>
      <ListTools unread={info?.unread ?? 0} section={section} />
      <PagedList
        load={(offset, limit) => library.sectionArticles(section, offset, limit)}
        resetKey={`${section}|${library.revision.value}|${unreadOnly}`}
        context={sectionContext(section)}
        read={read}
        filter={unreadOnly ? (a) => !read.has(a.id) : undefined}
        withLead={!unreadOnly}
        showSection={false}
        empty={unreadOnly ? `You have read everything in ${section}.` : `No stories in ${section} yet.`}
      />
    </>
  );
}
