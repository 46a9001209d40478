// Active reading time: counts only while the page is visible and the reader has been active
// recently, so a tab left open overnight does not teach us a reading speed of 3 words a minute.
import { useEffect, useRef } from 'preact/hooks';

/** No input for this long means the reader stepped away. */
const IDLE_MS = 90_000;

/** Returns a getter of the active milliseconds spent since `key` (the article) was opened. */
export function useActiveTime(key: string): () => number {
  const total = useRef(0);
  const last = useRef(0);
  const lastInput = useRef(0);
  const tick = (wasVisible = document.visibilityState === 'visible') => {
    const now = performance.now();
    if (wasVisible && now - lastInput.current < IDLE_MS) total.current += now - last.current;
    last.current = now;
  };
  useEffect(() => {
    total.current = 0;
    last.current = lastInput.current = performance.now();
    const onInput = () => {
      tick();
      lastInput.current = performance.now();
    };
    // Hidden: count up to now (it was visible until this moment). Shown again: the time away was not
    // reading, so counting restarts from now.
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') tick(true);
      else last.current = lastInput.current = performance.now();
    };
    const events = ['scroll', 'keydown', 'pointerdown'] as const;
    for (const e of events) window.addEventListener(e, onInput, { passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    const timer = setInterval(() => tick(), 5_000);
    return () => {
      for (const e of events) window.removeEventListener(e, onInput);
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(timer);
    };
  }, [key]);
  return () => {
    tick();
    return total.current;
  };
}
