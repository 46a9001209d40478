// Prompts that float above the page: a new version is ready, and the iOS install hint.
import { useModels } from '../app-context';
import { dismissUpdate, reloadIntoUpdate, updateReady } from '../sw-bridge';

/** The update prompt and the iOS "Add to Home Screen" hint. */
export function Toasts() {
  const { install } = useModels();
  return (
    <div class="toasts">
      {updateReady.value && (
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
