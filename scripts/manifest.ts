// The web app manifest: what the installed app is called, looks like and offers from its icon.
import type { ManifestOptions } from 'vite-plugin-pwa';

/** Manifest fields; vite-plugin-pwa writes them to manifest.webmanifest and links it. */
export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Broadsheet — offline news reader',
  short_name: 'Broadsheet',
  description: 'Read the news anywhere: Broadsheet keeps whole articles on your device and syncs when the network comes back.',
  lang: 'en',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: '#1d3557',
  background_color: '#faf8f3',
  categories: ['news', 'books'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  // Shared links land on /save, so the installed app appears in the phone's share sheet.
  // enctype is the only one a GET share can have; Chromium warns on every page load without it.
  share_target: { action: '/save', method: 'GET', enctype: 'application/x-www-form-urlencoded', params: { title: 'title', text: 'text', url: 'url' } },
  shortcuts: [
    { name: 'Continue reading', short_name: 'Continue', url: '/continue', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
    { name: 'Search stories', short_name: 'Search', url: '/search', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
    { name: 'Saved stories', short_name: 'Saved', url: '/saved', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
  ],
};
