// /continue (the "Continue reading" app shortcut): opens the story the reader was last in the middle of.
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useModels } from '../app-context';
import { articleHref } from '../models/list-context';

/** Redirects to the most recent unfinished story, or home when there is none. */
export default function Continue() {
  const { library } = useModels();
  const { route } = useLocation();
  // Launched from the home-screen shortcut, home's remembered screen is there at once, but the story
  // to continue comes from storage: wait for its first read.
  const loaded = library.storageRead.value;
  const next = library.continueReading.value[0];
  useEffect(() => {
    if (loaded) route(next ? articleHref(next.id) : '/', true);
  }, [loaded, next?.id]);
  return <p class="loading">Finding your place…</p>;
}
