// Protects the RSS / Atom / RDF adapters: what a reader sees of each item, and a clear refusal of non-feeds.
import { describe, expect, it } from 'vitest';
import { SourceParseError } from '../../../src/sources/parse-error';
import { parseXmlFeedText } from '../../../src/sources/xml-feed';

const FEED_URL = 'https://paper.example/feeds/main.xml';

const RSS = `<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>The Paper &amp; Co</title><link>https://paper.example/</link><language>en_GB</language>
<item>
  <title><![CDATA[Tides <em>rise</em> &amp; fall]]></title>
  <link>/world/tides?utm_source=rss</link>
  <guid isPermaLink="false">tides-1</guid>
  <description>&lt;p&gt;The sea, explained.&lt;/p&gt;</description>
  <content:encoded><![CDATA[<p>Full story <img src="/img/wave.jpg"></p>]]></content:encoded>
  <dc:creator>Ada Lind</dc:creator>
  <category>Science</category><category>Coast</category>
  <pubDate>Tue, 03 Nov 2026 08:00:00 +0100</pubDate>
  <media:thumbnail url="https://cdn.paper.example/thumb.jpg"/>
</item>
<item><title>No link, no guid</title><description>Still readable.</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/base/" xml:lang="fr">
  <title type="html">Le &lt;b&gt;Blog&lt;/b&gt;</title>
  <link rel="self" href="/feed.atom"/><link rel="alternate" type="text/html" href="./"/>
  <author><name>Claire</name></author>
  <entry xml:base="posts/">
    <title type="text">x &lt; y</title>
    <id>tag:blog.example,2026:1</id>
    <link rel="enclosure" type="audio/mpeg" href="a.mp3"/>
    <link rel="alternate" type="text/html" href="first.html"/>
    <updated>2026-11-02T10:00:00Z</updated><published>2026-11-01T09:00:00+02:00</published>
    <summary type="text">A &lt;tag&gt; in text</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body</p></div></content>
    <category term="tech" label="Technologie"/>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example/"><title>Old Site</title><link>https://old.example/</link><description>d</description></channel>
  <item rdf:about="https://old.example/a"><title>Item A</title><link>https://old.example/a</link>
    <dc:date>2004-05-06T07:08:09Z</dc:date><dc:subject>History</dc:subject><description>About A</description></item>
</rdf:RDF>`;

describe('RSS 2.0', () => {
  const feed = parseXmlFeedText(RSS, FEED_URL, 's1');
  const [tides, bare] = feed.items;
  it('reads the feed title with entities decoded, and its language', () => {
    expect(feed).toMatchObject({ format: 'rss', title: 'The Paper & Co', homeUrl: 'https://paper.example/', language: 'en-GB' });
  });
  it('normalizes an item: plain title, resolved canonical link, dates, author, sections', () => {
    expect(tides).toMatchObject({
      title: 'Tides rise & fall',
      url: 'https://paper.example/world/tides',
      guid: 'tides-1',
      dek: 'The sea, explained.',
      author: 'Ada Lind',
      sections: ['Science', 'Coast'],
      publishedAt: Date.parse('2026-11-03T07:00:00Z'),
      imageUrl: 'https://cdn.paper.example/thumb.jpg',
      language: 'en-GB',
    });
    expect(tides!.contentHtml).toContain('Full story');
  });
  it('gives items without link or guid a stable identity of their own', () => {
    expect(bare!.guid).toMatch(/^hash:/);
    expect(parseXmlFeedText(RSS, FEED_URL, 's1').items[1]!.guid).toBe(bare!.guid);
  });
});

describe('Atom 1.0', () => {
  const feed = parseXmlFeedText(ATOM, 'https://blog.example/feed.atom', 's2');
  const [entry] = feed.items;
  it('resolves links through nested xml:base and prefers rel=alternate', () => {
    expect(feed.homeUrl).toBe('https://blog.example/base/');
    expect(entry!.url).toBe('https://blog.example/base/posts/first.html');
    expect(entry!.baseUrl).toBe('https://blog.example/base/posts/');
  });
  it('treats type="text" as literal text and type="html" as markup', () => {
    expect(feed.title).toBe('Le Blog');
    expect(entry!.title).toBe('x < y');
    expect(entry!.dek).toBe('A <tag> in text');
  });
  it('keeps id, dates, label, inherited author and xml:lang', () => {
    expect(entry).toMatchObject({
      guid: 'tag:blog.example,2026:1',
      publishedAt: Date.parse('2026-11-01T07:00:00Z'),
      updatedAt: Date.parse('2026-11-02T10:00:00Z'),
      sections: ['Technologie'],
      author: 'Claire',
      language: 'fr',
    });
    expect(entry!.contentHtml).toContain('<p>Body</p>');
  });
});

describe('RSS 1.0 (RDF)', () => {
  it('reads items with Dublin Core dates and subjects', () => {
    const feed = parseXmlFeedText(RDF, 'https://old.example/index.rdf', 's3');
    expect(feed.format).toBe('rdf');
    expect(feed.items[0]).toMatchObject({
      title: 'Item A',
      url: 'https://old.example/a',
      guid: 'https://old.example/a',
      sections: ['History'],
      publishedAt: Date.parse('2004-05-06T07:08:09Z'),
      dek: 'About A',
    });
  });
});

describe('non-feeds', () => {
  const cases: Array<[string, RegExp]> = [
    ['<!DOCTYPE html><html><head><title>Home</title></head><body>hi</body></html>', /looks like an HTML page/],
    ['', /empty/],
    ['{"hello": "world"}', /JSON/],
    ['just some words', /not XML/],
    ['<note><to>you</to></note>', /neither RSS nor Atom/],
  ];
  it.each(cases)('refuses %j with a readable message', (body, message) => {
    expect(() => parseXmlFeedText(body, FEED_URL, 's')).toThrow(SourceParseError);
    expect(() => parseXmlFeedText(body, FEED_URL, 's')).toThrow(message);
  });
});
