// "M min left" while reading, and a signal when the reader reaches the end of the body.
import type { ComponentChildren } from 'preact';
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';

/** Props of the reading-progress wrapper. */
export interface ReadingProgressProps {
  totalSeconds: number;
  onFinished: () => void;
  children: ComponentChildren;
}

/** Wraps the body; shows the share read so far and the minutes left, from the body's position on screen. */
export function ReadingProgress({ totalSeconds, onFinished, children }: ReadingProgressProps) {
  const ref = useRef<HTMLDivElement>(null);
  const fraction = useSignal(0);
  const finished = useRef(false);
  useEffect(() => {
    finished.current = false;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const el = ref.current;
      if (!el) return;
      const rect = el.getBoundingClientRect();
      // Read up to the bottom of the viewport: what is on screen counts as read.
      const seen = Math.min(Math.max(window.innerHeight - rect.top, 0), rect.height);
      const f = rect.height > 0 ? seen / rect.height : 1;
      fraction.value = f;
      if (f >= 0.98 && !finished.current) {
        finished.current = true;
        onFinished();
      }
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(measure);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
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
