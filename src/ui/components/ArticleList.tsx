// A list of story cards, with a clear empty state.
import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';
import type { ArticleSummary } from '../../storage/articles-repo';
import type { ListContext } from '../models/list-context';
import { ArticleCard } from './ArticleCard';
import { useKeepFocus } from './use-keep-focus';

/** Props of a story list. */
export interface ArticleListProps {
  articles: ArticleSummary[];
  context: ListContext;
  read: ReadonlySet<string>;
  empty: string;
  withLead?: boolean;
  showSection?: boolean;
  /** Heading level of the card titles (3 under a section heading). */
  level?: 2 | 3;
}

/** Renders stories newest first; the first may be a lead story. */
export function ArticleList({ articles, context, read, empty, withLead, showSection, level }: ArticleListProps) {
  const list = useRef<HTMLElement>(null);
  useKeepFocus(list);
  if (articles.length === 0) {
    // The same ref: a list emptied under the reader's focus hands focus to this message (use-keep-focus.ts).
    return (
      <p class="empty" ref={list as RefObject<HTMLParagraphElement>} tabIndex={empty ? -1 : undefined}>
        {empty}
      </p>
    );
  }
  return (
    <ol class="story-list" data-testid="story-list" ref={list as RefObject<HTMLOListElement>}>
      {articles.map((a, i) => (
        <li key={a.id}>
          <ArticleCard article={a} context={context} read={read.has(a.id)} lead={withLead && i === 0} showSection={showSection} level={level} />
        </li>
      ))}
    </ol>
  );
}
