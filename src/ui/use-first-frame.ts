// The first frame of a fresh start needs only what is on screen. Home's sections sit below the fold
// and are over half of its elements, so on that one frame they wait until it has been painted.
import { useEffect, useState } from 'preact/hooks';

let asked = false;

/**
 * False while the page's very first screen is being drawn on a fresh start (until it is painted),
 * true afterwards and in every other case.
 */
export function usePastFirstFrame(): boolean {
  const [past, setPast] = useState(() => {
    if (asked) return true;
    asked = true;
    // Only during the page's load: a screen opened later (Back to home included) draws whole at once.
    if (document.readyState === 'complete') return true;
    // A reload or Back/Forward into the page draws whole too, so the browser can restore the reader's place.
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav?.type !== 'navigate';
  });
  // Preact runs effects after the frame that showed the first screen has been painted.
  useEffect(() => {
    if (!past) setPast(true);
  }, [past]);
  return past;
}
