// Keyboard shortcuts: one listener for the app; pages add their own keys (the article page's s, m, j, k)
// on top of the global ones (/, ?) and the list ones (j, k, o).
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

// On lists, j/k move focus between story links, so Enter (or o) opens the chosen one.
function moveInList(step: 1 | -1): boolean {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-testid="story-list"] .card__title a')];
  if (links.length === 0) return false;
  const current = links.findIndex((a) => a === document.activeElement);
  const next = links[current === -1 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, current + step))];
  next?.focus();
  next?.scrollIntoView({ block: 'nearest' });
  return true;
}

/** Installs the app's single keydown listener; `go` navigates within the app. */
export function installShortcuts(go: (path: string) => void): () => void {
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
    } else if (key === '/') go('/search');
    else if (key === '?') helpOpen.value = true;
    else handled = false;
    if (handled) event.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
