// Protects prefix lookups over a growing vocabulary: terms added later are found in order, a prefix
// finds exactly the terms that begin with it, and a renumbered vocabulary (new generation) is sorted
// afresh rather than merged with the stale copy.
import { describe, expect, it } from 'vitest';
import { SortedVocabulary } from '../../../src/domain/sorted-vocabulary';

describe('SortedVocabulary', () => {
  it('finds the terms beginning with a prefix, including ones merged in later, in sorted order', () => {
    const vocabulary = new SortedVocabulary();
    const names = ['harbour', 'flood', 'ferry'];
    vocabulary.update(names, 1);
    expect(vocabulary.startingWith('f')).toEqual(['ferry', 'flood']);
    names.push('floodgat', 'flo', 'floor', 'zebra');
    vocabulary.update(names, 1);
    expect(vocabulary.startingWith('flo')).toEqual(['flo', 'flood', 'floodgat', 'floor']);
    expect(vocabulary.startingWith('flood')).toEqual(['flood', 'floodgat']);
    expect(vocabulary.startingWith('zz')).toEqual([]);
    expect(vocabulary.startingWith('a')).toEqual([]);
  });

  it('sorts afresh when the vocabulary is renumbered', () => {
    const vocabulary = new SortedVocabulary();
    vocabulary.update(['flood', 'ferry', 'fog'], 1);
    // After a compaction the store's term list is new: the old copy must not survive in it.
    vocabulary.update(['fog', 'fjord'], 2);
    expect(vocabulary.startingWith('f')).toEqual(['fjord', 'fog']);
  });
});
