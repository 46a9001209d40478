// Keyboard shortcuts: one listener for the app; pages add their own keys (the article page's s, m, j, k)
// on top of the global ones (/, ?) and the list ones (j, k, o, and s, m on the story j/k selected).
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/** Handlers by key. */
export type KeyMap = Partial<Record<string, () => void>>;

const stack: KeyMap[] = [];

/** True while the shortcuts help is open. */
export const helpOpen = signal(false);

/** Every shortcut, for the help dialog. */
export const SHORTCUTS: Array<[string, string]> = [
  ['j / k', 'Next / previous story'],
  ['o or Enter', 'Open the selected story'],
  ['s', 'Save or unsave the story'],
  ['m', 'Mark the story read or unread'],
  ['/', 'Search'],
  ['?', 'Show these shortcuts'],
];

/** What s and m do to the story selected in a list; they settle once the change is stored. */
export interface ListActions {
  toggleSaved(articleId: string): Promise<void> | void;
  toggleRead(articleId: string): Promise<void> | void;
}

/** Adds page-specific keys while the calling component is mounted. */
export function useShortcuts(map: KeyMap): void {
  useEffect(() => {
    stack.push(map);
    return () => {
      const i = stack.lastIndexOf(map);
      if (i >= 0) stack.splice(i, 1);
    };
  });
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

const storyLinks = () => [...document.querySelectorAll<HTMLAnchorElement>('[data-testid="story-list"] .card__title a')];
/** Frames to wait for a list to redraw after s or m (the change is stored first, then drawn). */
const REDRAW_FRAMES = 30;

// On lists, j/k move focus between story links, so Enter (or o) opens the chosen one.
function moveInList(step: 1 | -1): boolean {
  const links = storyLinks();
  if (links.length === 0) return false;
  const current = links.findIndex((a) => a === document.activeElement);
  const next = links[current === -1 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, current + step))];
  next?.focus();
  next?.scrollIntoView({ block: 'nearest' });
  return true;
}

// The story whose headline link has focus in a list (j/k put it there), by its card's article id.
function selectedStory(): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLAnchorElement) || !active.closest('[data-testid="story-list"]')) return null;
  return active.closest<HTMLElement>('[data-article-id]')?.dataset.articleId ?? null;
}

/**
 * A story that s or m takes out of its list (m under "Unread only", s on Saved) would take the
 * focus with it, and the next j would start again from the top: focus goes to the story that took
 * its place instead.
 */
async function keepPlace(selected: HTMLAnchorElement, action: Promise<void> | void): Promise<void> {
  const index = storyLinks().indexOf(selected);
  await action;
  for (let frame = 0; frame < REDRAW_FRAMES; frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (selected.isConnected) continue;
    // The reader moved on meanwhile: leave their focus alone.
    if (document.activeElement && document.activeElement !== document.body) return;
    const links = storyLinks();
    const next = links[Math.min(index, links.length - 1)];
    next?.focus({ preventScroll: true });
    next?.scrollIntoView({ block: 'nearest' });
    return;
  }
}

/** Installs the app's single keydown listener; `go` navigates within the app, `list` acts on a list's selected story. */
export function installShortcuts(go: (path: string) => void, list?: ListActions): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const key = event.key;
    if (helpOpen.value) return;
    const page = [...stack].reverse().find((m) => m[key]);
    let handled = true;
    if (page) page[key]!();
    else if (key === 'j') handled = moveInList(1);
    else if (key === 'k') handled = moveInList(-1);
    else if (key === 'o') {
      const active = document.activeElement;
      if (active instanceof HTMLAnchorElement && active.closest('[data-testid="story-list"]')) active.click();
      else handled = false;
    } else if ((key === 's' || key === 'm') && list) {
      const id = selectedStory();
      if (id) void keepPlace(document.activeElement as HTMLAnchorElement, (key === 's' ? list.toggleSaved : list.toggleRead)(id));
      else handled = false;
    } else if (key === '/') go('/search');
    else if (key === '?') helpOpen.value = true;
    else handled = false;
    if (handled) event.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
