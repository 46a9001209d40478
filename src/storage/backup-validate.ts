// Hand-written validators for backup records. A backup is untrusted input (it may be damaged,
// edited or hostile), so every field of every record is checked before anything is written, and
// each refusal says what is wrong and where, in the reader's words.
import type { Article, TermVector } from '../domain/article';
import { MAX_WPM, MIN_WPM, type ReadSample } from '../domain/reading-speed';
import type { RetentionLimits, Source, SourceKind, SourceStatus } from '../domain/source';
import type { ReadingProgress, ReadingState } from './schema';

/** A backup Broadsheet refuses; the message is written for the reader. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** Size limits: generous for real data, small enough that a hostile file cannot exhaust memory or storage. */
export const LIMITS = {
  /** Bytes of the file; a string's length in UTF-16 units never exceeds its UTF-8 size, so it is checked against this too. */
  fileBytes: 200 * 1024 * 1024,
  stringChars: 5 * 1024 * 1024,
  titleChars: 1_000,
  idChars: 200,
  urlChars: 8_192,
  /** Names, authors, sections, HTTP validators, setting keys. */
  labelChars: 10_000,
  records: 500_000,
  sources: 10_000,
  metaEntries: 1_000,
  /** Sections of an article, terms of a vector, read samples. */
  listItems: 1_000,
  metaDepth: 32,
} as const;

/** The address of the built-in "Saved pages" source (kind 'page'), the one non-web URL a source may have. */
export const SAVED_PAGES_URL = 'about:saved-pages';

/** Throws the reader-facing refusal for a damaged backup. */
export function damaged(detail: string): never {
  throw new BackupError(`This backup is damaged: ${detail}`);
}

/** Checks one value and returns it typed; `what` names it for the reader ("article 12's title"). */
export type Check<T> = (value: unknown, what: string) => T;

interface Field<T> {
  label: string;
  check: Check<T>;
  optional?: true;
}
type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];
/** One checker per field of T: adding a field to a stored type fails to compile until it is validated here too. */
type Fields<T> = {
  [K in keyof T]-?: K extends OptionalKeys<T> ? Field<Exclude<T[K], undefined>> & { optional: true } : Field<T[K]>;
};

const of = (where: string, label: string) => (where.includes("'s ") ? `${where} ${label}` : `${where}'s ${label}`);
const plural = (n: number) => n.toLocaleString('en');

/** Text of at most `max` characters. */
export const text = (max: number): Check<string> => (v, what) => {
  if (typeof v !== 'string') damaged(`${what} is not text.`);
  if (v.length > max) damaged(`${what} is longer than ${plural(max)} characters.`);
  return v;
};

/** Non-empty text of at most `max` characters (ids and keys). */
export const name = (max: number): Check<string> => (v, what) => {
  const s = text(max)(v, what);
  if (!s) damaged(`${what} is empty.`);
  return s;
};

/** True for absolute http(s) URLs, judged by the same parser the browser uses for links. */
export function isWebUrl(s: string): boolean {
  if (!URL.canParse(s)) return false;
  const protocol = new URL(s).protocol;
  return protocol === 'http:' || protocol === 'https:';
}

/** An absolute http(s) address: no javascript:, data: or other schemes. */
export const webUrl: Check<string> = (v, what) => {
  const s = name(LIMITS.urlChars)(v, what);
  if (!isWebUrl(s)) damaged(`${what} is not an http or https address.`);
  return s;
};

/** A finite number within [min, max]. */
export const number = (min = -Number.MAX_VALUE, max = Number.MAX_VALUE): Check<number> => (v, what) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) damaged(`${what} is not a number.`);
  if (v < min || v > max) damaged(`${what} is out of range (${v}).`);
  return v;
};

/** A whole number from 0 up to `max`. */
export const count = (max = 1e9, min = 0): Check<number> => (v, what) => {
  if (typeof v !== 'number' || !Number.isInteger(v)) damaged(`${what} is not a whole number.`);
  if (v < min || v > max) damaged(`${what} is out of range (${v}).`);
  return v;
};

/** A moment as epoch milliseconds, within the range a Date can hold. */
export const time: Check<number> = (v, what) => {
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 8.64e15) damaged(`${what} is not a valid date.`);
  return v;
};

/** true or false. */
export const bool: Check<boolean> = (v, what) => {
  if (typeof v !== 'boolean') damaged(`${what} is not true or false.`);
  return v;
};

