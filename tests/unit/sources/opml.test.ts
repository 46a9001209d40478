// Protects OPML import/export: a round trip keeps every source; invalid or hostile files are refused
// with a reader-facing message and yield nothing; only http(s) feeds are taken.
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../src/domain/source';
import { opmlToEntries, sourcesToOpml } from '../../../src/sources/opml';

const source = (id: string, kind: Source['kind'], url: string, title: string): Source => ({
  id, kind, url, title, etag: null, lastModified: null, addedAt: 1, lastSyncAt: null, lastError: null, status: 'ok',
});

describe('OPML', () => {
  it('round-trips sources, leaving out the built-in sample and saved pages', () => {
    const xml = sourcesToOpml([
      source('s', 'sample', 'http://127.0.0.1:4173/sample/edition.json', 'Sample'),
      source('p', 'page', 'about:saved-pages', 'Saved pages'),
      source('a', 'rss', 'https://news.example/rss.xml', 'News & more'),
      source('b', 'json-feed', 'https://news.example/feed.json', 'Wire & "Quotes" <b>bold</b> — ünïcødé'),
      source('c', 'wordpress', 'https://blog.example/wp-json/wp/v2/posts?_embed=1', 'Blog'),
    ]);
    expect(xml).not.toBeNull();
    expect(opmlToEntries(xml!)).toEqual([
      { url: 'https://news.example/rss.xml', title: 'News & more', kind: 'rss' },
      { url: 'https://news.example/feed.json', title: 'Wire & "Quotes" <b>bold</b> — ünïcødé', kind: 'json-feed' },
      { url: 'https://blog.example/wp-json/wp/v2/posts?_embed=1', title: 'Blog', kind: 'wordpress' },
    ]);
  });
  it('gives no document when only the sample edition and saved pages are followed (OPML needs an outline)', () => {
    expect(
      sourcesToOpml([source('s', 'sample', 'http://127.0.0.1:4173/sample/edition.json', 'Sample'), source('p', 'page', 'about:saved-pages', 'Saved pages')]),
    ).toBeNull();
    expect(sourcesToOpml([])).toBeNull();
  });
  it('reads nested folders and skips duplicates and non-http(s) URLs', () => {
    const xml = `<?xml version="1.0"?><opml version="2.0"><body>
      <outline text="Folder"><outline text="A" xmlUrl="https://a.example/rss"/><outline text="A again" xmlUrl="https://a.example/rss"/></outline>
      <outline text="Evil" xmlUrl="javascript:alert(1)"/><outline text="File" xmlUrl="file:///etc/passwd"/>
      <outline text="B" type="atom" xmlUrl="https://b.example/atom.xml"/></body></opml>`;
    expect(opmlToEntries(xml).map((e) => [e.url, e.kind])).toEqual([
      ['https://a.example/rss', 'rss'],
      ['https://b.example/atom.xml', 'atom'],
    ]);
  });
  it('refuses files that are not OPML, or list no feeds, with a clear message', () => {
    expect(() => opmlToEntries('{"not": "xml"}')).toThrow(/not OPML/);
    expect(() => opmlToEntries('<html><body>hi</body></html>')).toThrow(/not OPML|no feeds/);
    expect(() => opmlToEntries('<?xml version="1.0"?><opml version="2.0"><body><outline text="x"/></body></opml>')).toThrow(/no feeds/);
    expect(() => opmlToEntries('')).toThrow();
  });
  it('refuses a huge file before parsing it', () => {
    expect(() => opmlToEntries(`<opml>${' '.repeat(6 * 1024 * 1024)}</opml>`)).toThrow(/too large/);
  });
});
