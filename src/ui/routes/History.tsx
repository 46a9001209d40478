// History: stories recently read, most recent first, under the time spent reading them.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useModels } from '../app-context';
import { LoadedList } from '../components/LoadedList';
import { formatDuration } from '../format';
import { HOME_CONTEXT } from '../models/list-context';
import { usePageTitle } from '../use-page-title';

/** The history page. */
export default function History() {
  const { library } = useModels();
  usePageTitle('History');
  const spentMs = useSignal<number | null>(null);
  useEffect(() => {
    let live = true;
    // Without the line the page still works: a failed read shows nothing rather than an error.
    library.readingTime().then(
      (ms) => live && (spentMs.value = ms),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [library.read.value]);
  return (
    <>
      <h1 class="page-title">History</h1>
      {/* No story count: it would count stories opened but not finished, or since removed, that the list below does not show. */}
      {spentMs.value !== null && spentMs.value >= 60_000 && (
        <p class="reading-time" data-testid="reading-time">
          You have spent {formatDuration(spentMs.value)} reading in Broadsheet.
        </p>
      )}
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
