// rss-parser-fixtures: golden JSON of real feeds, compared on title, link, isoDate, content, enclosure, categories, guid.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseModel, type Model } from './model';
import { sameDek, sameHtml, samePlain, sameUrl, Tally } from './tally';

type Golden = Record<string, unknown> & { items?: Array<Record<string, unknown>> };

/** Runs every input feed; `unrecognized.rss` has no golden file and must be refused with a clear error. */
export function runRssParser(dir: string): Tally {
  const t = new Tally('rss-parser-fixtures');
  const inputDir = join(dir, 'test/input');
  for (const file of readdirSync(inputDir).sort()) {
    t.cases++;
    const name = basename(file).replace(/\.[^.]+$/, '');
    const goldenPath = join(dir, 'test/output', `${name}.json`);
    const golden = existsSync(goldenPath) ? readGolden(goldenPath) : null;
    let model: Model | null = null;
    let error: unknown = null;
    try {
      model = parseModel(new Uint8Array(readFileSync(join(inputDir, file))), 'http://fixtures.example/feed');
    } catch (err) {
      error = err;
      t.thrown(file, err);
    }
    if (!golden) {
      // No golden output: upstream expects a rejection ("Feed not recognized") or just a parse.
      const refuses = name === 'unrecognized';
      t.check(`${file} ${refuses ? 'rejected with a clear error' : 'parses'}`, refuses ? error instanceof Error && !t.crashList.some((c) => c.startsWith(file)) : model !== null, error instanceof Error ? error.message : model?.kind, refuses ? 'an error' : 'a feed');
      continue;
    }
    compare(t, file, model, golden);
  }
  return t;
}

// Upstream parses xml2js-options.rss with {xml2js: {emptyTag: 'EMPTY'}} (SOURCE.md): its empty elements read "EMPTY".
const EMPTY_TAG: Record<string, string> = { 'xml2js-options.rss': 'EMPTY' };

function compare(t: Tally, file: string, model: Model | null, golden: Golden): void {
  const feed = EMPTY_TAG[file] ? (JSON.parse(JSON.stringify(golden).replaceAll(`"${EMPTY_TAG[file]}"`, '""')) as Golden) : golden;
  if (typeof feed.title === 'string') t.check(`${file} feed.title`, samePlain(model?.title, feed.title), model?.title, feed.title);
  if (typeof feed.link === 'string') t.check(`${file} feed.link`, sameUrl(model?.homeUrl, feed.link), model?.homeUrl, feed.link);
  (feed.items ?? []).forEach((want, i) => {
    const got = model?.items[i];
    const at = `${file} items[${i}]`;
    if (typeof want.title === 'string') t.check(`${at}.title`, samePlain(got?.title, want.title), got?.title, want.title);
    if (typeof want.link === 'string') t.check(`${at}.link`, sameUrl(got?.url, want.link), got?.url, want.link);
    if (typeof want.isoDate === 'string') {
      const ms = got?.publishedAt ?? got?.updatedAt ?? null;
      t.check(`${at}.isoDate`, ms === Date.parse(want.isoDate), ms === null ? null : new Date(ms).toISOString(), want.isoDate);
    }
    if (typeof want['content:encoded'] === 'string') {
      // rss-parser's `content` is then the description: our dek; the body is content:encoded.
      t.check(`${at}.content:encoded`, sameHtml(got?.contentHtml, want['content:encoded']), got?.contentHtml, want['content:encoded']);
      if (typeof want.content === 'string') t.check(`${at}.content`, sameDek(got?.dek ?? '', want.content), got?.dek, want.content);
    } else if (typeof want.content === 'string') {
      t.check(`${at}.content`, sameHtml(got?.contentHtml, want.content), got?.contentHtml, want.content);
    }
    const enclosure = want.enclosure as { url?: string; type?: string } | undefined;
    if (enclosure?.url && /^image\//.test(enclosure.type ?? '')) {
      t.check(`${at}.enclosure (image)`, sameUrl(got?.imageUrl, enclosure.url), got?.imageUrl, enclosure.url);
    } else if (enclosure) t.notModelled++;
    if (Array.isArray(want.categories)) {
      const names = want.categories.map((c) => (typeof c === 'string' ? c : String((c as { _?: unknown })?._ ?? ''))).map((s) => s.trim()).filter(Boolean);
      const ok = names.length === (got?.sections.length ?? -1) && names.every((n, j) => samePlain(got?.sections[j], n));
      t.check(`${at}.categories`, ok, got?.sections, names);
    }
    if (typeof want.guid === 'string') t.check(`${at}.guid`, got?.guid === want.guid.trim(), got?.guid, want.guid);
  });
}

// Golden files are UTF-8 except one written in ISO-8859-1 (see SOURCE.md): fall back when UTF-8 is invalid.
function readGolden(path: string): Golden {
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return (JSON.parse(text) as { feed: Golden }).feed;
}
