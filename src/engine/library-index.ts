// The related-stories and search indexes over every stored story, kept in step with storage:
// built once at start (from the index log), then told about each stored batch and eviction.
import type { Article } from '../domain/article';
import { RelatedIndex, type RelatedHit } from '../domain/related-index';
import { SearchIndex, type SearchHit } from '../domain/search-index';
import { checkTermVector } from '../domain/term-vector';
import { allIndexEntries, indexEntry, type IndexEntry } from '../storage/articles-repo';
import type { Db } from '../storage/db';
import { lastLogKey, MAX_REPLAYED, readIndexLog, readIndexLogAfter, writeBase } from '../storage/index-log-read';

/** Related stories of one article and the other sources' copies of it ("also covered by"). */
export interface RelatedAnswer {
  hits: RelatedHit[];
  duplicates: string[];
}

/** What a list card shows of a story, from the index: search results and "Don't miss" candidates need no storage read. */
export type StoryFacts = Omit<IndexEntry, 'terms'>;

/** A search hit with its card's facts. */
export interface SearchAnswer extends SearchHit {
  story: StoryFacts;
}

/** Both in-memory indexes, with the operations the engine needs. */
export class LibraryIndex {
  /** Near-duplicate counts already computed, until the next change (Don't miss asks for the same recent stories page after page). */
  private readonly coverageCache = new Map<string, number>();
  /** Every indexed story's card facts (no term vector): "recent stories elsewhere", search results. */
  private readonly facts = new Map<string, StoryFacts>();

  /** The index log's key up to which this index has applied the log (see catchUp); null when unknown. */
  private logKey: number | null = null;
  /** Keys of log records this index applied as they were written (its own syncs' batches), after logKey. */
  private readonly ownLogKeys = new Set<number>();
  /** The search index; null while load() is still building it. */
  private searchIndex: SearchIndex | null = null;
  /**
   * Resolves once search is ready (at once unless load() built it in steps); rejects if building it
   * failed. Searches and every change wait for it: changes must reach both indexes.
   */
  readonly searchable: Promise<void>;

  private constructor(
    private readonly related: RelatedIndex,
    search: SearchIndex | Promise<SearchIndex>,
    entries: readonly IndexEntry[],
  ) {
    for (const e of entries) this.facts.set(e.id, factsOf(e));
    if (search instanceof SearchIndex) this.searchIndex = search;
    this.searchable = Promise.resolve(search).then((built) => {
      this.searchIndex = built;
    });
    // Awaited by the engine; this only keeps a failure from being reported as unhandled twice.
    this.searchable.catch(() => undefined);
  }

  private get search(): SearchIndex {
    if (!this.searchIndex) throw new Error('LibraryIndex: the search index is still being built (await searchable)');
    return this.searchIndex;
  }

  /**
   * Builds both indexes from every stored article: from the index log when it can tell them (no bodies
   * read), else from the stories themselves, which then become the log's base. A log grown long is
   * folded into a new base. Writing the log is a saving, never a condition: its failure is only logged.
   * Resolves once related stories can be answered; search follows in steps (see `searchable`), so
   * a story opened at start-up gets its related stories without waiting for the search index too.
   */
  static async load(db: Db, pause: () => Promise<void> = nextTask): Promise<LibraryIndex> {
    const logged = await readIndexLog(db).catch((err) => (console.warn('engine: the index log could not be read', err), null));
    if (logged) {
      if (logged.replayed > MAX_REPLAYED) void writeBase(db, logged.entries, logged.lastKey).catch((err) => console.warn('engine: folding the index log failed', err));
      const index = LibraryIndex.fromEntriesInSteps(logged.entries, pause);
      index.logKey = logged.lastKey;
      return index;
    }
    // Read before the stories: writes made while they are read are replayed on top of the base.
    const upTo = await lastLogKey(db);
    const entries = await allIndexEntries(db);
    void writeBase(db, entries, upTo).catch((err) => console.warn('engine: writing the index log failed', err));
    const index = LibraryIndex.fromEntriesInSteps(entries, pause);
    // Whatever is logged after upTo was written while (or after) the stories were read.
    index.logKey = upTo ?? 0;
    return index;
  }

  /**
   * Applies what was logged since this index was built or last caught up (another tab's sync, the
   * service worker's), in log order, instead of rebuilding: a few batches rather than every story.
   * False when the log cannot tell (a base folded past this index, marked stale, or the index was
   * not built from it): rebuild then. Call only once `searchable`, and not alongside other changes.
   */
  async catchUp(db: Db): Promise<boolean> {
    if (this.logKey === null) return false;
    // This index's own batches that come first are only stepped over. One after another context's
    // record is applied again, after it, so that the log's order wins (applying a batch twice
    // changes nothing; applying an older removal after a newer write would).
    const tail = await readIndexLogAfter(db, this.logKey, (key) => this.ownLogKeys.has(key));
    if (tail.records.some(({ record }) => record.kind !== 'put' && record.kind !== 'remove')) return false;
    if (tail.skippedTo !== null) this.logKey = tail.skippedTo;
    for (const { key, record } of tail.records) {
      if (record.kind === 'put') this.apply(record.entries, []);
      else if (record.kind === 'remove') this.apply([], record.ids);
      this.logKey = key;
    }
    for (const key of this.ownLogKeys) if (key <= this.logKey) this.ownLogKeys.delete(key);
    if (tail.records.length) this.settle();
    return true;
  }

