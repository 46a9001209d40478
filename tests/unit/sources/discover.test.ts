// Protects autodiscovery and kind detection: pasting a site's address finds its feeds or its WordPress API.
import { describe, expect, it } from 'vitest';
import { detectKind } from '../../../src/sources/detect';
import { discoverFeeds, wordpressApiFromLinkHeader } from '../../../src/sources/discover';

const PAGE = `<!doctype html><html><head>
<link rel="stylesheet" href="/s.css">
<link rel="alternate" type="application/rss+xml" title="All stories" href="/feed/">
<link rel="alternate" type="application/atom+xml" href="https://other.example/atom.xml">
<link rel="alternate" type="application/feed+json" href="feed.json">
<link rel="alternate stylesheet" type="application/rss+xml" href="/not-a-feed">
<link rel="https://api.w.org/" href="https://news.example/wp-json/">
</head><body><a rel="alternate" href="/x">x</a></body></html>`;

describe('discoverFeeds', () => {
  const found = discoverFeeds(PAGE, 'https://news.example/section/page.html');
  it('finds feed links resolved against the page URL', () => {
    expect(found.feeds).toEqual([
      { url: 'https://news.example/feed/', kind: 'rss', title: 'All stories' },
      { url: 'https://other.example/atom.xml', kind: 'atom', title: null },
      { url: 'https://news.example/section/feed.json', kind: 'json-feed', title: null },
    ]);
  });
  it('finds the WordPress API root', () => {
    expect(found.wordpressApi).toBe('https://news.example/wp-json/');
  });
  it('finds nothing on a page without feeds', () => {
    expect(discoverFeeds('<p>hello</p>', 'https://a.example/')).toEqual({ feeds: [], wordpressApi: null });
  });
});

describe('wordpressApiFromLinkHeader', () => {
  it('reads the api.w.org relation among others', () => {
    const header = '<https://news.example/wp-json/>; rel="https://api.w.org/", <https://news.example/?p=1>; rel=shortlink';
    expect(wordpressApiFromLinkHeader(header)).toBe('https://news.example/wp-json/');
    expect(wordpressApiFromLinkHeader('<https://x.example/>; rel=shortlink')).toBeNull();
  });
});

describe('detectKind', () => {
  it.each([
    ['<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', 'rss'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', 'atom'],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>', 'rdf'],
    ['{"version":"https://jsonfeed.org/version/1.1","items":[]}', 'json-feed'],
    ['[{"id":1,"title":{"rendered":"x"}}]', 'wordpress'],
    ['<!DOCTYPE html><html><body>hi</body></html>', 'html'],
    ['random bytes', 'unknown'],
  ])('detects %j', (body, kind) => {
    expect(detectKind(body)).toBe(kind);
  });
});
