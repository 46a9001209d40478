// The memory layout shared by the related-stories and search indexes: terms
// interned to integers, every document's (term, count) entries in one pooled
// typed array, and postings rebuilt in bulk (CSR) only when a query needs them.
// A JS object or typed array per term or per document would cost more in
// headers than the data itself at 10,000 articles on a phone.

/** Rows longer than this cannot be sorted by packed keys (far above any term vector). */
const MAX_ROW = 1 << 20;

/** A growable array of 32-bit values without per-element boxing. */
function grow<T extends Int32Array | Float32Array | Float64Array | Uint8Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  let size = Math.max(16, array.length);
  while (size < needed) size *= 2;
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

/** Documents as sparse (term id, count) rows, with document frequencies kept exact on every add and remove. */
export class SparseStore {
  /** Term string → term id. */
  private termIds = new Map<string, number>();
  /** Term id → term string. */
  termNames: string[] = [];
  /** Term id → number of live documents containing it. */
  df = new Int32Array(1024);
  /** Bumped whenever term ids are renumbered (anything caching term ids must drop its cache). */
  generation = 0;

  /** Slot → document id (empty string for a free slot). */
  readonly ids: string[] = [];
  private readonly slots = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  /** Slot → first entry and entry count in the pools. */
  rowStart = new Int32Array(256);
  rowLength = new Int32Array(256);

  /** Entry pools: term id and raw count, each row sorted by term id. */
  entryTerm = new Int32Array(4096);
  entryCount = new Float32Array(4096);
  private used = 0;
  private liveEntries = 0;

  /** Postings (CSR): term id → range in postingSlot / postingEntry. Valid only after rebuildPostings(). */
  postingStart = new Int32Array(0);
  postingSlot = new Int32Array(0);
  postingEntry = new Int32Array(0);

  /** Number of live documents. */
  get size(): number {
    return this.slots.size;
  }

  /** Number of slots ever allocated; slot numbers are below it. */
  get slotCount(): number {
    return this.ids.length;
  }

  /** Live entries (sum of row lengths). */
  get entryTotal(): number {
    return this.liveEntries;
  }

  /** Slot of a live document, or -1. */
  slotOf(id: string): number {
    return this.slots.get(id) ?? -1;
  }

