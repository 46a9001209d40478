// Any unknown address: say so, and offer the way home.
import { usePageTitle } from '../use-page-title';

/** The not-found page. */
export default function NotFound() {
  usePageTitle('Not found');
  return (
    <>
      <h1 class="page-title">Page not found</h1>
      <p>
        There is nothing at this address. <a href="/">Back to the latest stories</a>.
      </p>
    </>
  );
}
