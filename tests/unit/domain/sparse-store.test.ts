// Protects the pooled rows both indexes read: a row is sorted by term id with duplicate terms summed, and document frequencies follow inserts and deletes.
import { describe, expect, it } from 'vitest';
import { SparseStore } from '../../../src/domain/sparse-store';

const row = (store: SparseStore, id: string) => {
  const slot = store.slotOf(id);
  const out: Array<[string, number]> = [];
  for (let e = store.rowStart[slot]; e < store.rowStart[slot] + store.rowLength[slot]; e++) out.push([store.termNames[store.entryTerm[e]], store.entryCount[e]]);
  return out;
};

describe('SparseStore.insert', () => {
  it('stores a row sorted by term id, summing repeated terms', () => {
    const store = new SparseStore();
    store.insert('a', ['sea', 'gull'], [1, 2]);
    store.insert('b', ['gull', 'tide', 'sea', 'gull', 'tide', 'gull'], [0.5, 1, 2, 0.25, 3, 0.125]);
    // Term ids follow first appearance: sea 0, gull 1, tide 2.
    expect(row(store, 'b')).toEqual([['sea', 2], ['gull', 0.875], ['tide', 4]]);
    expect(row(store, 'a')).toEqual([['sea', 1], ['gull', 2]]);
    expect(store.entryTotal).toBe(5);
    expect([...store.df.slice(0, 3)]).toEqual([2, 2, 1]);
  });

  it('frees a deleted row for the next insert and keeps frequencies exact', () => {
    const store = new SparseStore();
    store.insert('a', ['sea', 'gull'], [1, 1]);
    store.insert('b', ['sea'], [1]);
    store.delete('a');
    expect([...store.df.slice(0, 2)]).toEqual([1, 0]);
    store.insert('c', ['gull', 'gull'], [1, 1]);
    expect(store.slotOf('c')).toBe(0);
    expect(row(store, 'c')).toEqual([['gull', 2]]);
    expect([...store.df.slice(0, 2)]).toEqual([1, 1]);
    expect(store.entryTotal).toBe(2);
  });
});
