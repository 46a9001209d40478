// A story list redrawn under the reader's keyboard focus (a sync replacing its stories, a story
// leaving it, stories reordered) can remove or move the focused headline link, and the browser then
// drops focus to the page: the next j would start again from the top. This puts it back.
import { type RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

const LINKS = '.card__title a';

function storyOf(element: Element): string | null {
  return element.closest<HTMLElement>('[data-article-id]')?.dataset.articleId ?? null;
}

/**
 * Call during render of the component that owns `list`: notes which story's link has focus before
 * the redraw, and after it, if focus fell to the page, focuses that story's link again, or the link
 * now at its place when the story is gone, or the element `list` now holds (an empty list's message)
 * when no story is left and it can take focus.
 */
export function useKeepFocus(list: RefObject<HTMLElement | null>): void {
  const active = document.activeElement;
  const holder = list.current;
  const before =
    holder && active === holder
      ? { story: null, index: 0 } // the empty list's message: the first story to arrive takes focus
      : holder && active instanceof HTMLAnchorElement && holder.contains(active) && active.matches(LINKS)
        ? { story: storyOf(active), index: [...holder.querySelectorAll(LINKS)].indexOf(active) }
        : null;
  useLayoutEffect(() => {
    const now = list.current;
    if (!before || !now || before.index < 0) return;
    // Focus still somewhere (the same link, or the reader moved on): leave it.
    if (document.activeElement && document.activeElement !== document.body) return;
    const links = [...now.querySelectorAll<HTMLAnchorElement>(LINKS)];
    // No story left (the last one marked read under "Unread only"): the list's own message, when it takes focus.
    const target =
      links.find((a) => storyOf(a) === before.story) ?? links[Math.min(before.index, links.length - 1)] ?? (now.hasAttribute('tabindex') ? now : undefined);
    target?.focus({ preventScroll: true });
    // The story at that place may be off screen (a list that changed a lot): bring it into view,
    // as j would, so that focus is never out of sight.
    target?.scrollIntoView({ block: 'nearest' });
  });
}
