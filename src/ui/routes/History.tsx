// History: stories recently read, most recent first.
import { useModels } from '../app-context';
import { LoadedList } from '../components/LoadedList';
import { HOME_CONTEXT } from '../models/list-context';
import { usePageTitle } from '../use-page-title';

/** The history page. */
export default function History() {
  const { library } = useModels();
  usePageTitle('History');
  return (
    <>
      <h1 class="page-title">History</h1>
      <LoadedList
        load={library.historyArticles}
        deps={[library.read.value]}
        context={HOME_CONTEXT}
        read={new Set()}
        empty="Stories you finish or mark read appear here."
      />
    </>
  );
}
