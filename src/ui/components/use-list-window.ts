// Keeps a long story list windowed: only the blocks near the viewport (and the focused story's) are drawn,
// measured spacers stand in for the rest, and what the reader is looking at holds still when blocks swap.
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import { bandBlocks, blockCount, blockOf, blockStart, layoutSegments, type Segment } from './list-window';

// Three blocks are 144 cards: enough to cover any screen plus a screenful of margin either side.
const MAX_BAND_BLOCKS = 3;
// Only for blocks never drawn at the current width, until the first block has been measured.
const FALLBACK_CARD_HEIGHT = 180;
// Re-planning after a render converges in a few passes; this stops a layout that never settles (it should not).
const MAX_REPLANS = 8;

interface Measured {
  height: number;
  cards: number;
}

/** What the list component draws: a ref for its <ol> and the segments to render. */
export interface ListWindow {
  ref: (el: HTMLOListElement | null) => void;
  segments: Segment[];
}

/** Windows a list of `count` cards; `resetKey` changing means a different list (forget its measurements). */
export function useListWindow(count: number, lead: boolean, resetKey: string): ListWindow {
  const [list, setList] = useState<HTMLOListElement | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const s = useRef({
    key: resetKey,
    band: [0, 0] as [number, number],
    focused: -1,
    measured: new Map<number, Measured>(),
    width: 0,
    drawn: new Set<number>(),
    anchor: null as { el: Element; top: number } | null,
    replans: 0,
    frame: 0,
  }).current;
  if (s.key !== resetKey) {
    Object.assign(s, { key: resetKey, band: [0, 0], focused: -1, width: 0, anchor: null });
    s.measured.clear();
  }

  const n = blockCount(count, lead);
  const cardsIn = (b: number) => Math.min(count, blockStart(b + 1, lead)) - blockStart(b, lead);
  const heights = (): number[] => {
    let h = 0;
    let c = 0;
    for (const m of s.measured.values()) (h += m.height), (c += m.cards);
    const perCard = c > 0 ? h / c : FALLBACK_CARD_HEIGHT;
    return Array.from({ length: n }, (_, b) => {
      const m = s.measured.get(b);
      // A block that grew since it was measured (the last one, as pages load) gets an estimate instead.
      return m && m.cards === cardsIn(b) ? m.height : cardsIn(b) * perCard;
    });
  };

  // Blocks of the focused story and of the stories either side of it.
  const neighbours = (index: number): number[] =>
    index < 0 || index >= count ? [] : [index - 1, index, index + 1].filter((i) => i >= 0 && i < count).map((i) => blockOf(i, lead));

  // Remembers the first card on screen, so the render that swaps blocks or resizes spacers can put it back.
  const holdAnchor = () => {
    s.anchor = null;
    if (!list) return;
    for (const li of list.children) {
      if (!(li instanceof HTMLElement) || li.dataset.index === undefined) continue;
      const r = li.getBoundingClientRect();
      if (r.bottom > 0) return void (s.anchor = { el: li, top: r.top });
    }
  };

  // Chromium and Firefox anchor scrolling themselves (then this finds nothing to do); Safari does not.
  const restoreAnchor = () => {
    const a = s.anchor;
    s.anchor = null;
    if (!a || !a.el.isConnected) return;
    const moved = a.el.getBoundingClientRect().top - a.top;
    // 'instant': a correction must never animate, whatever scroll-behavior says.
    if (Math.abs(moved) >= 0.5) window.scrollBy({ top: moved, behavior: 'instant' });
  };

  // Records the height of each drawn block; returns true when spacers must be redrawn (the width changed).
  const measure = (): boolean => {
    if (!list) return false;
    let stale = false;
    if (list.clientWidth !== s.width) {
      // Heights measured at another width are wrong now: undrawn blocks go back to estimates.
      s.width = list.clientWidth;
      for (const b of s.measured.keys()) stale ||= !s.drawn.has(b);
      s.measured.clear();
    }
    const spans = new Map<number, [number, number, number]>();
    for (const li of list.children) {
      if (!(li instanceof HTMLElement) || li.dataset.block === undefined) continue;
      const b = Number(li.dataset.block);
      const r = li.getBoundingClientRect();
      const span = spans.get(b);
      if (span) (span[0] = Math.min(span[0], r.top)), (span[1] = Math.max(span[1], r.bottom)), span[2]++;
      else spans.set(b, [r.top, r.bottom, 1]);
    }
    for (const [b, [top, bottom, cards]] of spans) s.measured.set(b, { height: bottom - top, cards });
    return stale;
  };

  // Picks the blocks a screenful either side of the viewport; redraws only when that set changes.
  const plan = () => {
    if (!list) return;
    const top = list.getBoundingClientRect().top;
    const margin = window.innerHeight;
    const band = bandBlocks(heights(), -top - margin, -top + window.innerHeight + margin, MAX_BAND_BLOCKS);
    if (band[0] === s.band[0] && band[1] === s.band[1]) return;
    s.band = band;
    rerender(0);
  };

  useLayoutEffect(() => {
    restoreAnchor();
    if (measure()) rerender(0);
    if (s.replans++ < MAX_REPLANS) plan();
    s.frame ||= requestAnimationFrame(() => (s.frame = s.replans = 0));
  });

  useEffect(() => {
    if (!list) return;
    // Fonts, a new width (a phone turned) or a lead image change drawn heights: measure again.
    // Next frame, not inside the observer: redrawing there would resize the list again in the same frame.
    let frame = 0;
    const ro = new ResizeObserver(() => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        if (measure()) rerender(0);
        plan();
      });
    });
    // Focus keeps its story's block and both neighbours drawn, so j/k and Tab always find the next story.
    const onFocus = (e: FocusEvent) => {
      const li = (e.target as Element).closest('li[data-index]');
      s.focused = li instanceof HTMLElement ? Number(li.dataset.index) : -1;
      if (neighbours(s.focused).some((b) => !s.drawn.has(b))) rerender(0);
    };
    const onBlur = () =>
      setTimeout(() => {
        // A blurred window keeps its activeElement: only forget focus that really left the list.
        if (!list.contains(document.activeElement)) s.focused = -1;
      });
    ro.observe(list);
    window.addEventListener('scroll', plan, { passive: true });
    window.addEventListener('resize', plan);
    list.addEventListener('focusin', onFocus);
    list.addEventListener('focusout', onBlur);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', plan);
      window.removeEventListener('resize', plan);
      list.removeEventListener('focusin', onFocus);
      list.removeEventListener('focusout', onBlur);
    };
  }, [list, count, lead, resetKey]);

  // Read during render, before the DOM changes: where the reader sees that card now.
  holdAnchor();
  const drawn = new Set<number>(neighbours(s.focused));
  for (let b = Math.max(0, s.band[0]); b <= Math.min(n - 1, s.band[1]); b++) drawn.add(b);
  if (drawn.size === 0 && n > 0) drawn.add(Math.min(n - 1, s.band[0]));
  s.drawn = drawn;
  return { ref: setList, segments: layoutSegments(count, lead, heights(), drawn) };
}
