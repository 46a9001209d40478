// Above a story list: the unread filter with its count, and "Mark all read".
import { useModels } from '../app-context';

/** Props of the list tools. */
export interface ListToolsProps {
  unread: number;
  /** The section whose stories "Mark all read" covers; undefined for all stories. */
  section?: string;
}

/** Unread-only toggle and mark-all-read for the current list. */
export function ListTools({ unread, section }: ListToolsProps) {
  const { library } = useModels();
  const on = library.unreadOnly.value;
  return (
    <div class="list-tools">
      <button type="button" class="button button--quiet" aria-pressed={on} onClick={() => (library.unreadOnly.value = !on)} data-testid="unread-filter">
        Unread only ({unread})
      </button>
      <button
        type="button"
        class="button button--quiet"
        disabled={unread === 0}
        onClick={() => {
          if (confirm(`Mark ${unread} ${unread === 1 ? 'story' : 'stories'}${section ? ` in ${section}` : ''} as read?`)) void library.markAllRead(section);
        }}
      >
        Mark all read
      </button>
    </div>
  );
}
