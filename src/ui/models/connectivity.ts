// Whether the browser believes it is online; drives the offline banner.
import { signal } from '@preact/signals';

/** Creates an `online` signal kept in step with the browser's online/offline events. */
export function createConnectivityModel() {
  const online = signal(navigator.onLine);
  window.addEventListener('online', () => (online.value = true));
  window.addEventListener('offline', () => (online.value = false));
  return { online };
}

/** The connectivity model's public shape. */
export type ConnectivityModel = ReturnType<typeof createConnectivityModel>;
