// The site header: title, section navigation, install and refresh.
import { useModels } from '../app-context';

/** The masthead shown on every page. */
export function Masthead() {
  const { library, install } = useModels();
  const syncing = library.progress.value !== null;
  return (
    <header class="masthead">
      <div class="masthead__top">
        <a class="masthead__title" href="/">Broadsheet</a>
        <div class="masthead__actions">
          {install.canInstall.value && (
            <button type="button" class="button" onClick={() => void install.install()}>
              Install
            </button>
          )}
          <button
            type="button"
            class="button button--quiet"
            onClick={() => void library.sync({ force: true })}
            disabled={syncing}
            aria-label={syncing ? 'Syncing' : 'Refresh: check for new stories'}
          >
            {syncing ? 'Syncing…' : 'Refresh'}
          </button>
        </div>
      </div>
      <nav class="sections-nav" aria-label="Sections">
        <ul>
          <li>
            <a href="/">Latest</a>
          </li>
          {library.sections.value.map((s) => (
            <li key={s.name}>
              <a href={`/section/${encodeURIComponent(s.name)}`}>
                {s.name}
                {s.unread > 0 && (
                  <span class="nav-count" aria-label={`${s.unread} unread`}>
                    {s.unread}
                  </span>
                )}
              </a>
            </li>
          ))}
          <li>
            <a href="/saved">Saved</a>
          </li>
          <li>
            <a href="/history">History</a>
          </li>
          <li>
            <a href="/search">Search</a>
          </li>
          <li>
            <a href="/save">Save a page</a>
          </li>
          <li>
            <a href="/sources">Sources</a>
          </li>
          <li>
            <a href="/settings">Settings</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