  /** Builds both indexes from index entries at once (tests); a malformed record is left out, not fatal. */
  static fromEntries(entries: IndexEntry[]): LibraryIndex {
    const usable = entries.filter(indexable);
    return new LibraryIndex(RelatedIndex.build(usable.map(relatedDoc)), SearchIndex.build(usable.map(searchDoc)), usable);
  }

  /** The related index now, the search index in steps after it (`pause` between them): see load(). */
  static fromEntriesInSteps(entries: IndexEntry[], pause: () => Promise<void>): LibraryIndex {
    const usable = entries.filter(indexable);
    return new LibraryIndex(RelatedIndex.build(usable.map(relatedDoc)), SearchIndex.buildInSteps(usable.map(searchDoc), pause), usable);
  }

  /** Number of indexed stories. */
  get size(): number {
    return this.related.size;
  }

  /** Learns stored (new or updated) articles and forgets evicted ids. Corpus weights and postings are rebuilt by settle() (or the next query): once per sync, not once per batch. */
  apply(written: ReadonlyArray<Article | IndexEntry>, evicted: readonly string[], logKey?: number | null): void {
    // Before any change: a search index still being built must fail the call, not leave it half done.
    const search = this.search;
    // The log record these stories were written with (see catchUp): nothing to read again there.
    if (logKey != null && this.logKey !== null && logKey > this.logKey) this.ownLogKeys.add(logKey);
    this.coverageCache.clear();
    for (const id of evicted) {
      this.related.remove(id);
      search.remove(id);
      this.facts.delete(id);
    }
    for (const article of written) {
      const entry = indexEntry(article);
      // Checked first, so a record either index would refuse never leaves them half-updated.
      if (!indexable(entry)) continue;
      this.related.add(relatedDoc(entry));
      search.add(searchDoc(entry));
      this.facts.set(entry.id, factsOf(entry));
    }
  }

  /** Recomputes corpus weights now rather than on the next query. */
  settle(): void {
    const search = this.search;
    this.related.refresh();
    search.refresh();
  }

  /** Related stories of an indexed article (empty for an unknown id). */
  relatedTo(id: string, limit: number): RelatedAnswer {
    if (!this.related.has(id)) return { hits: [], duplicates: [] };
    return { hits: this.related.related(id, { limit }), duplicates: this.related.duplicatesOf(id) };
  }

  /** How many near-duplicates (other coverage) each id has; 0 for unknown ids. */
  coverage(ids: readonly string[]): number[] {
    return ids.map((id) => {
      let n = this.coverageCache.get(id);
      if (n === undefined) {
        n = this.related.has(id) ? this.related.duplicatesOf(id).length : 0;
        this.coverageCache.set(id, n);
      }
      return n;
    });
  }

  /** The `limit` newest stories outside `section` (newest first), leaving out `exclude`: "Don't miss" candidates, with no storage read. */
  recentElsewhere(section: string, exclude: readonly string[], limit: number): StoryFacts[] {
    const skip = new Set(exclude);
    const best: StoryFacts[] = [];
    if (limit <= 0) return best;
    for (const story of this.facts.values()) {
      if (story.section === section || skip.has(story.id)) continue;
      if (best.length === limit && !newer(story, best[best.length - 1]!)) continue;
      // Insertion into a short sorted list: `limit` is a few dozen, the library thousands.
      let i = best.length;
      while (i > 0 && newer(story, best[i - 1]!)) i--;
      best.splice(i, 0, story);
      if (best.length > limit) best.pop();
    }
    return best;
  }

  /** Search queries that exercise the index the hardest (see SearchIndex.practiceQueries). */
  practiceQueries(count: number): string[] {
    return this.search.practiceQueries(count);
  }

  /** Ranked search hits for a query, each with its card's facts. */
  find(query: string, limit: number): SearchAnswer[] {
    return this.search.search(query, { limit }).flatMap((hit) => {
      const story = this.facts.get(hit.id);
      return story ? [{ ...hit, story }] : [];
    });
  }
}

/**
 * Yields to the thread's queued tasks (a related question from the page) and comes back at once: a
 * message round trip, since chained timers are clamped to 4 ms each (200 slices would idle 0.8 s).
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function factsOf(e: IndexEntry): StoryFacts {
  const { terms: _terms, ...facts } = e;
  return facts;
}

/** Whether both indexes accept an entry (stored records come from outside too: restores, older versions). */
function indexable(e: IndexEntry): boolean {
  try {
    checkTermVector(e.terms, `index entry ${String(e.id)}`);
  } catch (err) {
    console.warn('engine: leaving a malformed story out of the indexes:', err);
    return false;
  }
  const ok = typeof e.id === 'string' && e.id !== '' && typeof e.section === 'string' && typeof e.sourceId === 'string' &&
    Number.isFinite(e.publishedAt) && typeof e.title === 'string' && typeof e.excerpt === 'string';
  if (!ok) console.warn('engine: leaving a malformed story out of the indexes:', e.id);
  return ok;
}

/** Newest first; equal dates by id, so the order never depends on insertion. */
function newer(a: StoryFacts, b: StoryFacts): boolean {
  return a.publishedAt > b.publishedAt || (a.publishedAt === b.publishedAt && a.id < b.id);
}

function relatedDoc(e: IndexEntry) {
  return { id: e.id, vector: e.terms, section: e.section, publishedAt: e.publishedAt, sourceId: e.sourceId, title: e.title };
}

function searchDoc(e: IndexEntry) {
  return { id: e.id, title: e.title, excerpt: e.excerpt, vector: e.terms, language: e.language };
}
