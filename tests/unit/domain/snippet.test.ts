// Protects a search result's snippet: the body around its first match, cut at word boundaries with
// ellipses, every match inside it marked at the right place, and nothing when the body does not match.
import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../../src/domain/highlight';
import { snippetOf } from '../../../src/domain/snippet';

// The snippet by its definition, scanning everything: the window around the first match in the
// whole body, and the marks of the window's own text (a highlight is cut where the window ends).
function reference(text: string, query: string, context: number) {
  const first = highlightRanges(text, query, 'en')[0];
  if (!first) return null;
  const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, first[0] - context)) + 1);
  const after = text.indexOf(' ', first[1] + context);
  const end = after === -1 ? text.length : after;
  const ranges = highlightRanges(text.slice(0, end), query, 'en');
  const lead = start > 0 ? 1 : 0;
  return {
    text: `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`,
    ranges: ranges.filter(([a]) => a >= start).map(([a, b]) => [a - start + lead, b - start + lead]),
  };
}

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

  it('gives the same window and marks as marking the whole body first, though it stops scanning after the window', () => {
    const words = ['harbour', 'wall', 'floods', 'flooding', 'the', 'tidal', 'barrier', 'Barrier’s', 'council', 'levy', '2026', 'a', 'kestrel', 'ferries'];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 5 + Math.floor(random() * 200) }, () => words[Math.floor(random() * words.length)]).join(random() < 0.5 ? ' ' : ', ');
      const query = ['flood', 'tidal barrier', 'harb', 'kestrel wall', 'ferry', 'barr', 'levy council'][i % 7]!;
      const context = [10, 40, 90][i % 3]!;
      expect(snippetOf(text, query, 'en', context)).toEqual(reference(text, query, context));
    }
  });

  it('is null when only the title or standfirst matched, not the body', () => {
    expect(snippetOf('Nothing about birds here.', 'kestrel', 'en')).toBeNull();
    expect(snippetOf('', 'kestrel', 'en')).toBeNull();
  });
});
