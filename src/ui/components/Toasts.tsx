// Prompts that float above the page: a new version is ready (or took the database over in another
// tab), and the iOS install hint.
import { useModels } from '../app-context';
import { dbLifecycle } from '../db-lifecycle';
import { dismissUpdate, reloadIntoUpdate, updateReady } from '../sw-bridge';

/** The update prompts and the iOS "Add to Home Screen" hint. */
export function Toasts() {
  const { install } = useModels();
  const { reloadNeeded, deletedElsewhere, blocked, reload } = dbLifecycle;
  return (
    <div class="toasts">
      {reloadNeeded.value && (
        <div class="toast" role="alert" data-testid="db-reload-toast">
          <span>
            {deletedElsewhere.value
              ? 'Everything stored on this device was deleted in another tab. Reload this tab to start afresh.'
              : 'Broadsheet was updated in another tab. Reload this tab to keep reading.'}
          </span>
          <button type="button" class="button" onClick={reload}>
            Reload
          </button>
        </div>
      )}
      {blocked.value && (
        <div class="toast" role="status" data-testid="db-blocked-toast">
          <span>Close other Broadsheet tabs to finish updating.</span>
        </div>
      )}
      {updateReady.value && !reloadNeeded.value && (
        <div class="toast" role="alert" data-testid="update-toast">
          <span>A new version is ready.</span>
          <button type="button" class="button" onClick={reloadIntoUpdate}>
            Reload
          </button>
          <button type="button" class="button button--quiet" onClick={dismissUpdate} aria-label="Not now">
            Later
          </button>
        </div>
      )}
      {install.showIosHint.value && (
        <div class="toast" role="note">
          <span>
            Install Broadsheet: tap <strong>Share</strong>, then <strong>Add to Home Screen</strong>.
          </span>
          <button type="button" class="button button--quiet" onClick={install.dismissIosHint} aria-label="Dismiss install hint">
            Got it
          </button>
        </div>
      )}
    </div>
  );
}
