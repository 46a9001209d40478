// The search vocabulary in sorted order, for prefix lookups ("floo" → flood, floodgat, floor…): kept up
// as terms arrive by merging in the new ones, and sorted afresh only when the store renumbers its terms.

/** Sorted copy of a growing term list. */
export class SortedVocabulary {
  private sorted: string[] = [];
  private generation = -1;
  private count = 0;

  /**
   * Brings the copy up to date with `names` (append-only within one `generation`; a new generation
   * means the store renumbered its terms, so everything is sorted again).
   */
  update(names: readonly string[], generation: number): void {
    if (this.generation !== generation) this.sorted = [...names].sort();
    else if (this.count < names.length) this.sorted = mergeSorted(this.sorted, names.slice(this.count).sort());
    this.generation = generation;
    this.count = names.length;
  }

  /** Every term that begins with `prefix`, in sorted order. */
  startingWith(prefix: string): string[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.sorted.length && this.sorted[i].startsWith(prefix); i++) out.push(this.sorted[i]);
    return out;
  }
}

function mergeSorted(a: string[], b: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i] <= b[j] ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
