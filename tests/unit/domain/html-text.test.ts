// Protects derivation from article HTML without a DOM: visible text only, entities decoded, images counted.
import { describe, expect, it } from 'vitest';
import { excerptOf, htmlToText, tidyWhitespace } from '../../../src/domain/html-text';

describe('htmlToText', () => {
  it('keeps paragraphs apart and decodes entities', () => {
    const { text } = htmlToText('<p>Fish &amp; chips</p><p>Caf&eacute; <b>open</b></p>');
    expect(text).toBe('Fish & chips\n\nCafé open');
  });
  it('drops script, style and other invisible content', () => {
    const { text } = htmlToText('<p>Seen</p><script>alert(1)</script><style>p{}</style><template>x</template>');
    expect(text).toBe('Seen');
  });
  it('counts images in the body', () => {
    expect(htmlToText('<figure><img src="a.png"></figure><p>x<img src="b.png"></p>').imageCount).toBe(2);
  });
  it('survives broken markup', () => {
    expect(htmlToText('<p>Unclosed <b>bold <i>and').text).toBe('Unclosed bold and');
  });
});

describe('tidyWhitespace', () => {
  // The definition it must keep: blocks split at a run with two line breaks, each collapsed and trimmed, empties dropped.
  const reference = (text: string) =>
    text
      .split(/\n\s*\n/)
      .map((block) => block.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n\n');

  it('separates blocks at blank lines and collapses other runs', () => {
    expect(tidyWhitespace('  One\t two \n three\n \n\u00a0\nFour  ')).toBe('One two three\n\nFour');
    expect(tidyWhitespace('\n\n\n')).toBe('');
    expect(tidyWhitespace('a b')).toBe('a b');
  });

  it('agrees with the split-and-collapse definition on random whitespace-heavy text', () => {
    const alphabet = ['a', 'b', ' ', '\n', '\t', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2028', '\u2029', '\u202f', '\u3000', '\ufeff', '\u200b', '\u0085', '\n\n', 'x y'];
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 20000; k++) {
      let text = '';
      const length = Math.floor(random() * 16);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(tidyWhitespace(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});

describe('excerptOf', () => {
  it('returns short text whole', () => {
    expect(excerptOf('A short story.')).toBe('A short story.');
  });
  it('cuts long text at a sentence or word boundary', () => {
    const long = 'First sentence is here. ' + 'word '.repeat(100);
    const ex = excerptOf(long, 60);
    expect(ex.length).toBeLessThanOrEqual(61);
    expect(ex === 'First sentence is here.' || ex.endsWith('…')).toBe(true);
  });
});
