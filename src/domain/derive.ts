// Derivation at ingest: everything computed once from an item so that lists,
// read times and related stories never have to re-parse article HTML.
import { DEFAULT_SECTION, type Article, type ArticleInput } from './article';
import { articleId } from './ids';
import { excerptOf, htmlToText } from './html-text';
import { bodyShowsImage } from './lead-image';
import { countWords } from './word-count';
import { buildTermVector } from './term-vector';


/** Turns a normalized item into a stored article with plain text, counts and term vector. */
export function deriveArticle(input: ArticleInput, fetchedAt: number): Article {
  const title = input.title.trim();
  if (!title && !input.contentHtml.trim()) throw new Error(`item ${input.url || input.guid} has neither title nor content`);
  const { text, imageCount } = htmlToText(input.contentHtml);
  const dek = input.dek.trim();
  const sections = input.sections.map((s) => s.trim()).filter(Boolean);
  const guid = input.guid?.trim() || input.url;
  // Tokenizing the body first lets counting its words reuse the tokenizer's scan (word-segments.ts).
  const terms = buildTermVector({ title, dek, text, language: input.language });
  const counts = countWords(text, input.language);
  return {
    ...input,
    id: articleId(input.sourceId, input.guid, input.url),
    guid,
    title: title || excerptOf(text, 80),
    dek,
    sections,
    section: sections[0] ?? DEFAULT_SECTION,
    // Items without a date sort as "when we first saw them", not as 1970.
    publishedAt: input.publishedAt ?? input.updatedAt ?? fetchedAt,
    plainText: text,
    excerpt: dek || excerptOf(text),
    wordCount: counts.words,
    cjkCount: counts.cjk,
    // A lead image that the body does not repeat is still looked at.
    imageCount: imageCount + (input.imageUrl && !bodyShowsImage(input.contentHtml, input.imageUrl) ? 1 : 0),
    terms,
    fetchedAt,
  };
}
