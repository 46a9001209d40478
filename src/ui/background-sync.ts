// The page's side of background sync: register the periodic and one-off syncs where Chromium
// allows them, and drain the outbox when the service worker asks.

const PERIODIC_SYNC_TAG = 'broadsheet-periodic-sync';
const OUTBOX_SYNC_TAG = 'broadsheet-outbox';
/** News every few hours is plenty for a phone's battery; the browser may stretch it further. */
const PERIODIC_MIN_INTERVAL_MS = 3 * 60 * 60 * 1000;

interface SyncRegistration extends ServiceWorkerRegistration {
  periodicSync?: { register(tag: string, options: { minInterval: number }): Promise<void> };
  sync?: { register(tag: string): Promise<void> };
}

async function registration(): Promise<SyncRegistration | null> {
  if (!('serviceWorker' in navigator)) return null;
  return (await navigator.serviceWorker.ready) as SyncRegistration;
}

/** Asks for periodic background sync (granted by Chromium to installed, engaged apps; silently absent elsewhere). */
export async function registerPeriodicSync(): Promise<boolean> {
  try {
    const reg = await registration();
    if (!reg?.periodicSync) return false;
    await reg.periodicSync.register(PERIODIC_SYNC_TAG, { minInterval: PERIODIC_MIN_INTERVAL_MS });
    return true;
  } catch {
    // Not installed, or permission not granted: the page's own triggers still sync.
    return false;
  }
}

/** Asks the browser to wake the worker when the network returns (after an action was queued offline). */
export async function requestOutboxSync(): Promise<void> {
  try {
    await (await registration())?.sync?.register(OUTBOX_SYNC_TAG);
  } catch {
    // Without Background Sync the `online` event in an open tab drains the outbox.
  }
}

/** Runs `drain` whenever the service worker asks for the outbox to be drained. */
export function onDrainRequest(drain: () => Promise<unknown>): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', (event) => {
    if ((event.data as { type?: string } | null)?.type === 'drain-outbox') void drain();
  });
}
