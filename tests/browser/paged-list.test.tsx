// Protects reading a long section (issue 5: 10,000 stories stay smooth) in real Chromium: the story list
// keeps only a few blocks of cards in the DOM however far the reader scrolls, every story can still be
// reached, what is on screen never jumps when blocks are swapped for spacers (even without the browser's
// own scroll anchoring, as in Safari), and j/k walk story by story across blocks without losing focus.
import { signal } from '@preact/signals';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ArticleSummary } from '../../src/storage/articles-repo';
import { type AppModels, ModelsContext } from '../../src/ui/app-context';
import { PagedList } from '../../src/ui/components/PagedList';
import { installShortcuts } from '../../src/ui/shortcuts';
import '../../src/ui/styles.css';

const TOTAL = 3000;
// Three blocks of 48 plus the lead: the most the list may draw while nothing is focused.
const MAX_CARDS = 3 * 48 + 1;
const WORDS = 'the council met again on tuesday to weigh the harbour plan and its cost to the town '.repeat(4).split(' ');

// Story i is "Story i"; excerpt lengths vary by stretches of ~40 stories, so blocks differ in height
// and a spacer drawn at an average height would be visibly wrong.
const stories: ArticleSummary[] = Array.from({ length: TOTAL }, (_, i) => ({
  id: `s${i + 1}`,
  guid: `g${i + 1}`,
  sourceId: 'src',
  url: `https://example.com/${i + 1}`,
  title: `Story ${i + 1}`,
  section: 'World',
  excerpt: WORDS.slice(0, 6 + ((Math.floor(i / 40) * 7) % 4) * 18).join(' '),
  publishedAt: Date.UTC(2025, 0, 1) - i * 60_000,
  fetchedAt: Date.UTC(2025, 0, 1),
  wordCount: 400,
  cjkCount: 0,
  imageCount: 0,
}) as unknown as ArticleSummary);

const models = { settings: { speed: signal({}) }, library: { saved: signal<ReadonlySet<string>>(new Set()) } } as unknown as AppModels;
let host: HTMLElement;
let loads = 0;

const load = async (offset: number, limit: number) => {
  loads++;
  await new Promise((r) => setTimeout(r));
  return stories.slice(offset, offset + limit);
};

function mount() {
  render(
    <ModelsContext.Provider value={models}>
      <PagedList load={load} resetKey="world" context={{ kind: 'section', section: 'World' }} read={new Set()} empty="None" withLead showSection={false} />
    </ModelsContext.Provider>,
    host,
  );
}

const frames = (n = 3) => new Promise<void>((resolve) => {
  const step = (k: number) => (k === 0 ? resolve() : requestAnimationFrame(() => step(k - 1)));
  step(n);
});
const cardCount = () => document.querySelectorAll('[data-testid="story-list"] .card').length;
const cardTop = (id: string) => document.querySelector(`[data-article-id="${id}"]`)?.getBoundingClientRect().top;
const loadedAll = () => document.querySelector('[data-testid="story-list"] li[aria-setsize]')?.getAttribute('aria-setsize') === String(TOTAL);
const firstDrawn = () => document.querySelector('[data-testid="story-list"] li[data-index]')?.getAttribute('aria-posinset');

// The first card whose top edge is on screen: what the reader's eye rests on.
function topCard(): { id: string; top: number } {
  for (const li of document.querySelectorAll<HTMLElement>('[data-testid="story-list"] li[data-index]')) {
    const top = li.getBoundingClientRect().top;
    if (top >= 0) return { id: li.querySelector<HTMLElement>('.card')!.dataset.articleId!, top };
  }
  throw new Error('no card on screen');
}

// Scrolls to the end until `pages` pages have loaded (the fake store answers at once).
async function loadPages(pages: number) {
  while (loads < pages && !loadedAll()) {
    window.scrollTo(0, document.documentElement.scrollHeight);
    await frames();
  }
}

// Scrolls by `step` px at a time until it has seen `swaps` block swaps (or reached an end), asserting
// at each step that the card on top moved by exactly the distance scrolled and, if `exact`, that the page
// did not correct its own scroll position (spacers were the true height of what they replaced).
async function walk(step: number, swaps: number, exact: boolean): Promise<number> {
  let seen = 0;
  while (seen < swaps) {
    const y = window.scrollY;
    if (step < 0 ? y < -step : y + innerHeight + step > document.documentElement.scrollHeight) break;
    const before = topCard();
    const drawn = firstDrawn();
    window.scrollBy(0, step);
    await frames();
    // Within a pixel: scroll offsets snap to whole pixels, spacer heights do not.
    if (exact) expect(Math.abs(window.scrollY - y - step), `scroll position near ${y}`).toBeLessThanOrEqual(1);
    expect(Math.abs(cardTop(before.id)! - (before.top - step)), `${before.id} after scrolling ${step} from ${y}`).toBeLessThanOrEqual(1);
    if (firstDrawn() !== drawn) seen++;
  }
  return seen;
}

