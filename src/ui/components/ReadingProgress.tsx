// "M min left" while reading, and a signal when the reader reaches the end of the body.
import type { ComponentChildren } from 'preact';
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { ReadingProgress as Anchor } from '../../storage/schema';
import { currentAnchor, scrollToAnchor } from '../reading-anchor';

/** Props of the reading-progress wrapper. */
export interface ReadingProgressProps {
  totalSeconds: number;
  onFinished: () => void;
  /** Where the reader stopped last time (restored once the body is in place), or null. */
  initialAnchor: Anchor | null;
  /** Called (debounced) with the reader's current position. */
  onAnchor: (anchor: Anchor) => void;
  children: ComponentChildren;
}

/** Wraps the body; shows the share read so far and the minutes left, from the body's position on screen. */
export function ReadingProgress({ totalSeconds, onFinished, initialAnchor, onAnchor, children }: ReadingProgressProps) {
  const ref = useRef<HTMLDivElement>(null);
  const fraction = useSignal(0);
  const finished = useRef(false);
  useEffect(() => {
    finished.current = false;
    let frame = 0;
    let saveTimer = 0;
    let pending: Anchor | null = null;
    const flush = () => {
      window.clearTimeout(saveTimer);
      if (pending) onAnchor(pending);
      pending = null;
    };
    // Restore the position, and hold it while late layout (images, banners) settles above it,
    // until the reader scrolls by hand or two seconds pass.
    let settle: ResizeObserver | null = null;
    const stopSettling = () => {
      settle?.disconnect();
      settle = null;
    };
    if (initialAnchor && ref.current) {
      const container = ref.current;
      scrollToAnchor(container, initialAnchor);
      if ('ResizeObserver' in window) {
        settle = new ResizeObserver(() => scrollToAnchor(container, initialAnchor));
        settle.observe(document.body);
        window.setTimeout(stopSettling, 2000);
        for (const e of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) window.addEventListener(e, stopSettling, { once: true, passive: true });
      }
    }
    const measure = () => {
      frame = 0;
      const el = ref.current;
      if (!el) return;
      const rect = el.getBoundingClientRect();
      // Read up to the bottom of the viewport: what is on screen counts as read.
      const seen = Math.min(Math.max(window.innerHeight - rect.top, 0), rect.height);
      const f = rect.height > 0 ? seen / rect.height : 1;
      fraction.value = f;
      // Only a reader who has started reading has a position worth keeping.
      const anchor = f > 0.02 ? currentAnchor(el) : null;
      if (anchor) {
        pending = anchor;
        window.clearTimeout(saveTimer);
        saveTimer = window.setTimeout(flush, 800);
      }
      if (f >= 0.98 && !finished.current) {
        finished.current = true;
        onFinished();
      }
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(measure);
    };
    // Leaving the page or the app must not lose the last position.
    const onHide = () => flush();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      stopSettling();
      flush();
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [totalSeconds]);

  const left = Math.ceil((totalSeconds * (1 - fraction.value)) / 60);
  const started = fraction.value > 0.02;
  return (
    <>
      <div class="progress" aria-hidden={!started}>
        <div class="progress__bar" style={{ transform: `scaleX(${fraction.value})` }} />
        {started && (
          <p class="progress__left" data-testid="time-left">
            {left > 0 ? `${left} min left` : 'Finished'}
          </p>
        )}
      </div>
      <div ref={ref}>{children}</div>
    </>
  );
}
