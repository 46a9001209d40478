// The list a story was opened from travels in its URL; the same list is the same object, so cards
// given it keep equal props between renders and are not drawn again.
import { describe, expect, it } from 'vitest';
import { articleHref, HOME_CONTEXT, listContextParam, parseListContext, SAVED_CONTEXT, sectionContext } from '../../../../src/ui/models/list-context';

describe('list context', () => {
  it('round-trips through the `from` parameter', () => {
    for (const ctx of [HOME_CONTEXT, SAVED_CONTEXT, sectionContext('World'), sectionContext('Arts & Culture')]) {
      expect(parseListContext(listContextParam(ctx))).toEqual(ctx);
    }
    expect(parseListContext(undefined)).toEqual({ kind: 'home' });
    expect(parseListContext('nonsense')).toEqual({ kind: 'home' });
  });

  it('gives the same object for the same list', () => {
    expect(sectionContext('World')).toBe(sectionContext('World'));
    expect(parseListContext('section:World')).toBe(sectionContext('World'));
    expect(parseListContext('saved')).toBe(SAVED_CONTEXT);
    expect(parseListContext(undefined)).toBe(HOME_CONTEXT);
    expect(sectionContext('World')).not.toBe(sectionContext('Sport'));
  });

  it('builds article links that name the list only when it is not home', () => {
    expect(articleHref('a1')).toBe('/article/a1');
    expect(articleHref('a1', sectionContext('Arts & Culture'))).toBe('/article/a1?from=section%3AArts%20%26%20Culture');
  });
});
