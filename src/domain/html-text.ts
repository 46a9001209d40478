// Plain text from untrusted article HTML, without a DOM (this runs in workers too).
import { Parser } from 'htmlparser2';

/** What derivation needs from an article body. */
export interface HtmlText {
  /** Visible text, blocks separated by blank lines. */
  text: string;
  /** Number of <img> elements (for read-time image seconds). */
  imageCount: number;
}

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'blockquote', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'pre', 'table', 'tr', 'br', 'hr',
]);
// Content of these elements is never read by a person.
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'object']);

/** Extracts readable text and counts images from an HTML fragment. */
export function htmlToText(html: string): HtmlText {
  const parts: string[] = [];
  let hiddenDepth = 0;
  let imageCount = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hiddenDepth++;
        else if (name === 'img' && hiddenDepth === 0) imageCount++;
        if (BLOCK.has(name)) parts.push('\n\n');
      },
      ontext(text) {
        if (hiddenDepth === 0) parts.push(text);
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        if (BLOCK.has(name)) parts.push('\n\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return { text: tidyWhitespace(parts.join('')), imageCount };
}

/** A whitespace run other than one plain space: only these need rewriting (most runs between words are one space). */
const UNTIDY_RUN = /[^\S ]\s*| \s+/g;

/**
 * Blocks separated by one blank line, each with its whitespace runs collapsed to one space, and no
 * whitespace at either end: a run holding two or more line breaks separates blocks. One pass that
 * touches only the runs to rewrite (splitting into blocks and collapsing each cost more than parsing).
 */
export function tidyWhitespace(text: string): string {
  return text.replace(UNTIDY_RUN, (run) => (run.indexOf('\n') !== run.lastIndexOf('\n') ? '\n\n' : ' ')).trim();
}

/** The first sentences of a text, cut at a word boundary near `max` characters. */
export function excerptOf(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('。'), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
  if (sentenceEnd > max * 0.5) return cut.slice(0, sentenceEnd + 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.5 ? space : max).trimEnd()}…`;
}
