// Protects keyboard reading of a list that changes under it, in real Chromium (which drops focus to
// the page when the focused link is removed or moved): a first sync replacing the built-in stories, or
// stories reordered, must leave focus on the same story, or on the story now at its place.
import { signal } from '@preact/signals';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src/storage/articles-repo';
import { type AppModels, ModelsContext } from '../../src/ui/app-context';
import { ArticleList } from '../../src/ui/components/ArticleList';

const story = (id: string, i: number) =>
  ({ id, guid: id, sourceId: 'src', url: `https://example.com/${id}`, title: `Story ${id}`, section: 'World', excerpt: 'x', publishedAt: Date.UTC(2025, 0, 1) - i * 60_000, fetchedAt: 0, wordCount: 300, cjkCount: 0, imageCount: 0 }) as unknown as ArticleSummary;
const list = (ids: string[]) => ids.map(story);

const models = { settings: { speed: signal({}) }, library: { saved: signal<ReadonlySet<string>>(new Set()) } } as unknown as AppModels;
let host: HTMLElement;

function show(ids: string[]) {
  render(
    <ModelsContext.Provider value={models}>
      <button type="button">Elsewhere</button>
      <ArticleList articles={list(ids)} context={{ kind: 'home' }} read={new Set()} empty="None" withLead />
    </ModelsContext.Provider>,
    host,
  );
}

const link = (id: string) => host.querySelector<HTMLAnchorElement>(`[data-article-id="${id}"] .card__title a`)!;
const focusedStory = () => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-article-id]')?.dataset.articleId ?? null;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});

afterEach(() => {
  render(null, host);
  host.remove();
});

describe('a story list redrawn under keyboard focus', () => {
  it('keeps focus on the same story when the stories are reordered (Preact moves the others around it; this must stay so)', () => {
    show(['a', 'b', 'c', 'd', 'e']);
    link('c').focus();
    show(['e', 'd', 'c', 'b', 'a']);
    expect(focusedStory()).toBe('c');
    show(['c', 'a', 'b', 'd', 'e']);
    expect(focusedStory()).toBe('c');
  });

  it('moves focus to the story at its place when every story is replaced', () => {
    show(['a', 'b', 'c', 'd', 'e']);
    link('c').focus();
    show(['v', 'w', 'x', 'y', 'z']);
    expect(focusedStory()).toBe('x');
    show(['p', 'q']);
    expect(focusedStory()).toBe('q');
  });

  it('hands focus to the list\'s message when its last story leaves', () => {
    show(['a', 'b']);
    link('b').focus();
    show([]);
    expect(document.activeElement?.textContent).toBe('None');
    // And on to the first story when stories come back under it.
    show(['c', 'd']);
    expect(focusedStory()).toBe('c');
  });

  it('leaves focus alone when the reader is elsewhere', () => {
    show(['a', 'b', 'c']);
    const button = host.querySelector('button')!;
    button.focus();
    show(['x', 'y', 'z']);
    expect(document.activeElement).toBe(button);
  });
});
