// Composition root: open storage, create the models, render, start sync triggers and the service worker.
import { render } from 'preact';
import { effect } from '@preact/signals';
import { openBroadsheetDb } from './storage/db';
import { startSyncTriggers } from './sync/triggers';
import { App } from './ui/App';
import type { AppModels } from './ui/app-context';
import { createConnectivityModel } from './ui/models/connectivity';
import { createInstallModel } from './ui/models/install';
import { createLibraryModel } from './ui/models/library';
import { FIRST_SCREEN_GLOBAL } from './ui/models/home-snapshot';
import { createReaderModel } from './ui/models/reader';
import { createRelatedModel } from './ui/models/related';
import { inPageEngine, startEngine } from './ui/engine-client';
import { onSyncAnnounced } from './sync/sync-channel';
import { createSettingsModel } from './ui/models/settings';
import { createSourcesModel } from './ui/models/sources';
import { createSavePageModel } from './ui/models/save-page';
import { createStoragePanelModel } from './ui/models/storage-panel';
import { createReaderPrefsModel } from './ui/models/reader-prefs';
import { createBackupModel } from './ui/models/backup';
import { createSearchModel } from './ui/models/search';
import { getMeta, setMeta } from './storage/meta-repo';
import { listSources } from './storage/sources-repo';
import { fetchBody } from './ui/fetch-body';
import { registerServiceWorker } from './ui/sw-bridge';
import { dbLifecycle } from './ui/db-lifecycle';
import { onDrainRequest, registerPeriodicSync } from './ui/background-sync';
import { whenIdle } from './ui/when-idle';
import { watchHistory } from './ui/history-nav';
import './ui/styles.css';

// Back and Forward to screens drawn from asynchronous data restore their own place.
watchHistory();

// When this page started (see the start-up sync's check for sources that never synced).
const pageStartedAt = Date.now();

// A newer Broadsheet in another tab may need the database: we let go and ask to reload (Toasts).
const db = dbLifecycle.track(openBroadsheetDb(dbLifecycle.hooks));

// Sync, parsing and the related/search indexes run in a Worker, off this thread.
const { engine, ownContexts, warm } = startEngine(() => inPageEngine(db));
const settings = createSettingsModel(db);
const library = createLibraryModel(db, engine, {
  appBase: new URL(import.meta.env.BASE_URL, location.origin).toString(),
  corsProxy: () => settings.corsProxy.value,
  // Started by the page's head script on a first visit (scripts/first-screen.ts).
  firstScreen: (window as unknown as Record<string, Promise<string | null> | undefined>)[FIRST_SCREEN_GLOBAL] ?? null,
});
const related = createRelatedModel(engine);
// Previews and saved pages go through the reader's CORS proxy too, when one is set.
const fetchThroughProxy = (url: string) => fetchBody(url, settings.corsProxy.value);
const savePage = createSavePageModel(db, library, fetchThroughProxy);
const models: AppModels = {
  db,
  library,
  related,
  reader: createReaderModel(db, library, related),
  settings,
  sources: createSourcesModel(db, library, fetchThroughProxy),
  savePage,
  storage: createStoragePanelModel(db),
  backup: createBackupModel(db),
  search: createSearchModel(engine),
  // Mirrored into meta so a backup carries the reader's text settings.
  prefs: createReaderPrefsModel((p) => void db.then((d) => setMeta(d, 'readerPrefs', p))),
  install: createInstallModel(),
  connectivity: createConnectivityModel(),
};

render(<App models={models} />, document.getElementById('app')!);

void settings.load();
// Syncing (the engine worker: fetching, parsing, storing) starts once the first screen is up and
// the page is idle, so it never competes with that screen for the device's cores.
void library.refresh().then(() =>
  whenIdle(() =>
    startSyncTriggers({
      sync: library.sync,
      lastSyncAt: async () => getMeta<number | null>(await db, 'lastSyncAt', null),
      // Only sources added before this page started: one added since is synced by whatever added it.
      neverSynced: async () =>
        (await listSources(await db)).some((s) => s.lastSyncAt === null && s.addedAt < pageStartedAt && s.status !== 'gone' && s.kind !== 'page'),
      isVisible: () => document.visibilityState === 'visible',
      drainOutbox: savePage.drain,
    }),
  ),
);

// Other tabs (or the service worker) announce finished syncs; show their stories here too. Our own
// engine's announcements are skipped: this page refreshes after its own syncs.
onSyncAnnounced((m) => {
  // A sync that changed nothing changes no page (an open story or search is not read again).
  if (m.added || m.updated || m.evicted.length) library.revision.value++;
  void library.refresh();
}, () => ownContexts);

// The home-screen icon shows how many stories wait unread (Badging API, where there is one).
effect(() => {
  const unread = library.unreadTotal.value;
  const nav = navigator as Navigator & { setAppBadge?: (n: number) => Promise<void>; clearAppBadge?: () => Promise<void> };
  if (!nav.setAppBadge || library.latest.value === null) return;
  void (unread > 0 ? nav.setAppBadge(unread) : nav.clearAppBadge?.())?.catch(() => undefined);
});

onDrainRequest(savePage.drain);

// After the first screen: the engine worker builds its indexes (so Related and search answer at
// once), and the service worker installs (its precache would otherwise compete with the first load).
whenIdle(() => {
  warm();
  void registerServiceWorker().then(() => {
    if (import.meta.env.PROD) void registerPeriodicSync();
  });
});
