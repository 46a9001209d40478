// Previous story / Next story within the list the reader came from.
import type { ArticleSummary } from '../../storage/articles-repo';
import { articleHref, listLabel, type ListContext } from '../models/list-context';

/** Props of the story pager. */
export interface StoryNavProps {
  prev: ArticleSummary | null;
  next: ArticleSummary | null;
  context: ListContext;
}

/** Links to the neighbouring stories, keeping the list context so paging can continue. */
export function StoryNav({ prev, next, context }: StoryNavProps) {
  if (!prev && !next) return null;
  return (
    <nav class="story-nav" aria-label={`More from ${listLabel(context)}`} data-testid="story-nav">
      {prev ? (
        <a class="story-nav__prev" href={articleHref(prev.id, context)} rel="prev">
          <span class="story-nav__label">Previous story</span>
          <span class="story-nav__title" dir="auto">{prev.title}</span>
        </a>
      ) : (
        <span />
      )}
      {next && (
        <a class="story-nav__next" href={articleHref(next.id, context)} rel="next">
          <span class="story-nav__label">Next story</span>
          <span class="story-nav__title" dir="auto">{next.title}</span>
        </a>
      )}
    </nav>
  );
}
