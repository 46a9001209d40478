/// <reference lib="webworker" />
// The service worker: precached app shell, offline navigation to any route, and a bounded
// cache for article images. Updates wait for the reader (see src/ui/sw-bridge.ts).
import { cacheNames, clientsClaim } from 'workbox-core';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, getCacheKeyForURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { installBackgroundSync } from './background-sync';
import { IMAGE_CACHE, IMAGE_CACHE_MAX_AGE_S, IMAGE_CACHE_MAX_ENTRIES } from '../storage/image-cache';

declare const self: ServiceWorkerGlobalScope;

// The build's hashed scripts and stylesheet, straight from the precache and ahead of Workbox's router:
// they are immutable, and its route matching and strategy cost the start's critical path a few ms per file.
self.addEventListener('fetch', (event) => {
  const key = event.request.method === 'GET' && event.request.url.includes('/assets/') ? getCacheKeyForURL(event.request.url) : undefined;
  if (!key) return;
  event.stopImmediatePropagation();
  event.respondWith(caches.match(key, { cacheName: cacheNames.precache }).then((hit) => hit ?? fetch(event.request)));
});

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every in-app address (deep links included) is the same shell; the router draws the page.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html')));

// Article images: cache-first, bounded by count and age. Opaque cross-origin answers are charged a
// large padded size against quota, so the count stays modest and quota errors purge the cache.
registerRoute(
  ({ request, sameOrigin, url }) => request.destination === 'image' && !(sameOrigin && url.pathname.startsWith('/icons/')),
  new CacheFirst({
    cacheName: IMAGE_CACHE,
    plugins: [
      new CacheableResponsePlugin({ statuses: [0, 200] }),
      new ExpirationPlugin({ maxEntries: IMAGE_CACHE_MAX_ENTRIES, maxAgeSeconds: IMAGE_CACHE_MAX_AGE_S, purgeOnQuotaError: true }),
    ],
  }),
);

self.addEventListener('message', (event) => {
  // Sent by workbox-window's messageSkipWaiting() when the reader chooses "Reload".
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

installBackgroundSync(self);

// The first install controls open pages at once, so the first visit already works offline.
clientsClaim();
