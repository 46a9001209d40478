// Protects a search result's snippet: the body around its first match, cut at word boundaries with
// ellipses, every match inside it marked at the right place, and nothing when the body does not match.
import { describe, expect, it } from 'vitest';
import { snippetOf } from '../../../src/domain/snippet';

const marked = (s: { text: string; ranges: Array<[number, number]> }) => s.ranges.map(([a, b]) => s.text.slice(a, b));

describe('snippetOf', () => {
  it('keeps a short body whole, marking each match (stemmed, and a prefix being typed)', () => {
    const s = snippetOf('Floods closed the harbour wall; flooding went on.', 'flood harb', 'en')!;
    expect(s.text).toBe('Floods closed the harbour wall; flooding went on.');
    expect(marked(s)).toEqual(['Floods', 'harbour', 'flooding']);
  });

  it('cuts a long body to the words around the first match, with ellipses, and shifts the marks into the window', () => {
    const filler = (n: number, w: string) => Array.from({ length: n }, () => w).join(' ');
    const text = `${filler(60, 'alpha')} the kestrel nested ${filler(60, 'omega')} kestrel again`;
    const s = snippetOf(text, 'kestrel', 'en', 20)!;
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.text).toContain('the kestrel nested');
    expect(s.text.length).toBeLessThan(60);
    // Words are never cut in half at either end.
    expect(s.text.slice(1, -1).split(' ').every((w) => ['alpha', 'omega', 'the', 'kestrel', 'nested'].includes(w))).toBe(true);
    expect(marked(s)).toEqual(['kestrel']);
  });

  it('is null when only the title or standfirst matched, not the body', () => {
    expect(snippetOf('Nothing about birds here.', 'kestrel', 'en')).toBeNull();
    expect(snippetOf('', 'kestrel', 'en')).toBeNull();
  });
});
