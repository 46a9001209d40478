// Protects byte decoding: a feed in any common charset reaches the reader as the right characters.
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBody } from '../../../src/sources/decode';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

function utf16(s: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < s.length; i++) view.setUint16(i * 2, s.charCodeAt(i), littleEndian);
  return out;
}

function utf32(s: string, littleEndian: boolean): Uint8Array {
  const cps = [...s].map((c) => c.codePointAt(0)!);
  const out = new Uint8Array(cps.length * 4);
  const view = new DataView(out.buffer);
  cps.forEach((cp, i) => view.setUint32(i * 4, cp, littleEndian));
  return out;
}

describe('decodeBody', () => {
  it('honours a UTF-8 BOM and strips it', () => {
    const d = decodeBody(concat(Uint8Array.of(0xef, 0xbb, 0xbf), new TextEncoder().encode('<rss>café</rss>')));
    expect(d).toMatchObject({ text: '<rss>café</rss>', encoding: 'utf-8', from: 'bom' });
  });
  it('uses the HTTP charset over the XML declaration', () => {
    const d = decodeBody(concat(ascii('<?xml version="1.0" encoding="utf-8"?><t>'), Uint8Array.of(0xe9), ascii('</t>')), 'text/xml; charset="ISO-8859-1"');
    expect(d.text).toContain('<t>é</t>');
    expect(d.from).toBe('http');
  });
  it('reads windows-1252 smart quotes from the XML declaration', () => {
    const d = decodeBody(concat(ascii("<?xml version='1.0' encoding='windows-1252'?><t>"), Uint8Array.of(0x93, 0x68, 0x69, 0x94), ascii('</t>')));
    expect(d.text).toContain('<t>“hi”</t>');
    expect(d.from).toBe('xml-declaration');
  });
  it('decodes Big5 and EUC-KR declared in the prolog', () => {
    const big5 = decodeBody(concat(ascii('<?xml version="1.0" encoding="big5"?><t>'), Uint8Array.of(0xa4, 0xa4), ascii('</t>')));
    expect(big5.text).toContain('<t>中</t>');
    const kr = decodeBody(concat(ascii('<?xml version="1.0" encoding="euc-kr"?><t>'), Uint8Array.of(0xc7, 0xd1), ascii('</t>')));
    expect(kr.text).toContain('<t>한</t>');
  });
  it('detects UTF-16 without a BOM from the <?xml byte pattern', () => {
    const xml = '<?xml version="1.0" encoding="utf-16"?><t>Ω</t>';
    expect(decodeBody(utf16(xml, true)).text).toBe(xml);
    expect(decodeBody(utf16(xml, false)).text).toBe(xml);
  });
  it('decodes UTF-16 with a BOM', () => {
    expect(decodeBody(concat(Uint8Array.of(0xff, 0xfe), utf16('<t>ü</t>', true))).text).toBe('<t>ü</t>');
  });
  it('decodes UTF-32 by hand, with and without BOM, including astral characters', () => {
    const xml = '<?xml version="1.0" encoding="utf-32"?><t>😀</t>';
    expect(decodeBody(utf32(xml, false)).text).toBe(xml);
    expect(decodeBody(concat(Uint8Array.of(0xff, 0xfe, 0, 0), utf32('<t>x</t>', true))).text).toBe('<t>x</t>');
  });
  it('reads <meta charset> in HTML', () => {
    const d = decodeBody(concat(ascii('<html><head><meta charset="windows-1251"></head><p>'), Uint8Array.of(0xcf), ascii('</p>')));
    expect(d.text).toContain('<p>П</p>');
  });
  it('falls back to UTF-8 on an unknown label without throwing', () => {
    const d = decodeBody(new TextEncoder().encode('<?xml version="1.0" encoding="x-klingon"?><t>é</t>'), 'text/xml; charset=bogus');
    expect(d).toMatchObject({ encoding: 'utf-8', from: 'default' });
    expect(d.text).toContain('<t>é</t>');
  });
});

describe('charsetFromContentType', () => {
  it('unquotes and ignores other parameters', () => {
    expect(charsetFromContentType("application/rss+xml;charset= 'us-ascii'")).toBe('us-ascii');
    expect(charsetFromContentType('text/xml; qs=0.9')).toBeNull();
  });
});
