// OPML import and export of the source list, through feedsmith (DOM-free). Imports are validated first.
import { generateOpml, parseOpml } from 'feedsmith';
import { isPortableSource, type Source, type SourceKind } from '../domain/source';
import { SourceParseError } from './parse-error';

/** A source listed in an OPML file, validated: an http(s) URL, a title and a kind guess. */
export interface OpmlEntry {
  url: string;
  title: string;
  kind: Exclude<SourceKind, 'sample' | 'page'>;
}

/** Most OPML files are small; one that is not is not a subscription list. */
const MAX_OPML_BYTES = 5 * 1024 * 1024;
const MAX_ENTRIES = 2000;

/**
 * The source list as OPML 2.0 (the built-in sample edition is left out: every install has it), or
 * null when no source is left: OPML 2.0 requires at least one outline, and feedsmith refuses none.
 */
export function sourcesToOpml(sources: readonly Source[], now = new Date()): string | null {
  const outlines = sources
    .filter(isPortableSource)
    .map((s) => ({ text: s.title || s.url, title: s.title || s.url, type: opmlType(s.kind), xmlUrl: s.url }));
  if (outlines.length === 0) return null;
  return generateOpml({ head: { title: 'Broadsheet sources', dateCreated: now }, body: { outlines } });
}

function opmlType(kind: SourceKind): string {
  return kind === 'json-feed' ? 'json' : kind === 'wordpress' ? 'wordpress' : 'rss';
}

function kindOf(type: string | undefined, url: string): OpmlEntry['kind'] {
  const t = (type ?? '').toLowerCase();
  if (t === 'wordpress' || /\/wp-json\/wp\/v2\/posts/.test(url)) return 'wordpress';
  if (t === 'json' || t === 'jsonfeed' || /\.json(\?|$)/.test(url)) return 'json-feed';
  if (t === 'atom') return 'atom';
  return 'rss';
}

/** Parses an OPML file into validated entries; throws a reader-facing error and returns nothing on bad input. */
export function opmlToEntries(text: string): OpmlEntry[] {
  if (text.length > MAX_OPML_BYTES) throw new SourceParseError('This file is too large to be a list of sources.');
  let doc: ReturnType<typeof parseOpml>;
  try {
    doc = parseOpml(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new SourceParseError('This file is not OPML (a list of feeds exported from a reader).');
  }
  const out = new Map<string, OpmlEntry>();
  const walk = (outlines: ReadonlyArray<{ xmlUrl?: string; text?: string; title?: string; type?: string; outlines?: unknown }> | undefined) => {
    for (const o of outlines ?? []) {
      if (out.size >= MAX_ENTRIES) return;
      const raw = typeof o.xmlUrl === 'string' ? o.xmlUrl.trim() : '';
      if (raw && URL.canParse(raw)) {
        const url = new URL(raw);
        if (url.protocol === 'http:' || url.protocol === 'https:') {
          const title = String(o.title ?? o.text ?? '').trim().slice(0, 200) || url.hostname;
          out.set(url.toString(), { url: url.toString(), title, kind: kindOf(o.type, url.toString()) });
        }
      }
      walk(o.outlines as typeof outlines);
    }
  };
  walk(doc.body?.outlines);
  if (out.size === 0) throw new SourceParseError('This OPML file lists no feeds with a web address.');
  return [...out.values()];
}
