// Protects the text repairs made before feedsmith parses a feed: they must fix what they target and
// leave every other byte alone (CDATA, comments, unrelated attributes), and stay bounded.
import { describe, expect, it } from 'vitest';
import { decodeBase64Modes, expandInternalEntities, unprefixUserlandRss, wrapBareRssItems } from '../../../src/sources/xml-repair';

describe('decodeBase64Modes', () => {
  it('decodes base64 text into escaped text and drops the mode attribute', () => {
    expect(decodeBase64Modes(`<title type="text/html" mode="base64">${btoa('<b>x</b> & y')}</title>`)).toBe(
      '<title type="text/html">&lt;b&gt;x&lt;/b&gt; &amp; y</title>',
    );
  });
  it('leaves content alone when it is not base64 of UTF-8 text', () => {
    const xml = '<title mode="base64">not base64!</title>';
    expect(decodeBase64Modes(xml)).toBe(xml);
  });
});

describe('expandInternalEntities', () => {
  it('expands declared entities outside CDATA only', () => {
    const xml = '<!DOCTYPE rss [<!ENTITY who "Ada">]><rss><a>&who;</a><b><![CDATA[&who;]]></b><c>&amp;&nbsp;</c></rss>';
    expect(expandInternalEntities(xml)).toBe('<!DOCTYPE rss [<!ENTITY who "Ada">]><rss><a>Ada</a><b><![CDATA[&who;]]></b><c>&amp;&nbsp;</c></rss>');
  });
  it('expands one level only, so nested entity bombs stay small', () => {
    const xml = '<!DOCTYPE r [<!ENTITY a "xx"><!ENTITY b "&a;&a;&a;">]><r>&b;</r>';
    expect(expandInternalEntities(xml)).toBe('<!DOCTYPE r [<!ENTITY a "xx"><!ENTITY b "&a;&a;&a;">]><r>&a;&a;&a;</r>');
  });
});

describe('unprefixUserlandRss and wrapBareRssItems', () => {
  it('drops only the prefix bound to the UserLand RSS namespace', () => {
    const xml = '<u:rss xmlns:u="http://backend.userland.com/rss2" xmlns:dc="http://purl.org/dc/elements/1.1/"><u:channel><dc:creator>A</dc:creator></u:channel></u:rss>';
    expect(unprefixUserlandRss(xml)).toBe(
      '<rss xmlns:u="http://backend.userland.com/rss2" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><dc:creator>A</dc:creator></channel></rss>',
    );
  });
  it('wraps channel-less items, and leaves documents with a channel alone', () => {
    expect(wrapBareRssItems('<rss version="0.91"><item/></rss>')).toBe('<rss version="0.91"><channel><item/></channel></rss>');
    expect(wrapBareRssItems('<rss><channel><item/></channel></rss>')).toBeNull();
  });
});