/** The check, or null. */
export const nullable = <T>(check: Check<T>): Check<T | null> => (v, what) => (v === null ? null : check(v, what));

/** One of a fixed set of words; the set is a record so that a new union member must be listed. */
export const oneOf = <T extends string>(allowed: Record<T, true>): Check<T> => (v, what) => {
  if (typeof v !== 'string' || !Object.hasOwn(allowed, v)) damaged(`${what} is not one of ${Object.keys(allowed).join(', ')}.`);
  return v as T;
};

/** A list of at most `max` items, each checked. */
export const list = <T>(item: Check<T>, max: number): Check<T[]> => (v, what) => {
  if (!Array.isArray(v)) damaged(`${what} is not a list.`);
  if (v.length > max) damaged(`${what} has more than ${plural(max)} entries.`);
  return v.map((x, i) => item(x, `${what} entry ${i + 1}`));
};

/** A record with exactly these fields: unknown fields are refused, and the result is rebuilt from checked values only. */
export function record<T>(fields: Fields<T>): Check<T> {
  const entries = Object.entries(fields) as Array<[string, Field<unknown>]>;
  return (v, where) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) damaged(`${where} is not a record.`);
    const input = v as Record<string, unknown>;
    for (const key of Object.keys(input)) {
      if (!Object.hasOwn(fields, key)) damaged(`${where} has an unknown field “${key.slice(0, 40)}”.`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, field] of entries) {
      if (input[key] === undefined) {
        if (field.optional) continue;
        damaged(`${where} has no ${field.label}.`);
      }
      out[key] = field.check(input[key], of(where, field.label));
    }
    return out as T;
  };
}

/** Any JSON value nested at most `depth` levels (settings Broadsheet does not know field by field). */
export const plainJson = (depth: number = LIMITS.metaDepth): Check<unknown> => (v, what) => {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return number()(v, what);
  if (depth <= 0) damaged(`${what} is nested too deeply.`);
  if (Array.isArray(v)) return list(plainJson(depth - 1), LIMITS.records)(v, what);
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(v)) out[key] = plainJson(depth - 1)(inner, `${what} “${key.slice(0, 40)}”`);
    return out;
  }
  return damaged(`${what} is not plain data.`);
};

const termVector: Check<TermVector> = (v, what) => {
  const vector = record<TermVector>({
    terms: { label: 'terms', check: list(name(LIMITS.labelChars), LIMITS.listItems) },
    weights: { label: 'weights', check: list(number(Number.MIN_VALUE), LIMITS.listItems) },
  })(v, what);
  if (vector.terms.length !== vector.weights.length) {
    damaged(`${what} has ${vector.terms.length} terms but ${vector.weights.length} weights.`);
  }
  // Related stories merge vectors by walking them in order, so order is part of the contract.
  for (let i = 1; i < vector.terms.length; i++) {
    if (!(vector.terms[i - 1]! < vector.terms[i]!)) damaged(`${what} terms are not in sorted order.`);
  }
  return vector;
};

/** One stored article, every field including the derived ones. */
export const article: Check<Article> = record<Article>({
  id: { label: 'id', check: name(LIMITS.idChars) },
  sourceId: { label: 'source id', check: name(LIMITS.idChars) },
  guid: { label: 'guid', check: text(LIMITS.urlChars) },
  url: { label: 'web address', check: webUrl },
  title: { label: 'title', check: text(LIMITS.titleChars) },
  dek: { label: 'standfirst', check: text(LIMITS.stringChars) },
  author: { label: 'author', check: nullable(text(LIMITS.labelChars)) },
  sections: { label: 'sections', check: list(text(LIMITS.labelChars), LIMITS.listItems) },
  publishedAt: { label: 'publication date', check: time },
  updatedAt: { label: 'update date', check: nullable(time) },
  contentHtml: { label: 'body', check: text(LIMITS.stringChars) },
  baseUrl: { label: 'base address', check: webUrl },
  imageUrl: { label: 'image address', check: nullable(webUrl) },
  language: { label: 'language', check: nullable(text(100)) },
  section: { label: 'section', check: text(LIMITS.labelChars) },
  plainText: { label: 'plain text', check: text(LIMITS.stringChars) },
  excerpt: { label: 'excerpt', check: text(LIMITS.stringChars) },
  wordCount: { label: 'word count', check: count() },
  cjkCount: { label: 'CJK character count', check: count() },
  imageCount: { label: 'image count', check: count() },
  terms: { label: 'term vector', check: termVector },
  fetchedAt: { label: 'download date', check: time },
});

