// Text → index terms, shared by term vectors, search and highlighting so that
// all three agree on what a "word" is. Words are Unicode (UAX #29) word-like
// segments: see word-segments.ts.
import { stemmer } from 'stemmer';
import { primaryLanguage, stopWordsFor } from './stop-words';
import { eachLatinWord, wordSegments } from './word-segments';

/** One index term and the span of the source text it came from. */
export interface TokenSpan {
  term: string;
  /** The case-folded word before stop-word removal and stemming (prefix search matches it). */
  folded: string;
  start: number;
  end: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SINGLE_KANA = /^\p{Script=Hiragana}$/u;
const NUMBER_LIKE = /^[\p{N}.,'’:/-]+$/u;
const LATIN_WORD = /^\p{Script=Latin}+$/u;
const APOSTROPHES = /[’ʼ`´]/g;

const validLocales = new Map<string, string | undefined>();

/** A usable BCP 47 tag or undefined: invalid tags must not make tokenizing throw. */
function locale(lang: string | null | undefined): string | undefined {
  if (!lang) return undefined;
  if (!validLocales.has(lang)) {
    let tag: string | undefined;
    try {
      tag = Intl.getCanonicalLocales(lang)[0];
    } catch {
      tag = undefined;
    }
    validLocales.set(lang, tag);
  }
  return validLocales.get(lang);
}

/** What tokenizing in one language needs, resolved once per call rather than per word. */
interface LanguageContext {
  tag: string | undefined;
  stops: ReadonlySet<string>;
  /** English stemming applies to English and to text of unknown language. */
  stemEnglish: boolean;
  /** ASCII words fold by plain toLowerCase: true except in Turkish and Azeri, where "I" lowers to "ı". */
  asciiFolds: boolean;
}

function contextFor(lang: string | null | undefined): LanguageContext {
  // An invalid tag says nothing about the language: treat the text as of unknown language.
  const tag = locale(lang);
  const primary = primaryLanguage(tag);
  return {
    tag,
    stops: stopWordsFor(tag),
    stemEnglish: primary === null || primary === 'en',
    asciiFolds: primary !== 'tr' && primary !== 'az',
  };
}

function fold(word: string, tag: string | undefined): string {
  return word.normalize('NFKC').toLocaleLowerCase(tag).replace(APOSTROPHES, "'");
}

/** True when every character of `word` is ASCII: NFKC leaves it alone and only "'" can be an apostrophe. */
function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** True for a non-empty run of a-z (what LATIN_WORD matches, for an ASCII word). */
function isAsciiLetters(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return word.length > 0;
}

/** True when an ASCII word holds no letter, i.e. NUMBER_LIKE (digits and . , ' : / -) once its other characters are ruled out. */
function isAsciiNumberLike(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c || c === 0x27 || c === 0x3a || c === 0x2f || c === 0x2d)) return false;
  }
  return word.length > 0;
}

function termIn(folded: string, ctx: LanguageContext): string | null {
  if (ctx.stops.has(folded)) return null;
  // Most news words are plain ASCII: the same rules as below without the Unicode regular expressions
  // (a 10,000-story sync tokenizes six million words).
  if (isAscii(folded)) return asciiTermIn(folded, ctx);
  // "BA's" and "BA" are the same subject; other apostrophes ("o'neill") just join.
  let word = folded.endsWith("'s") ? folded.slice(0, -2) : folded;
  if (word.includes("'")) word = word.replace(/'/g, '');
  if (word.length === 0 || ctx.stops.has(word) || NUMBER_LIKE.test(word)) return null;
  if (CJK.test(word)) return SINGLE_KANA.test(word) ? null : word; // lone hiragana are particles
  if (word.length < 2 || (word.length === 2 && word.codePointAt(0)! > 0xffff)) return null;
  if (ctx.stemEnglish && LATIN_WORD.test(word)) return stem(word);
  return word;
}

/** termIn for an ASCII word: identical results, cheaper tests. */
function asciiTermIn(folded: string, ctx: LanguageContext): string | null {
  let word = folded.endsWith("'s") ? folded.slice(0, -2) : folded;
  if (word.includes("'")) word = word.replace(/'/g, '');
  if (word.length === 0 || ctx.stops.has(word) || isAsciiNumberLike(word)) return null;
  if (word.length < 2) return null;
  if (ctx.stemEnglish && isAsciiLetters(word)) return stem(word);
  return word;
}

// Porter stemming is most of the tokenizer's time, and news repeats its words: remember stems.
const STEM_CACHE_SIZE = 20_000;
const stems = new Map<string, string>();

function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    if (stems.size >= STEM_CACHE_SIZE) stems.clear();
    stemmed = stemmer(word);
    stems.set(word, stemmed);
  }
  return stemmed;
}

/** Case-folds one word the same way everywhere (NFKC, locale-aware lower case, straight apostrophes). */
export function foldWord(word: string, lang?: string | null): string {
  return fold(word, locale(lang));
}

/** Turns one folded word into an index term, or null when it carries no meaning (stop word, number, lone letter). */
export function termOf(folded: string, lang?: string | null): string | null {
  return termIn(folded, contextFor(lang));
}

// Thrown through the scanner to stop it early (the scanners have no way out of their loop).
const STOP = Symbol('stop');

/** Visits a text's index terms with their spans, in text order, until `visit` returns false (a snippet needs only the first match's stretch). */
export function eachTokenSpan(text: string, language: string | null | undefined, visit: (span: TokenSpan) => boolean | void): void {
  try {
    eachTerm(text, language, (term, folded, start, end) => {
      if (visit({ term, folded, start, end }) === false) throw STOP;
    });
  } catch (err) {
    if (err !== STOP) throw err;
  }
}

/** Index terms of a text with their source spans, in text order. */
export function tokenSpans(text: string, language?: string | null): TokenSpan[] {
  const spans: TokenSpan[] = [];
  eachTokenSpan(text, language, (span) => void spans.push(span));
  return spans;
}

/** Index terms of a text, in text order (repeats kept, so callers can count them). */
export function tokenize(text: string, language?: string | null): string[] {
  const terms: string[] = [];
  eachTerm(text, language, (term) => terms.push(term), false);
  return terms;
}

// News repeats its words: an ASCII word's term (or null for a stop word) is remembered per language
// context, so most words cost one lookup instead of folding, rule checks and stemming. Keyed by the
// stop-word set too, so registering a language's list starts a fresh cache.
const WORD_CACHE_SIZE = 50_000;

/** A term as the word cache holds it: every word that gives the term shares one, so counting terms needs no map of its own. */
interface CachedTerm {
  name: string;
  /** Running count in the countTerms call numbered `round` (stale otherwise). */
  count: number;
  round: number;
}

interface WordCache {
  words: Map<string, CachedTerm | null>;
  /** The one CachedTerm per term name. */
  terms: Map<string, CachedTerm>;
}

const wordCaches = new WeakMap<ReadonlySet<string>, Map<string, WordCache>>();

function wordCacheFor(ctx: LanguageContext): WordCache {
  let byTag = wordCaches.get(ctx.stops);
  if (!byTag) wordCaches.set(ctx.stops, (byTag = new Map()));
  const key = `${ctx.tag ?? ''}|${ctx.stemEnglish}`;
  let cache = byTag.get(key);
  if (!cache) byTag.set(key, (cache = { words: new Map(), terms: new Map() }));
  return cache;
}

// While countTerms runs, its CachedTerms must stay the only ones of their names: the cache is not
// emptied in the middle of it (it may outgrow its size by one count's words).
let counting = false;

/** Empties a full cache, except in the middle of a count. */
function trimCache(cache: WordCache): void {
  if (counting || cache.words.size < WORD_CACHE_SIZE) return;
  cache.words.clear();
  cache.terms.clear();
}

/** The cache's entry for a term name (stop words are null). */
function cachedTerm(cache: WordCache, name: string | null): CachedTerm | null {
  if (name === null) return null;
  let term = cache.terms.get(name);
  if (term === undefined) cache.terms.set(name, (term = { name, count: 0, round: 0 }));
  return term;
}

/**
 * Calls `visit` for each term in text order, with its cache entry when the word went through the
 * cache (null otherwise); `folded` is '' when `wantFolded` is false (saves a string per word).
 */
function eachTerm(
  text: string,
  language: string | null | undefined,
  visit: (term: string, folded: string, start: number, end: number, cached: CachedTerm | null) => void,
  wantFolded = true,
): void {
  if (typeof text !== 'string') throw new TypeError('tokenize: text must be a string');
  const ctx = contextFor(language);
  const cache = ctx.asciiFolds ? wordCacheFor(ctx) : null;
  if (cache) trimCache(cache);
  const one = (word: string, start: number) => {
    if (cache && isAscii(word)) {
      let term = cache.words.get(word);
      const folded = wantFolded || term === undefined ? word.toLowerCase() : '';
      if (term === undefined) cache.words.set(word, (term = cachedTerm(cache, termIn(folded, ctx))));
      if (term !== null) visit(term.name, folded, start, start + word.length, term);
      return;
    }
    const folded = fold(word, ctx.tag);
    const term = termIn(folded, ctx);
    if (term !== null) visit(term, folded, start, start + word.length, null);
  };
  // Plain Latin text in English (or no stated language): spans straight from the scanner, no segment objects.
  if (ctx.stemEnglish && eachLatinWord(text, (start, end) => one(text.slice(start, end), start))) return;
  for (const segment of wordSegments(text, ctx.tag, ctx.stemEnglish)) one(segment.segment, segment.index);
}

let round = 0;

/**
 * Weighted term counts of several texts in one language (terms once each, in no particular order):
 * what a term vector is made from. Most words count straight onto their cache entry, so a body's
 * six hundred words cost no map updates of their own.
 */
export function countTerms(
  fields: ReadonlyArray<{ text: string | undefined; weight: number }>,
  language: string | null | undefined,
): { terms: string[]; counts: number[] } {
  const r = ++round;
  const counted: CachedTerm[] = [];
  // Terms of words the cache does not take (not ASCII, or a language that folds "I" its own way).
  const loose = new Map<string, number>();
  const ctx = contextFor(language);
  const cache = ctx.asciiFolds ? wordCacheFor(ctx) : null;
  if (cache) trimCache(cache);
  counting = true;
  try {
    for (const { text, weight } of fields) {
      if (!text) continue;
      eachTerm(
        text,
        language,
        (name, _folded, _start, _end, term) => {
          if (term === null) loose.set(name, (loose.get(name) ?? 0) + weight);
          else if (term.round === r) term.count += weight;
          else {
            term.round = r;
            term.count = weight;
            counted.push(term);
          }
        },
        false,
      );
    }
  } finally {
    counting = false;
  }
  for (const [name, count] of loose) {
    // "Obama’s" (a curly apostrophe) is not ASCII but gives the same term as "Obama".
    const same = cache?.terms.get(name);
    if (same === undefined || same.round !== r) continue;
    same.count += count;
    loose.delete(name);
  }
  return { terms: [...counted.map((t) => t.name), ...loose.keys()], counts: [...counted.map((t) => t.count), ...loose.values()] };
}
