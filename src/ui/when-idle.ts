// Start-up work that the first screen does not need (the engine worker, the service worker's
// precache) waits for the page to load and the browser to go idle, so it never delays that screen.

/** Runs `task` once after the load event, when the main thread is idle (or after `timeout` ms at the latest). */
export function whenIdle(task: () => void, timeout = 2000): void {
  const schedule = () => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => task(), { timeout });
    else setTimeout(task, 200);
  };
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
}
