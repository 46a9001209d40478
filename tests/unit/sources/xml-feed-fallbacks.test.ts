// Protects how real-world RSS/Atom quirks still reach the reader: Atom 0.3 base64, Atom elements inside
// RSS items, item elements feedsmith does not read, channel-less RSS, DTD entities, and the
// Content-Location / Content-Language headers sync passes in.
import { describe, expect, it } from 'vitest';
import { parseXmlFeedText } from '../../../src/sources/xml-feed';

const URL_ = 'https://wire.example/feed.xml';
const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));

describe('Atom 0.3 and binary text', () => {
  const feed = parseXmlFeedText(
    `<feed version="0.3" xmlns="http://purl.org/atom/ns#">
      <title type="text/html" mode="base64">${b64('Harbour <b>Notes</b>')}</title>
      <entry>
        <title mode="base64" type="text/plain">${b64('Tide tables, revisée')}</title>
        <id>/notes/1</id>
        <modified>2026-03-04T05:06:07Z</modified>
        <content type="text/html" mode="base64">${b64('<p>High water at <em>noon</em>.</p>')}</content>
      </entry>
    </feed>`,
    URL_,
    's',
  );
  const [entry] = feed.items;
  it('decodes mode="base64" titles and bodies', () => {
    expect(feed.title).toBe('Harbour Notes');
    expect(entry!.title).toBe('Tide tables, revisée');
    expect(entry!.contentHtml).toBe('<p>High water at <em>noon</em>.</p>');
  });
  it('resolves a path-like id against the document and dates an entry by its only date', () => {
    expect(entry!.guid).toBe('https://wire.example/notes/1');
    expect(entry!.publishedAt).toBe(Date.parse('2026-03-04T05:06:07Z'));
  });
  it('keeps a title with an unknown media type as the text it is', () => {
    const atom = parseXmlFeedText(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="application/x-note">test</title><id>opaque</id></entry></feed>`,
      URL_,
      's',
    );
    expect(atom.items[0]).toMatchObject({ title: 'test', guid: 'opaque' });
  });
});

describe('RSS items with Atom and other elements', () => {
  const feed = parseXmlFeedText(
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"
          xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:x="http://www.w3.org/1999/xhtml">
      <channel><title>Wire</title><atom:link rel="alternate" href="https://wire.example/"/>
        <item>
          <title>Harbour reopens</title>
          <atom:link rel="alternate" href="/harbour"/>
          <atom:content type="html">&lt;p&gt;Ships are back.&lt;/p&gt;</atom:content>
          <atom:author><atom:name>Ines Duarte</atom:name></atom:author>
          <atom:published>2026-05-01T10:00:00Z</atom:published>
        </item>
        <item>
          <x:body><x:p>Full text from <x:b>XHTML</x:b>.</x:p></x:body>
          <dc:author>Ola Berg (ola@wire.example)</dc:author>
          <itunes:category text="News"><itunes:category text="Politics"/></itunes:category>
        </item>
        <item><title>Third</title><link>https://wire.example/3</link></item>
      </channel>
    </rss>`,
    URL_,
    's',
  );
  const [first, second, third] = feed.items;
  it('uses the channel atom:link when there is no <link>', () => {
    expect(feed.homeUrl).toBe('https://wire.example/');
  });
  it('falls back to atom:link, atom:content, atom:author and atom:published', () => {
    expect(first).toMatchObject({
      url: 'https://wire.example/harbour',
      contentHtml: '<p>Ships are back.</p>',
      author: 'Ines Duarte',
      publishedAt: Date.parse('2026-05-01T10:00:00Z'),
    });
  });
  it('keeps an item made only of elements feedsmith skips, in its place', () => {
    expect(feed.items).toHaveLength(3);
    expect(second!.contentHtml).toBe('<p>Full text from <b>XHTML</b>.</p>');
    expect(second!.author).toBe('Ola Berg');
    expect(second!.sections).toEqual(['News', 'Politics']);
    expect(third!.title).toBe('Third');
  });
});

describe('odd but well-formed documents', () => {
  it('reads RSS 0.9x items that sit outside a <channel>', () => {
    const feed = parseXmlFeedText('<rss version="0.91"><item><title>Bare</title><description>Old style</description></item></rss>', URL_, 's');
    expect(feed.items[0]).toMatchObject({ title: 'Bare', dek: 'Old style' });
  });
  it('expands entities declared in the document type', () => {
    const feed = parseXmlFeedText(
      `<!DOCTYPE rss [<!ENTITY site "tag:wire.example,2026:">]>
      <rss version="2.0"><channel><title>W</title><item><title>A</title><guid>&site;a</guid></item></channel></rss>`,
      URL_,
      's',
    );
    expect(feed.items[0]!.guid).toBe('tag:wire.example,2026:a');
  });
  it('reads RSS 2.0 written with a prefix for the UserLand namespace', () => {
    const feed = parseXmlFeedText(
      `<r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2"><r:channel><r:title>Prefixed</r:title>
        <r:item><r:title>One</r:title></r:item></r:channel></r:rss>`,
      URL_,
      's',
    );
    expect(feed.title).toBe('Prefixed');
    expect(feed.items[0]!.title).toBe('One');
  });
  it('strips control characters a feed should not contain from titles', () => {
    const feed = parseXmlFeedText('<rss version="2.0"><channel><item><title>ab\bcd</title></item></channel></rss>', URL_, 's');
    expect(feed.items[0]!.title).toBe('abcd');
  });
  it('gives an empty but well-formed feed zero items instead of an error', () => {
    const feed = parseXmlFeedText('<feed version="0.3" xmlns="http://purl.org/atom/ns#"></feed>', URL_, 's');
    expect(feed).toMatchObject({ format: 'atom', items: [] });
  });
});

describe('response headers', () => {
  const xml = '<rss version="2.0"><channel><title>H</title><link>/home</link><item><title>I</title><link>story</link></item></channel></rss>';
  it('resolves relative links against Content-Location, itself relative to the fetched URL', () => {
    const feed = parseXmlFeedText(xml, 'https://wire.example/feeds/all.xml', 's', undefined, { contentLocation: '/archive/' });
    expect(feed.homeUrl).toBe('https://wire.example/home');
    expect(feed.items[0]!.url).toBe('https://wire.example/archive/story');
  });
  it('ignores a Content-Location that is not http(s)', () => {
    const feed = parseXmlFeedText(xml, 'https://wire.example/feeds/all.xml', 's', undefined, { contentLocation: 'javascript:alert(1)' });
    expect(feed.items[0]!.url).toBe('https://wire.example/feeds/story');
  });
  it('takes the language from Content-Language only when the feed names none', () => {
    expect(parseXmlFeedText(xml, URL_, 's', undefined, { contentLanguage: 'de, en' }).language).toBe('de');
    const own = xml.replace('<title>H</title>', '<title>H</title><language>fr</language>');
    expect(parseXmlFeedText(own, URL_, 's', undefined, { contentLanguage: 'de' }).language).toBe('fr');
  });
});
