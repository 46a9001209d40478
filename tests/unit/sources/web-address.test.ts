// Protects what "Add a source" accepts: only http(s) addresses (a bare host name gets https://), so
// "not a url" or "ftp://…" are answered "That is not a web address", never sent to fetch (where they
// failed as a CORS refusal in Chromium, whose URL parser accepts "https://not a url").
import { describe, expect, it } from 'vitest';
import { findSource, type FetchedBody } from '../../../src/sources/find-source';
import { webAddress } from '../../../src/sources/web-address';

describe('webAddress', () => {
  it('keeps http(s) addresses and gives a bare host name https://', () => {
    expect(webAddress('https://example.com/feed.xml')).toBe('https://example.com/feed.xml');
    expect(webAddress('  HTTP://Example.com/feed ')).toBe('http://example.com/feed');
    expect(webAddress('example.com/feed')).toBe('https://example.com/feed');
    expect(webAddress('example.com:8080/feed')).toBe('https://example.com:8080/feed');
    expect(webAddress('localhost:4183/rss.xml')).toBe('https://localhost:4183/rss.xml');
    expect(webAddress('http://127.0.0.1:4183/rss.xml')).toBe('http://127.0.0.1:4183/rss.xml');
    expect(webAddress('http://[::1]:8080/')).toBe('http://[::1]:8080/');
    expect(webAddress('https://intranet/feed')).toBe('https://intranet/feed');
    expect(webAddress('bücher.example/feed')).toBe('https://xn--bcher-kva.example/feed');
  });

  it('refuses what is not a web address', () => {
    for (const input of [
      '', '   ', 'not a url', 'https://not a url', 'ftp://example.com/feed', 'javascript:alert(1)', 'mailto:a@example.com',
      'data:text/html,hi', 'file:///etc/passwd', 'news', 'https://exa mple.com/', 'https://',
    ]) {
      expect(webAddress(input), input).toBeNull();
    }
  });
});

describe('findSource', () => {
  it('answers "That is not a web address" without fetching anything', async () => {
    const fetched: string[] = [];
    const fetchBody = async (url: string): Promise<FetchedBody> => {
      fetched.push(url);
      throw new TypeError('Failed to fetch');
    };
    for (const input of ['not a url', 'ftp://example.com/feed', 'javascript:alert(1)', ' ']) {
      await expect(findSource(input, fetchBody), input).rejects.toThrow('That is not a web address.');
    }
    expect(fetched).toEqual([]);
  });
});
