// feedparser-tests: `[not bozo and] path == literal` expectations translated to checks on our model.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModel, type Model } from './model';
import { parsePyLiteral, type PyValue } from './py-literal';
import { sameDek, sameHtml, samePlain, sameUrl, Tally } from './tally';

interface Case {
  path: string;
  suite: string;
  group: string;
  expect: string;
  headers: Record<string, string> | null;
}

/** The three parts reported: well-formed (floor 95%), entities, and illformed + encoding (floor: no crash). */
export interface FeedparserResult {
  wellformed: Tally;
  entities: Tally;
  hostile: Tally;
}

const SIMPLE = /^(not bozo and )?(feed|entries)((?:\[[^\]]+\]|\.[a-z_]+)+)\s*==\s*([\s\S]+)$/;

/** Runs every case of cases.json; each file is read as raw bytes and decoded by the app. */
export function runFeedparser(dir: string): FeedparserResult {
  const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as Case[];
  const result = {
    wellformed: new Tally('feedparser-tests (wellformed + json)'),
    entities: new Tally('feedparser-tests (entities)'),
    hostile: new Tally('feedparser-tests (illformed + encoding)'),
  };
  for (const c of cases) {
    const tally = c.suite === 'entities' ? result.entities : c.suite === 'illformed' || c.suite === 'encoding' ? result.hostile : result.wellformed;
    tally.cases++;
    const bytes = new Uint8Array(readFileSync(join(dir, c.path)));
    const contentType = headerValue(c.headers, 'content-type');
    let model: Model | null = null;
    let parseError = '';
    try {
      // Upstream serves these at this address; relative links resolve against it.
      // The case's declared headers reach the adapter the way sync passes a response's headers.
      const context = { contentLocation: headerValue(c.headers, 'content-location'), contentLanguage: headerValue(c.headers, 'content-language') };
      model = parseModel(bytes, `http://127.0.0.1:8097/${c.path}`, contentType, context);
    } catch (err) {
      tally.thrown(c.path, err);
      parseError = err instanceof Error ? err.message : String(err);
    }
    const check = translate(c);
    if (!check || c.group === 'sanitize') {
      // Sanitizing is done at render time in the browser; feedparser's whitelist is another policy.
      tally.notModelled++;
      continue;
    }
    const { field, want } = check;
    if (read(null, field) === NOT_MODELLED) {
      tally.notModelled++;
      continue;
    }
    if (!model) {
      // A well-formed feed we refuse fails every check it carries.
      tally.check(`${c.path} refused`, false, parseError, 'a parsed feed');
      continue;
    }
    const got = read(model, field);
    tally.check(`${c.path} ${c.expect.slice(0, 60)}`, agrees(field, got, want), got, want);
  }
  return result;
}

const NOT_MODELLED = Symbol('not modelled');

function translate(c: Case): { field: string[]; want: PyValue } | null {
  const m = SIMPLE.exec(c.expect.trim());
  if (!m) return null;
  let want: PyValue;
  try {
    want = parsePyLiteral(m[4]!.trim());
  } catch {
    return null;
  }
  const keys = [...m[3]!.matchAll(/\[([^\]]+)\]|\.([a-z_]+)/g)].map((k) => (k[2] ?? k[1]!).replace(/^['"]|['"]$/g, ''));
  return { field: [m[2]!, ...keys], want };
}

// Returns our value for a feedparser path, or NOT_MODELLED.
function read(model: Model | null, field: string[]): unknown {
  const key = field.join('.').replace(/\.\d+\./g, '.N.').replace(/^entries\.\d+/, 'entries.N');
  if (field[0] === 'feed') {
    if (key === 'feed.title' || key === 'feed.title_detail.value') return model?.title;
    if (key === 'feed.link') return model?.homeUrl;
    if (key === 'feed.language') return model?.language;
    return NOT_MODELLED;
  }
  const item = model?.items[Number(field[1])];
  const sub = key.replace(/^entries\.N\./, '');
  switch (sub) {
      case 'title':
      case 'title_detail.value':
        return item?.title;
      case 'link':
        return item?.url;
      case 'id':
      case 'guid':
        return item?.guid;
      case 'author':
        return item?.author;
      case 'summary':
      case 'description':
      case 'summary_detail.value':
        return item?.dek;
      case 'content.N.value':
        return field[3] === '0' ? item?.contentHtml : NOT_MODELLED;
      case 'published_parsed':
        return item?.publishedAt;
      case 'updated_parsed':
        return item?.updatedAt;
      case 'tags.N.term':
        return item?.sections[Number(field[3])];
      default:
        return NOT_MODELLED;
  }
}

function agrees(field: string[], got: unknown, want: PyValue): boolean {
  const last = field.at(-1)!;
  if (last.endsWith('_parsed')) return Array.isArray(want) && typeof got === 'number' && got === tupleToMs(want);
  if (last === 'link') return sameUrl(got, want);
  if (last === 'summary' || last === 'description' || (field.at(-2) === 'summary_detail')) return typeof got === 'string' && sameDek(got, want);
  return field.includes('content') ? sameHtml(got, want) : samePlain(got, want);
}

function tupleToMs(t: PyValue[]): number {
  const [y, mo, d, h, mi, s] = t.map(Number);
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

function headerValue(headers: Record<string, string> | null, name: string): string | null {
  if (!headers) return null;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v.trim();
  return null;
}
