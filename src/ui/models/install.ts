// Install to the home screen: the browser's prompt where there is one, a hint on iOS Safari where there is not.
import { signal } from '@preact/signals';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const IOS_HINT_KEY = 'broadsheet.iosHintDismissed';

function isStandalone(): boolean {
  return window.matchMedia('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true;
}

function isIosSafari(): boolean {
  const ua = navigator.userAgent;
  // iPadOS reports itself as a Mac; touch support tells them apart.
  const ios = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
  return ios && /Safari/.test(ua) && !/CriOS|FxiOS|EdgiOS/.test(ua);
}

/** Creates the install model and starts listening for the browser's install prompt. */
export function createInstallModel() {
  const canInstall = signal(false);
  const installed = signal(isStandalone());
  const showIosHint = signal(!installed.value && isIosSafari() && localStorage.getItem(IOS_HINT_KEY) !== '1');
  let deferred: BeforeInstallPromptEvent | null = null;

  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the event so the prompt appears when the reader asks, not when Chromium decides.
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    canInstall.value = true;
  });
  window.addEventListener('appinstalled', () => {
    installed.value = true;
    canInstall.value = false;
    deferred = null;
  });

  /** Shows the browser's install prompt. */
  async function install(): Promise<void> {
    if (!deferred) return;
    const event = deferred;
    deferred = null;
    canInstall.value = false;
    await event.prompt();
    await event.userChoice;
  }

  /** Hides the iOS "Add to Home Screen" hint for good. */
  function dismissIosHint(): void {
    localStorage.setItem(IOS_HINT_KEY, '1');
    showIosHint.value = false;
  }

  return { canInstall, installed, showIosHint, install, dismissIosHint };
}

/** The install model's public shape. */
export type InstallModel = ReturnType<typeof createInstallModel>;
