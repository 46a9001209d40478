// Synthetic RSS 2.0 feeds and the OPML that lists them: how `npm run bench` hands the app n stories.
// The app keeps at most 500 stories per source and 60 days (src/storage/retention.ts), so n is split
// over enough feeds of at most 500 items, all dated within the last 30 days: nothing is evicted.
import { bodyHtml, excerpt, generateArticles, type SyntheticArticle } from './synthetic';

/** Items per feed never exceed the app's default per-source retention. */
export const MAX_PER_FEED = 500;

/** How n stories are split: 1,000 → 4 feeds × 250, 10,000 → 20 feeds × 500. */
export function feedCount(n: number): number {
  return Math.max(4, Math.ceil(n / MAX_PER_FEED));
}

/** The path of feed k of the n-story set. */
export function feedPath(n: number, k: number): string {
  return `/feeds/${n}/${k}.xml`;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

function item(a: SyntheticArticle, n: number, origin: string, now: number): string {
  // guid and link are unique per story, so the app stores every one (it dedupes by source + guid).
  const link = `${origin}/stories/${n}/${a.id}.html`;
  return `    <item>
      <title>${xml(a.title)}</title>
      <link>${link}</link>
      <guid isPermaLink="false">bench-${n}-${a.id}</guid>
      <pubDate>${new Date(now - a.ageMs).toUTCString()}</pubDate>
      <category>${a.section}</category>
      <description>${xml(excerpt(a))}</description>
      <content:encoded>${cdata(bodyHtml(a))}</content:encoded>
    </item>`;
}

/** Feed k of the n-story set as RSS 2.0; its items are the stories whose index ≡ k (mod feeds), newest first. */
function renderFeed(articles: SyntheticArticle[], n: number, k: number, origin: string, now: number): string {
  const feeds = feedCount(n);
  const mine = articles.filter((a) => a.index % feeds === k).sort((a, b) => a.ageMs - b.ageMs);
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Bench Wire ${k + 1}</title>
    <link>${origin}/</link>
    <description>Synthetic stories for npm run bench (${n} in all)</description>
    <language>en</language>
${mine.map((a) => item(a, n, origin, now)).join('\n')}
  </channel>
</rss>
`;
}

/** Every feed of the n-story set, by path; `now` anchors the publication dates (the last 30 days). */
export function renderFeedSet(n: number, origin: string, now: number): Map<string, string> {
  const { articles } = generateArticles(n);
  const out = new Map<string, string>();
  for (let k = 0; k < feedCount(n); k++) out.set(feedPath(n, k), renderFeed(articles, n, k, origin, now));
  return out;
}

/** An OPML 2.0 subscription list of the n-story feeds (what the Sources page imports). */
export function opmlFor(n: number, origin: string): string {
  const outlines = Array.from(
    { length: feedCount(n) },
    (_, k) => `    <outline type="rss" text="Bench Wire ${k + 1}" title="Bench Wire ${k + 1}" xmlUrl="${origin}${feedPath(n, k)}"/>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head><title>Broadsheet bench (${n} stories)</title></head>
  <body>
${outlines.join('\n')}
  </body>
</opml>
`;
}
