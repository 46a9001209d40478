// Reading position as an anchor paragraph and an offset into it, not a scroll percentage: it survives
// a different font size, line width or screen, and images loading above it.
import type { ReadingProgress } from '../storage/schema';

const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, figure, pre, table';

function blocks(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(BLOCKS)];
}

/** The paragraph at the top of the viewport and how far into it (0–1) the reader is. */
export function currentAnchor(container: HTMLElement, viewportTop = 0): ReadingProgress | null {
  const list = blocks(container);
  for (let i = 0; i < list.length; i++) {
    const rect = list[i]!.getBoundingClientRect();
    if (rect.bottom > viewportTop) {
      const offset = rect.height > 0 ? Math.min(1, Math.max(0, (viewportTop - rect.top) / rect.height)) : 0;
      return { paragraph: i, offset: Math.round(offset * 1000) / 1000 };
    }
  }
  return null;
}

/** Scrolls so the anchored paragraph is back at the top of the viewport; false when it no longer exists. */
export function scrollToAnchor(container: HTMLElement, anchor: ReadingProgress, viewportTop = 0): boolean {
  const block = blocks(container)[anchor.paragraph];
  if (!block) return false;
  const rect = block.getBoundingClientRect();
  window.scrollTo({ top: window.scrollY + rect.top + rect.height * anchor.offset - viewportTop, behavior: 'auto' });
  return true;
}
