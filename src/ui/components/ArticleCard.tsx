// One story in a list: section, headline, excerpt, date and read time.
import { useComputed } from '@preact/signals';
import type { ArticleSummary } from '../../storage/articles-repo';
import { useModels } from '../app-context';
import { formatDay, isoDate, readTimeLabel } from '../format';
import { articleHref, type ListContext } from '../models/list-context';

/** Props of a story card. */
export interface ArticleCardProps {
  article: ArticleSummary;
  context: ListContext;
  read?: boolean;
  /** The lead story gets its picture and a larger headline. */
  lead?: boolean;
  showSection?: boolean;
  /** Heading level of the card title, so the page outline has no gaps. */
  level?: 2 | 3;
}

/** A story card linking to the article page, remembering the list it was opened from. */
export function ArticleCard({ article, context, read, lead, showSection = true, level = 2 }: ArticleCardProps) {
  const Title = level === 2 ? 'h2' : 'h3';
  const { settings, library } = useModels();
  // Its own computed: a save redraws the one card it changes, not every card listening to the set.
  const saved = useComputed(() => library.saved.value.has(article.id)).value;
  return (
    <article class={`card${lead ? ' card--lead' : ''}${read ? ' card--read' : ''}`} data-article-id={article.id}>
      {lead && article.imageUrl && (
        <img class="card__image" src={article.imageUrl} alt="" loading="eager" referrerpolicy="no-referrer" width={800} height={450} />
      )}
      <div class="card__text">
        {showSection && <p class="kicker">{article.section}</p>}
        <Title class="card__title" dir="auto">
          <a href={articleHref(article.id, context)}>{article.title}</a>
        </Title>
        <p class="card__excerpt" dir="auto">{article.excerpt}</p>
        <p class="meta">
          <time dateTime={isoDate(article.publishedAt)}>{formatDay(article.publishedAt)}</time>
          <span aria-hidden="true"> · </span>
          <span>{readTimeLabel(article, settings.speed.value)}</span>
          {read && <span class="badge">Read</span>}
          {saved && <span class="badge">Saved</span>}
        </p>
      </div>
    </article>
  );
}
