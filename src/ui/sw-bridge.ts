// The service-worker update flow, in one place (STYLE.md habit 6). A new worker waits until
// the reader agrees, so an old page never runs against a new worker's caches mid-read.
import { signal } from '@preact/signals';

/** True while a new version is installed and waiting for the reader's "Reload". */
export const updateReady = signal(false);

let applyUpdate: (() => void) | null = null;

/** Registers the service worker (production builds only; dev serves fresh files anyway). */
export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    applyUpdate = () => {
      // Reload only once the new worker has taken over, or the page would load old assets.
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    };
    updateReady.value = true;
  });
  try {
    await wb.register();
  } catch (err) {
    // No worker means no offline mode, but the app still works online.
    console.warn('service worker registration failed', err);
  }
}

/** Activates the waiting version and reloads into it. */
export function reloadIntoUpdate(): void {
  applyUpdate?.();
}

/** Keeps the waiting version for later (the prompt comes back on the next visit). */
export function dismissUpdate(): void {
  updateReady.value = false;
}
