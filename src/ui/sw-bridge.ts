// The service-worker update flow, in one place (STYLE.md habit 6). A new worker waits until
// the reader agrees, so an old page never runs against a new worker's caches mid-read.
import { signal } from '@preact/signals';

/** True while a new version is installed and waiting for the reader's "Reload". */
export const updateReady = signal(false);

let applyUpdate: (() => Promise<void>) | null = null;

/** Registers the service worker (production builds only; dev serves fresh files anyway). */
export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  reloadWhenCodeIsGone();
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    applyUpdate = async () => {
      // Reloading in another tab may already have activated it: then this page only needs a reload.
      if (!(await navigator.serviceWorker.getRegistration())?.waiting) return window.location.reload();
      // Reload only once the new worker has taken over, or the page would load old assets.
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    };
    updateReady.value = true;
  });
  try {
    await wb.register();
    // workbox-window's register() never checks for a new sw.js itself, and the browser's own check
    // after a navigation may be throttled: ask on every page load, so a deployed version is offered
    // on the next visit, not up to 24 hours later. Offline the check fails; the next load retries.
    if (navigator.serviceWorker.controller) await wb.update().catch(() => undefined);
  } catch (err) {
    // No worker means no offline mode, but the app still works online.
    console.warn('service worker registration failed', err);
  }
}

/** Activates the waiting version and reloads into it. */
export function reloadIntoUpdate(): void {
  void applyUpdate?.();
}

/** Keeps the waiting version for later (the prompt comes back on the next visit). */
export function dismissUpdate(): void {
  updateReady.value = false;
}

const CODE_GONE_RELOAD_KEY = 'broadsheet-code-gone-reload';

/**
 * Reloads into the active version when a route's code can no longer be loaded. A newer worker,
 * activated from another tab, drops this page's files from the cache and the server no longer has
 * them; the reader just asked for a new page, so loading it with the new version loses nothing.
 */
function reloadWhenCodeIsGone(): void {
  window.addEventListener('vite:preloadError', (event) => {
    try {
      // At most once a minute, so a file missing for any other reason cannot cause a reload loop.
      if (Date.now() - Number(sessionStorage.getItem(CODE_GONE_RELOAD_KEY) ?? 0) < 60_000) return;
      sessionStorage.setItem(CODE_GONE_RELOAD_KEY, String(Date.now()));
    } catch {
      return;
    }
    event.preventDefault();
    window.location.reload();
  });
}
