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
  const tick = () => {
    const now = performance.now();
    if (document.visibilityState === 'visible' && now - lastInput.current < IDLE_MS) total.current += now - last.current;
    last.current = now;
  };
  useEffect(() => {
    total.current = 0;
    last.current = lastInput.current = performance.now();
    const onInput = () => {
      tick();
      lastInput.current = performance.now();
    };
    const events = ['scroll', 'keydown', 'pointerdown', 'visibilitychange'] as const;
    for (const e of events) window.addEventListener(e, onInput, { passive: true });
    const timer = setInterval(tick, 5_000);
    return () => {
      for (const e of events) window.removeEventListener(e, onInput);
      clearInterval(timer);
    };
  }, [key]);
  return () => {
    tick();
    return total.current;
  };
}
