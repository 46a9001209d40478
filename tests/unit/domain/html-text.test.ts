// Protects derivation from article HTML without a DOM: visible text only, entities decoded, images counted.
import { describe, expect, it } from 'vitest';
import { excerptOf, htmlToText } from '../../../src/domain/html-text';

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