  /** Term id of a known term, or -1. */
  termId(term: string): number {
    return this.termIds.get(term) ?? -1;
  }

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(term, id);
      this.termNames.push(term);
      this.df = grow(this.df, id + 1);
    }
    return id;
  }

  /** Stores a document row (terms need not be sorted; duplicates are summed) and returns its slot. The id must not be present. */
  insert(id: string, terms: readonly string[], counts: readonly number[]): number {
    if (this.slots.has(id)) throw new Error(`SparseStore: ${id} is already stored`);
    if (terms.length >= MAX_ROW) throw new RangeError(`SparseStore: ${id} has ${terms.length} terms, more than ${MAX_ROW - 1}`);
    // Sort by term id without a comparator: pack (term id, position) into one number.
    const keys = new Float64Array(terms.length);
    for (let i = 0; i < terms.length; i++) keys[i] = this.intern(terms[i]) * MAX_ROW + i;
    keys.sort();

    const slot = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.ids.length;
    if (slot === this.ids.length) this.ids.push(id);
    else this.ids[slot] = id;
    this.slots.set(id, slot);
    this.rowStart = grow(this.rowStart, slot + 1);
    this.rowLength = grow(this.rowLength, slot + 1);

    // The row goes straight into the pools (sized for no duplicates), duplicates summed on the way.
    this.entryTerm = grow(this.entryTerm, this.used + terms.length);
    this.entryCount = grow(this.entryCount, this.used + terms.length);
    const start = this.used;
    let end = start;
    let sum = 0; // summed in double precision, stored once (as the Float32 pool would not)
    for (let k = 0; k < keys.length; k++) {
      const termId = Math.floor(keys[k] / MAX_ROW);
      const count = counts[keys[k] - termId * MAX_ROW];
      if (end > start && this.entryTerm[end - 1] === termId) {
        sum += count;
      } else {
        if (end > start) this.entryCount[end - 1] = sum;
        this.entryTerm[end] = termId;
        this.df[termId]++;
        sum = count;
        end++;
      }
    }
    if (end > start) this.entryCount[end - 1] = sum;
    this.rowStart[slot] = start;
    this.rowLength[slot] = end - start;
    this.used = end;
    this.liveEntries += end - start;
    return slot;
  }

  /** Forgets a document, decrementing the frequencies of its terms; returns its former slot or -1. */
  delete(id: string): number {
    const slot = this.slots.get(id);
    if (slot === undefined) return -1;
    const start = this.rowStart[slot];
    const end = start + this.rowLength[slot];
    for (let e = start; e < end; e++) this.df[this.entryTerm[e]]--;
    this.liveEntries -= this.rowLength[slot];
    this.rowLength[slot] = 0;
    this.ids[slot] = '';
    this.slots.delete(id);
    this.freeSlots.push(slot);
    return slot;
  }

  /** Rebuilds postings for all live rows, first compacting the pools when removals left them mostly garbage. */
  rebuildPostings(): void {
    if (this.used > 2 * this.liveEntries + 4096) this.compact();
    const termCount = this.termNames.length;
    const start = new Int32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) start[t + 1] = start[t] + this.df[t];
    const fill = start.slice(0, termCount);
    const slotsOut = new Int32Array(this.liveEntries);
    const entriesOut = new Int32Array(this.liveEntries);
    // Walking slots in ascending order leaves every posting list sorted by slot.
    for (let slot = 0; slot < this.ids.length; slot++) {
      const rowEnd = this.rowStart[slot] + this.rowLength[slot];
      for (let e = this.rowStart[slot]; e < rowEnd; e++) {
        const at = fill[this.entryTerm[e]]++;
        slotsOut[at] = slot;
        entriesOut[at] = e;
      }
    }
    this.postingStart = start;
    this.postingSlot = slotsOut;
    this.postingEntry = entriesOut;
  }

  /** Drops the posting → entry map once a caller has derived what it needs from it (saves 4 bytes a posting). */
  releasePostingEntries(): void {
    this.postingEntry = new Int32Array(0);
  }

  /** Releases the slack a bulk load left in the pools (growth doubles; at rest they should be their data's size). */
  shrinkToFit(): void {
    if (this.entryTerm.length > this.used + 4096) {
      this.entryTerm = this.entryTerm.slice(0, this.used);
      this.entryCount = this.entryCount.slice(0, this.used);
    }
  }

  private compact(): void {
    this.dropDeadTerms();
    const terms = new Int32Array(Math.max(4096, this.liveEntries));
    const counts = new Float32Array(terms.length);
    let at = 0;
    for (let slot = 0; slot < this.ids.length; slot++) {
      const length = this.rowLength[slot];
      terms.set(this.entryTerm.subarray(this.rowStart[slot], this.rowStart[slot] + length), at);
      counts.set(this.entryCount.subarray(this.rowStart[slot], this.rowStart[slot] + length), at);
      this.rowStart[slot] = at;
      at += length;
    }
    this.entryTerm = terms;
    this.entryCount = counts;
    this.used = at;
  }

  /** Evicted stories leave words no live story uses; renumbering keeps the vocabulary from growing forever. */
  private dropDeadTerms(): void {
    const termCount = this.termNames.length;
    let live = 0;
    for (let t = 0; t < termCount; t++) if (this.df[t] > 0) live++;
    if (live * 2 > termCount) return;
    // Old order is kept, so rows stay sorted by term id.
    const remap = new Int32Array(termCount).fill(-1);
    const names: string[] = [];
    const ids = new Map<string, number>();
    const df = new Int32Array(Math.max(1024, live));
    for (let t = 0; t < termCount; t++) {
      if (this.df[t] === 0) continue;
      remap[t] = names.length;
      df[names.length] = this.df[t];
      ids.set(this.termNames[t], names.length);
      names.push(this.termNames[t]);
    }
    for (let slot = 0; slot < this.ids.length; slot++) {
      const end = this.rowStart[slot] + this.rowLength[slot];
      for (let e = this.rowStart[slot]; e < end; e++) this.entryTerm[e] = remap[this.entryTerm[e]];
    }
    this.termNames = names;
    this.termIds = ids;
    this.df = df;
    this.generation++;
  }
}
