// Protects home from redrawing what has not changed: a sync's progress steps, new section counts or
// one story marked read must not draw every card again (on a first visit those redraws were the
// main thread's longest tasks after the first paint).
import { signal, computed } from '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleSummary } from '../../../../src/storage/articles-repo';
import type { SyncProgress } from '../../../../src/sync/sync-all';
import { ModelsContext, type AppModels } from '../../../../src/ui/app-context';

// Every card drawn, by story id.
const drawn: string[] = [];
vi.mock('../../../../src/ui/components/ArticleCard', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../src/ui/components/ArticleCard')>();
  return {
    ArticleCard: (props: Parameters<typeof real.ArticleCard>[0]) => {
      drawn.push(props.article.id);
      return real.ArticleCard(props);
    },
  };
});

const { default: Home } = await import('../../../../src/ui/routes/Home');

function summary(id: string, section: string, publishedAt: number): ArticleSummary {
  return {
    id, sourceId: 's', guid: id, url: `https://news.example/${id}`, title: `Story ${id}`, dek: '', author: null, sections: [section],
    section, publishedAt, updatedAt: null, fetchedAt: 1, baseUrl: 'https://news.example/', imageUrl: null, language: 'en',
    excerpt: `About ${id}.`, wordCount: 300, cjkCount: 0, imageCount: 0,
  };
}

function fakeModels() {
  const latest = signal<ArticleSummary[] | null>([summary('a', 'World', 3), summary('b', 'Sport', 2), summary('c', 'World', 1)]);
  const sections = signal([{ name: 'World', count: 2, unread: 2 }, { name: 'Sport', count: 1, unread: 1 }]);
  const library = {
    latest,
    sections,
    continueReading: signal<ArticleSummary[]>([]),
    unreadOnly: signal(false),
    unreadTotal: computed(() => sections.value.reduce((n, s) => n + s.unread, 0)),
    read: signal<ReadonlySet<string>>(new Set()),
    saved: signal<ReadonlySet<string>>(new Set()),
    progress: signal<SyncProgress | null>(null),
  };
  const settings = { speed: signal({}) };
  return { library, models: { library, settings } as unknown as AppModels };
}

let root: HTMLElement;
beforeEach(() => {
  drawn.length = 0;
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('home redraws', () => {
  it('draws each card once, then not again while a sync reports progress', async () => {
    const { library, models } = fakeModels();
    await act(() => render(<ModelsContext.Provider value={models}><Home /></ModelsContext.Provider>, root));
    // Three in "Latest", then two under World and one under Sport.
    expect(drawn.sort()).toEqual(['a', 'a', 'b', 'b', 'c', 'c']);
    drawn.length = 0;
    await act(() => {
      library.progress.value = { done: 1, total: 3, added: 12, current: 'Sample edition' };
    });
    await act(() => {
      library.progress.value = null;
    });
    expect(drawn).toEqual([]);
    expect(root.querySelectorAll('article.card')).toHaveLength(6);
  });

  it('redraws no card when only the section counts change', async () => {
    const { library, models } = fakeModels();
    await act(() => render(<ModelsContext.Provider value={models}><Home /></ModelsContext.Provider>, root));
    drawn.length = 0;
    await act(() => {
      library.sections.value = [{ name: 'World', count: 5, unread: 4 }, { name: 'Sport', count: 1, unread: 1 }];
    });
    expect(drawn).toEqual([]);
    expect(root.querySelector('.home-section .count')?.textContent).toBe('5');
  });

  it('redraws only the card of a story marked read', async () => {
    const { library, models } = fakeModels();
    await act(() => render(<ModelsContext.Provider value={models}><Home /></ModelsContext.Provider>, root));
    drawn.length = 0;
    await act(() => {
      library.read.value = new Set(['b']);
    });
    // "b" is listed twice: under Latest and under Sport.
    expect(drawn).toEqual(['b', 'b']);
    expect(root.querySelectorAll('article.card--read')).toHaveLength(2);
  });

  it('redraws only the cards of a story saved, and shows it saved', async () => {
    const { library, models } = fakeModels();
    await act(() => render(<ModelsContext.Provider value={models}><Home /></ModelsContext.Provider>, root));
    drawn.length = 0;
    await act(() => {
      library.saved.value = new Set(['c']);
    });
    // "c" is listed twice: under Latest and under World.
    expect(drawn).toEqual(['c', 'c']);
    expect([...root.querySelectorAll('[data-article-id="c"] .badge')].map((b) => b.textContent)).toEqual(['Saved', 'Saved']);
  });

  it('still says why the list is empty, sync progress included', async () => {
    const { library, models } = fakeModels();
    library.latest.value = [];
    await act(() => render(<ModelsContext.Provider value={models}><Home /></ModelsContext.Provider>, root));
    expect(root.textContent).toContain('No stories yet');
    await act(() => {
      library.progress.value = { done: 0, total: 1, added: 0, current: 'Sample edition' };
    });
    expect(root.textContent).toContain('Fetching stories…');
  });
});
