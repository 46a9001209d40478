// Back and Forward (history traversals) within the app. A screen drawn from asynchronous data (an
// article, search results) is not there yet when the browser restores the scroll position, so it
// restores its own place when the reader came back to it.

/** A traversal's screen opens within this long, or it is treated as a fresh visit. */
const TRAVERSAL_WINDOW_MS = 3_000;

let popped: { href: string; at: number; scrollY: number | undefined } | null = null;
// Where each screen (by URL) was last scrolled to, in this tab's life.
const scrollByHref = new Map<string, number>();
let installed = false;

/** Starts watching traversals and scroll positions (once, at start-up). */
export function watchHistory(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  // Read before anything scrolls: the browser's own restoring, on the old screen, fires scroll events.
  window.addEventListener('popstate', () => (popped = { href: location.href, at: performance.now(), scrollY: scrollByHref.get(location.href) }));
  let frame = 0;
  window.addEventListener(
    'scroll',
    () => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        scrollByHref.set(location.href, window.scrollY);
      });
    },
    { passive: true },
  );
}

/** True when the current screen was reached by Back or Forward a moment ago. */
export function cameBack(): boolean {
  return popped !== null && popped.href === location.href && performance.now() - popped.at < TRAVERSAL_WINDOW_MS;
}

/** Where the reader had scrolled the screen they came back to when they left it; undefined unless cameBack(). */
export function scrollLeftAt(): number | undefined {
  return cameBack() ? popped!.scrollY : undefined;
}