/** One article's reader state (read, saved, where the reader stopped). */
export const readingState: Check<ReadingState> = record<ReadingState>({
  articleId: { label: 'article id', check: name(LIMITS.idChars) },
  read: { label: 'read flag', check: bool },
  readAt: { label: 'read date', check: nullable(time) },
  saved: { label: 'saved flag', check: bool },
  savedAt: { label: 'saved date', check: nullable(time) },
  progress: {
    label: 'progress',
    check: nullable(
      record<ReadingProgress>({
        paragraph: { label: 'paragraph', check: count(1e7) },
        offset: { label: 'offset', check: number(0, 1) },
      }),
    ),
  },
  timeSpentMs: { label: 'reading time', check: number(0) },
  updatedAt: { label: 'change date', check: time },
});

const SOURCE_KINDS: Record<SourceKind, true> = { sample: true, 'json-feed': true, rss: true, atom: true, rdf: true, wordpress: true, page: true };
const SOURCE_STATUSES: Record<SourceStatus, true> = { new: true, ok: true, error: true, gone: true };

const sourceRecord = record<Source>({
  id: { label: 'id', check: name(LIMITS.idChars) },
  kind: { label: 'kind', check: oneOf(SOURCE_KINDS) },
  url: { label: 'web address', check: name(LIMITS.urlChars) },
  title: { label: 'title', check: text(LIMITS.titleChars) },
  etag: { label: 'ETag', check: nullable(text(LIMITS.labelChars)) },
  lastModified: { label: 'Last-Modified date', check: nullable(text(LIMITS.labelChars)) },
  addedAt: { label: 'date added', check: time },
  lastSyncAt: { label: 'last sync date', check: nullable(time) },
  lastSuccessAt: { label: 'last successful sync date', check: nullable(time), optional: true },
  lastError: { label: 'last error', check: nullable(text(LIMITS.labelChars)) },
  status: { label: 'status', check: oneOf(SOURCE_STATUSES) },
  failures: { label: 'failure count', check: count(), optional: true },
  nextAttemptAt: { label: 'next attempt date', check: nullable(time), optional: true },
  retention: {
    label: 'retention limits',
    optional: true,
    check: record<RetentionLimits>({
      maxAgeDays: { label: 'days', check: count(1e6, 1) },
      maxArticles: { label: 'story count', check: count(1e7, 1) },
    }),
  },
});

/** One followed source; only the built-in "Saved pages" source may have a non-web address. */
export const source: Check<Source> = (v, where) => {
  const s = sourceRecord(v, where);
  if (!isWebUrl(s.url) && !(s.kind === 'page' && s.url === SAVED_PAGES_URL)) {
    damaged(`${of(where, 'web address')} is not an http or https address.`);
  }
  return s;
};

const readSample = record<ReadSample>({
  words: { label: 'words', check: number(0) },
  activeMs: { label: 'active time', check: number(0) },
});

/** Settings Broadsheet knows; any other key is kept as plain data (a newer version's settings). */
const KNOWN_META: Record<string, Check<unknown>> = {
  lastSyncAt: nullable(time),
  readingSpeedOverride: nullable(number(MIN_WPM, MAX_WPM)),
  readSamples: list(readSample, LIMITS.listItems),
  corsProxy: nullable((v, what) => {
    const s = text(LIMITS.urlChars)(v, what);
    if (!isWebUrl(s.replace('{url}', 'x'))) damaged(`${what} is not an http or https address.`);
    return s;
  }),
};

/** One meta entry (a setting or bookkeeping value) as exported: { key, value }. */
export const metaEntry: Check<{ key: string; value: unknown }> = (v, where) => {
  const entry = record<{ key: string; value: unknown }>({
    key: { label: 'name', check: name(200) },
    value: { label: 'value', check: (x) => x },
  })(v, where);
  const check = Object.hasOwn(KNOWN_META, entry.key) ? KNOWN_META[entry.key]! : plainJson();
  return { key: entry.key, value: check(entry.value, `setting “${entry.key.slice(0, 40)}”`) };
};
