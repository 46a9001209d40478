// Connection and sync status: the offline banner with "last synced", sync progress, and the last outcome.
import { useModels } from '../app-context';
import { timeAgo } from '../format';
import { dbLifecycle } from '../db-lifecycle';

/** A polite live region so screen readers hear status changes without losing their place. */
export function StatusBar() {
  const { library, connectivity } = useModels();
  const progress = library.progress.value;
  const last = library.lastSyncAt.value;
  const failing = library.failingSources.value;
  // Once the database is gone from under this tab (upgraded or deleted elsewhere), every storage error
  // says only that; the prompt to reload says why.
  const superseded = dbLifecycle.reloadNeeded.value;
  return (
    <div class="status" role="status" aria-live="polite">
      {!connectivity.online.value && (
        <p class="status__offline" data-testid="offline-banner">
          You are offline. Showing stories saved on this device{last ? `, last synced ${timeAgo(last)}` : ''}.
        </p>
      )}
      {/* One line that is always there online, so that a sync starting or ending never moves the page.
          Offline, the banner above says when the last sync was, and no sync can start. */}
      {(progress || connectivity.online.value) && (
        <p class="status__line" data-testid="sync-status">
          {progress ? (
            <>
              Syncing… {progress.done} of {progress.total} sources{progress.added ? `, ${progress.added} new` : ''}
              {progress.current ? ` · ${progress.current}` : ''}
            </>
          ) : library.lastOutcome.value && !superseded ? (
            `${library.lastOutcome.value}${last ? ` · synced ${timeAgo(last)}` : ''}`
          ) : last ? (
            `Synced ${timeAgo(last)}`
          ) : (
            '\u00a0'
          )}
        </p>
      )}
      {failing.map((s) => (
        <p class="status__error" key={s.id}>
          {s.title}: {s.lastError ?? 'this source could not be synced.'}
          {s.lastError?.includes('CORS proxy') && (
            <>
              {' '}
              <a href="/settings#proxy-heading">Set a CORS proxy</a>
            </>
          )}
        </p>
      ))}
      {library.loadError.value && !superseded && <p class="status__error">{library.loadError.value}</p>}
    </div>
  );
}
