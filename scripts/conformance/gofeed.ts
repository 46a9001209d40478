// gofeed-testdata: X.xml → X.json pairs (gofeed's Atom, RSS and universal models) on the fields we model.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleInput } from '../../src/domain/article';
import { parseModel, type Model } from './model';
import { sameDek, sameHtml, samePlain, sameUrl, Tally } from './tally';

type Reader = (m: Model, item: ArticleInput | undefined, idx: number[]) => unknown;
type Compare = 'text' | 'html' | 'url' | 'dek' | 'instant' | 'exact' | 'author';

// gofeed path (indices as N) → how to read ours and how to compare. Anything else is not modelled.
const FIELDS: Record<string, [Reader, Compare]> = {
  title: [(m) => m.title, 'text'],
  link: [(m) => m.homeUrl, 'url'],
  language: [(m) => m.language, 'exact'],
  'items.N.title': [(_m, i) => i?.title, 'text'],
  'entries.N.title': [(_m, i) => i?.title, 'text'],
  'items.N.link': [(_m, i) => i?.url, 'url'],
  'items.N.guid': [(_m, i) => i?.guid, 'exact'],
  'items.N.guid.value': [(_m, i) => i?.guid, 'exact'],
  'entries.N.id': [(_m, i) => i?.guid, 'exact'],
  'items.N.description': [(_m, i) => i?.dek, 'dek'],
  'entries.N.summary': [(_m, i) => i?.dek, 'dek'],
  'items.N.content': [(_m, i) => i?.contentHtml, 'html'],
  'entries.N.content.value': [(_m, i) => i?.contentHtml, 'html'],
  'items.N.publishedParsed': [(_m, i) => i?.publishedAt, 'instant'],
  'entries.N.publishedParsed': [(_m, i) => i?.publishedAt, 'instant'],
  'items.N.pubDateParsed': [(_m, i) => i?.publishedAt, 'instant'],
  'items.N.updatedParsed': [(_m, i) => i?.updatedAt, 'instant'],
  'entries.N.updatedParsed': [(_m, i) => i?.updatedAt, 'instant'],
  'items.N.author.name': [(_m, i) => i?.author, 'author'],
  'entries.N.authors.N.name': [(_m, i) => i?.author, 'author'],
  'items.N.categories.N': [(_m, i, idx) => i?.sections[idx[1]!], 'text'],
  'items.N.categories.N.value': [(_m, i, idx) => i?.sections[idx[1]!], 'text'],
  'items.N.image.url': [(_m, i) => i?.imageUrl, 'url'],
  // gofeed's JSON Feed struct keeps JSON Feed's own names.
  'items.N.url': [(_m, i) => i?.url, 'url'],
  'items.N.id': [(_m, i) => i?.guid, 'exact'],
  'items.N.summary': [(_m, i) => i?.dek, 'dek'],
  'items.N.content_html': [(_m, i) => i?.contentHtml, 'html'],
  'items.N.date_published': [(_m, i) => i?.publishedAt, 'instant'],
  'items.N.tags.N': [(_m, i, idx) => i?.sections[idx[1]!], 'text'],
};

/** Runs the parser/{atom,rss,json} and translator/{atom,rss,json} pairs. */
export function runGofeed(dir: string): Tally {
  const t = new Tally('gofeed-testdata');
  for (const sub of ['parser/atom', 'parser/rss', 'parser/json', 'translator/atom', 'translator/rss', 'translator/json']) {
    const folder = join(dir, 'testdata', sub);
    for (const file of readdirSync(folder).sort()) {
      const pair = expectedFor(folder, file);
      if (!pair) continue;
      t.cases++;
      let model: Model | null = null;
      try {
        model = parseModel(new Uint8Array(readFileSync(join(folder, file))), 'http://fixtures.example/feed');
      } catch (err) {
        t.thrown(`${sub}/${file}`, err);
      }
      const expected = JSON.parse(readFileSync(pair, 'utf8')) as unknown;
      for (const [path, want] of flatten(expected)) {
        const key = path.replace(/\.\d+(?=\.|$)/g, '.N');
        const field = FIELDS[key];
        if (!field) {
          t.notModelled++;
          continue;
        }
        const idx = [...path.matchAll(/\.(\d+)(?=\.|$)/g)].map((m) => Number(m[1]));
        const got = model ? field[0](model, model.items[idx[0] ?? 0], idx) : undefined;
        t.check(`${sub}/${file} ${path}`, model !== null && agrees(field[1], got, want), got, want);
      }
    }
  }
  return t;
}

// X.xml → X.json; JSON inputs X.json → X_expected.json. Expected files themselves are skipped.
function expectedFor(folder: string, file: string): string | null {
  if (file.endsWith('.xml')) {
    const p = join(folder, file.replace(/\.xml$/, '.json'));
    return existsSync(p) ? p : null;
  }
  if (file.endsWith('.json') && !file.endsWith('_expected.json')) {
    const p = join(folder, file.replace(/\.json$/, '_expected.json'));
    return existsSync(p) ? p : null;
  }
  return null;
}

function flatten(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return value.map((v, i) => [`${prefix}.${i}`.replace(/^\./, ''), v]);
    return value.flatMap((v, i) => flatten(v, `${prefix}.${i}`));
  }
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => flatten(v, `${prefix}.${k}`));
  return [[prefix.replace(/^\./, ''), value]];
}

function agrees(how: Compare, got: unknown, want: unknown): boolean {
  switch (how) {
    case 'text':
      return samePlain(got, want);
    case 'html':
      return sameHtml(got, want);
    case 'url':
      return sameUrl(got, want);
    case 'dek':
      return typeof got === 'string' && sameDek(got, want);
    case 'instant':
      return typeof want === 'string' && got === Date.parse(want);
    case 'author':
      // We keep one display string ("A, B"); each named author must be in it.
      return typeof got === 'string' && typeof want === 'string' && got.split(', ').includes(want.trim());
    default:
      return (got ?? null) === (typeof want === 'string' ? want.trim() : want);
  }
}
