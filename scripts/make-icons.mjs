// Renders the app icons in public/icons/*.svg to the PNG sizes the manifest
// and iOS need, using headless Chromium through playwright-core.
//
//   node scripts/make-icons.mjs
//
// icon.svg (rounded square, transparent corners) -> icon-192, icon-512, favicon-32
// maskable.svg (full-bleed, mark inside the 80% safe circle) -> maskable-512,
//   apple-touch-icon-180 (iOS wants an opaque, full-bleed square)
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const iconsDir = join(root, 'public', 'icons');

const targets = [
  // transparent: keep the rounded corners of icon.svg see-through.
  { svg: 'icon.svg', size: 192, out: 'icon-192.png', transparent: true },
  { svg: 'icon.svg', size: 512, out: 'icon-512.png', transparent: true },
  { svg: 'icon.svg', size: 32, out: 'favicon-32.png', transparent: true },
  { svg: 'maskable.svg', size: 512, out: 'maskable-512.png', transparent: false },
  { svg: 'maskable.svg', size: 180, out: 'apple-touch-icon-180.png', transparent: false },
];

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

try {
  for (const t of targets) {
    const svg = await readFile(join(iconsDir, t.svg));
    const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
    const page = await browser.newPage({ viewport: { width: t.size, height: t.size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent;overflow:hidden}` +
        `img{display:block;width:${t.size}px;height:${t.size}px}</style></head>` +
        `<body><img id="i" alt="" src="${src}"></body></html>`,
    );
    await page.locator('#i').evaluate((img) => (img.complete ? img.decode() : new Promise((r) => (img.onload = r))));
    await page.screenshot({
      path: join(iconsDir, t.out),
      clip: { x: 0, y: 0, width: t.size, height: t.size },
      omitBackground: t.transparent,
    });
    await page.close();
    console.log(`wrote public/icons/${t.out} (${t.size}x${t.size}) from ${t.svg}`);
  }
} finally {
  await browser.close();
}
