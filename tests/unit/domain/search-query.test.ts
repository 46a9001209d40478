// Protects how a search box's text is read: whole words become terms, the word still being typed a
// prefix (from two letters), and stop words nothing.
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/domain/search-query';

describe('parseQuery', () => {
  it('treats the last word as a prefix while typing, not after a space', () => {
    expect(parseQuery('harbour barr')).toMatchObject({ terms: ['harbour'], prefix: 'barr' });
    expect(parseQuery('harbour barrier ').prefix).toBeNull();
  });
  it('ignores stop words and one-letter prefixes', () => {
    expect(parseQuery('the a').terms).toEqual([]);
    expect(parseQuery('the a').prefix).toBeNull();
  });
  it("keeps the typed word's own term beside its prefix, and each whole term once", () => {
    expect(parseQuery('flood floods barriers')).toEqual({ terms: ['flood'], prefix: 'barriers', prefixTerm: 'barrier' });
  });
});