beforeEach(async () => {
  await page.viewport(1280, 800);
  loads = 0;
  host = document.createElement('main');
  document.body.append(host);
  window.scrollTo(0, 0);
});

afterEach(() => {
  render(null, host);
  host.remove();
  document.documentElement.style.overflowAnchor = '';
  window.scrollTo(0, 0);
});

describe('PagedList over 3,000 stories', () => {
  it('keeps the DOM to a few blocks while every story stays reachable, down to the end and back', async () => {
    mount();
    await expect.poll(cardCount).toBeGreaterThan(0);
    let most = 0;
    // Down a page at a time to the end: "More stories" (or the observer, if it is quicker) brings the next
    // page in and the reader scrolls to the new end; one frame a page keeps this quick.
    for (let i = 0; i < 400 && !(loadedAll() && window.scrollY + innerHeight >= document.documentElement.scrollHeight - 1); i++) {
      document.querySelector<HTMLButtonElement>('.list-end button')?.click();
      await new Promise((r) => setTimeout(r));
      window.scrollTo(0, document.documentElement.scrollHeight);
      await frames(1);
      most = Math.max(most, cardCount());
    }
    expect(loadedAll()).toBe(true);
    await frames();
    const last = document.querySelector<HTMLElement>(`[data-article-id="s${TOTAL}"]`);
    expect(last?.querySelector('.card__title')?.textContent).toBe(`Story ${TOTAL}`);
    expect(last!.getBoundingClientRect().bottom).toBeLessThanOrEqual(innerHeight);
    expect(last!.closest('li')!.getAttribute('aria-posinset')).toBe(String(TOTAL));

    // Long jumps land in spacers: the blocks there must come back from their measured heights.
    while (window.scrollY > 0) {
      window.scrollBy(0, -12_000);
      await frames(2);
      most = Math.max(most, cardCount());
    }
    await frames();
    expect(most).toBeGreaterThan(48);
    expect(most).toBeLessThanOrEqual(MAX_CARDS);
    expect(cardTop('s1')).toBeGreaterThanOrEqual(0);
    expect(document.querySelectorAll('[data-testid="story-list"]')).toHaveLength(1);
  });

  it.each([
    ['three columns', 1280, 800],
    ['one column (phone)', 414, 896],
  ])('holds what is on screen still when blocks are swapped for spacers and back: %s', async (_, width, height) => {
    await page.viewport(width, height);
    mount();
    await loadPages(6);
    window.scrollTo(0, 0);
    await frames();
    // Steps shorter than the margin keep the top card drawn, so every swap is checked against it.
    expect(await walk(600, 3, true)).toBe(3);
    expect(await walk(-600, 3, true)).toBe(3);
  });

  it('holds what is on screen still without native scroll anchoring, after the width changed', async () => {
    // Safari has no scroll anchoring: the list must keep the top card still by itself.
    document.documentElement.style.overflowAnchor = 'none';
    mount();
    await loadPages(12);
    window.scrollTo(0, 16_000);
    await frames();
    // Two columns instead of three: every block not drawn now has a guessed height.
    await page.viewport(900, 800);
    await frames();
    expect(await walk(-600, 3, false)).toBe(3);
  });

  it('j walks story by story across blocks, focus follows, and a focused story is never unrendered', async () => {
    const uninstall = installShortcuts(() => {});
    try {
      mount();
      await loadPages(4);
      window.scrollTo(0, 0);
      await frames();
      // Blocks start at stories 1, 50 and 98: 100 steps cross two boundaries.
      await userEvent.keyboard('j'.repeat(100));
      await frames();
      const active = document.activeElement as HTMLElement;
      expect(active.textContent).toBe('Story 100');
      const box = active.getBoundingClientRect();
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(innerHeight);

      // Scroll far away: the focused story's block stays drawn, so focus is not dropped to <body>.
      window.scrollTo(0, 0);
      await frames();
      window.scrollTo(0, document.documentElement.scrollHeight);
      await frames();
      expect(document.activeElement).toBe(active);
      expect(active.isConnected).toBe(true);
      expect(cardCount()).toBeLessThanOrEqual(MAX_CARDS + 2 * 48);
      await userEvent.keyboard('kk');
      expect((document.activeElement as HTMLElement).textContent).toBe('Story 98');
    } finally {
      uninstall();
    }
  });
});
