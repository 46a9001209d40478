// Saved stories: kept forever, newest save first.
import { useModels } from '../app-context';
import { LoadedList } from '../components/LoadedList';
import { SAVED_CONTEXT } from '../models/list-context';
import { usePageTitle } from '../use-page-title';

/** The saved-stories page. */
export default function Saved() {
  const { library } = useModels();
  usePageTitle('Saved');
  return (
    <>
      <h1 class="page-title">Saved</h1>
      <LoadedList
        load={library.savedArticles}
        deps={[library.saved.value]}
        context={SAVED_CONTEXT}
        read={library.read.value}
        empty="Nothing saved yet. Use Save on any story to keep it on this device for good."
      />
    </>
  );
}
