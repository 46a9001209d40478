// A titled list of linked stories with excerpts: "Latest from <section>", "Related", "Don't miss".
import type { ArticleSummary } from '../../storage/articles-repo';
import { useModels } from '../app-context';
import { formatDay, isoDate, readTimeLabel } from '../format';
import { articleHref, type ListContext } from '../models/list-context';

/** One entry of a rail, optionally with the other sources that covered it. */
export interface RailItem {
  article: ArticleSummary;
  note?: string;
}

/** Props of a story rail. */
export interface StoryRailProps {
  title: string;
  id: string;
  items: RailItem[];
  context: ListContext;
}

/** Renders nothing when there is nothing to show: an empty heading helps no one. */
export function StoryRail({ title, id, items, context }: StoryRailProps) {
  const { settings } = useModels();
  if (items.length === 0) return null;
  return (
    <section class="rail" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {items.map(({ article, note }) => (
          <li key={article.id}>
            <a href={articleHref(article.id, context)} dir="auto">
              {article.title}
            </a>
            <p class="rail__excerpt" dir="auto">{article.excerpt}</p>
            <p class="meta">
              <span>{article.section}</span>
              <span aria-hidden="true"> · </span>
              <time dateTime={isoDate(article.publishedAt)}>{formatDay(article.publishedAt)}</time>
              <span aria-hidden="true"> · </span>
              <span>{readTimeLabel(article, settings.speed.value)}</span>
              {note && <span class="rail__note"> · {note}</span>}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
