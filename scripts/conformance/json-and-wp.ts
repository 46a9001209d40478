// JSON Feed spec examples (all must parse, map author/authors, content_html/content_text)
// and WordPress REST fixtures (decoded titles, featured image, terms, author, GMT dates).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModel, type Model } from './model';
import { sameHtml, samePlain, sameUrl, Tally } from './tally';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Every spec example parses, and each item keeps its url, title, body, date and author. */
export function runJsonFeed(dir: string): Tally {
  const t = new Tally('jsonfeed-spec-examples');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    t.cases++;
    const bytes = new Uint8Array(readFileSync(join(dir, file)));
    const source = JSON.parse(new TextDecoder().decode(bytes)) as Obj;
    let model: Model | null = null;
    try {
      model = parseModel(bytes, 'http://fixtures.example/feed.json');
    } catch (err) {
      t.thrown(file, err);
    }
    t.check(`${file} parses as a JSON Feed`, model?.kind === 'json-feed', model?.kind, 'json-feed');
    arr(source.items).map(obj).forEach((want, i) => {
      const got = model?.items[i];
      const at = `${file} items[${i}]`;
      if (typeof want.url === 'string') t.check(`${at}.url`, sameUrl(got?.url, want.url), got?.url, want.url);
      if (typeof want.title === 'string') t.check(`${at}.title`, samePlain(got?.title, want.title), got?.title, want.title);
      // content_html wins over content_text; either way the reader sees the same words.
      const body = typeof want.content_html === 'string' ? want.content_html : want.content_text;
      if (typeof body === 'string') t.check(`${at}.content`, sameHtml(got?.contentHtml, body), got?.contentHtml, body);
      if (typeof want.date_published === 'string') t.check(`${at}.date_published`, got?.publishedAt === Date.parse(want.date_published), got?.publishedAt, want.date_published);
      // 1.1 deprecates `author` for `authors`; items may inherit the feed's.
      const author = obj(arr(want.authors)[0] ?? want.author ?? arr(source.authors)[0] ?? source.author).name;
      if (typeof author === 'string') t.check(`${at}.author`, got?.author?.split(', ').includes(author) ?? false, got?.author, author);
    });
  }
  return t;
}

/** posts.json through the WordPress adapter: what a reader sees of each post. */
export function runWordPress(dir: string): Tally {
  const t = new Tally('wordpress-rest-api');
  const bytes = new Uint8Array(readFileSync(join(dir, 'headstartwp/posts.json')));
  const posts = arr(JSON.parse(new TextDecoder().decode(bytes))).map(obj);
  let model: Model | null = null;
  try {
    model = parseModel(bytes, 'https://js1.10up.com/wp-json/wp/v2/posts?_embed=1');
  } catch (err) {
    t.thrown('posts.json', err);
  }
  t.check('posts.json detected as WordPress', model?.kind === 'wordpress', model?.kind, 'wordpress');
  posts.forEach((post, i) => {
    t.cases++;
    const got = model?.items[i];
    const at = `posts[${i}]`;
    const title = decodeEntities(String(obj(post.title).rendered ?? ''));
    t.check(`${at}.title`, got?.title === title, got?.title, title);
    t.check(`${at}.link`, sameUrl(got?.url, post.link), got?.url, post.link);
    t.check(`${at}.date_gmt`, got?.publishedAt === Date.parse(`${String(post.date_gmt)}Z`), got?.publishedAt, post.date_gmt);
    t.check(`${at}.modified_gmt`, got?.updatedAt === Date.parse(`${String(post.modified_gmt)}Z`), got?.updatedAt, post.modified_gmt);
    const embedded = obj(post._embedded);
    const image = obj(arr(embedded['wp:featuredmedia'])[0]).source_url ?? null;
    t.check(`${at}.featured image`, (got?.imageUrl ?? null) === image, got?.imageUrl, image);
    const author = obj(arr(embedded.author)[0]).name ?? null;
    t.check(`${at}.author`, (got?.author ?? null) === author, got?.author, author);
    const categories = arr(embedded['wp:term']).flatMap(arr).map(obj).filter((x) => x.taxonomy === 'category').map((x) => decodeEntities(String(x.name)));
    const sections = categories.filter((c) => c.toLowerCase() !== 'uncategorized');
    t.check(`${at}.categories`, JSON.stringify(got?.sections) === JSON.stringify(sections), got?.sections, sections);
    t.check(`${at}.content`, sameHtml(got?.contentHtml, obj(post.content).rendered), '(content)', '(content.rendered)');
  });
  return t;
}

// An independent decoder for the numeric and common named entities WordPress writes into titles.
function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', ndash: '–', mdash: '—' };
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&([a-z]+);/gi, (m, n: string) => named[n.toLowerCase()] ?? m)
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
