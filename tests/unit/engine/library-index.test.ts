// Protects the engine's index host: a story learned from a batch is findable and related at once,
// evicted stories vanish from every answer, and remembered coverage counts follow new copies of a
// story (the cache must not outlive a change). Built in steps (the engine's start-up), related stories
// answer before the search index is done, and nothing half-built is searched or changed.
import { describe, expect, it } from 'vitest';
import { buildTermVector } from '../../../src/domain/term-vector';
import { LibraryIndex } from '../../../src/engine/library-index';
import type { IndexEntry } from '../../../src/storage/articles-repo';

const entry = (id: string, sourceId: string, title: string, text: string): IndexEntry => ({
  id, sourceId, title, excerpt: text.slice(0, 80), section: 'World', publishedAt: 1_000, language: 'en', wordCount: 20, cjkCount: 0, imageCount: 0,
  terms: buildTermVector({ title, text, language: 'en' }),
});

const ferry = entry('ferry', 'a', 'Night ferry returns to Kestrel Bay', 'The night ferry to Kestrel Bay sailed again on Tuesday after a winter of repairs to the harbour wall.');
const port = entry('port', 'a', 'Port fees rise for the first time in a decade', 'Harbour dues at Kestrel Bay go up by four percent; ferry operators say they will absorb the cost.');
const stadium = entry('stadium', 'a', 'Stadium roof finished', 'The new stadium roof over the north stand was finished on schedule by the builders.');
// Unrelated stories, so that the harbour words are not in most of the corpus (such words weigh nothing).
const others = ['Library hours extended for exams', 'Council approves cycle lanes', 'Museum reopens its gallery', 'Orchestra plays the new hall', 'Bakery wins regional prize'].map((t, i) =>
  entry(`other-${i}`, 'c', t, `${t}. Residents welcomed the decision announced on Monday by the ${['library', 'council', 'museum', 'orchestra', 'bakery'][i]}.`),
);

describe('LibraryIndex', () => {
  it('answers for stories learned from a batch and forgets evicted ones', () => {
    const index = LibraryIndex.fromEntries([ferry, stadium, ...others]);
    expect(index.find('dues', 5)).toEqual([]);
    index.apply([port], []);
    expect(index.find('dues', 5).map((h) => h.id)).toEqual(['port']);
    expect(index.relatedTo('ferry', 2).hits.map((h) => h.id)).toContain('port');
    index.apply([], ['port']);
    expect(index.find('dues', 5)).toEqual([]);
    expect(index.relatedTo('ferry', 2).hits.map((h) => h.id)).not.toContain('port');
    expect(index.relatedTo('port', 2)).toEqual({ hits: [], duplicates: [] });
  });

  it('lists the newest stories outside a section, leaving out the ones asked, and follows changes', () => {
    const dated = (e: IndexEntry, publishedAt: number, section = e.section) => ({ ...e, publishedAt, section });
    const index = LibraryIndex.fromEntries([dated(ferry, 5), dated(port, 9), dated(stadium, 7, 'Sport'), ...others.map((o, i) => dated(o, 1 + i, 'Arts'))]);
    expect(index.recentElsewhere('World', [], 3).map((s) => s.id)).toEqual(['stadium', 'other-4', 'other-3']);
    expect(index.recentElsewhere('World', ['stadium', 'other-4'], 2).map((s) => s.id)).toEqual(['other-3', 'other-2']);
    expect(index.recentElsewhere('Arts', [], 10).map((s) => [s.id, s.section, s.publishedAt])).toEqual([['port', 'World', 9], ['stadium', 'Sport', 7], ['ferry', 'World', 5]]);
    index.apply([dated(entry('late', 'b', 'Late night ferry news', 'Late news about the ferry.'), 20, 'Business')], ['stadium']);
    expect(index.recentElsewhere('World', [], 2).map((s) => s.id)).toEqual(['late', 'other-4']);
  });

  it('recounts coverage after a new copy of a story arrives', () => {
    const index = LibraryIndex.fromEntries([ferry, port, stadium, ...others]);
    expect(index.coverage(['ferry', 'nobody'])).toEqual([0, 0]);
    index.apply([{ ...ferry, id: 'ferry-wire', sourceId: 'b' }], []);
    expect(index.coverage(['ferry'])).toEqual([1]);
    index.apply([], ['ferry-wire']);
    expect(index.coverage(['ferry'])).toEqual([0]);
  });

  it('answers related stories while the search index is still built in steps', async () => {
    const waiting: Array<() => void> = [];
    const pause = () => new Promise<void>((resolve) => waiting.push(resolve));
    const index = LibraryIndex.fromEntriesInSteps([ferry, port, stadium, ...others], pause);
    let searchable = false;
    void index.searchable.then(() => (searchable = true));
    expect(index.relatedTo('ferry', 2).hits.map((h) => h.id)).toContain('port');
    expect(index.recentElsewhere('Sport', [], 1).map((s) => s.id)).toHaveLength(1);
    expect(() => index.find('dues', 5)).toThrow(/still being built/);
    // A change must not reach the related index alone.
    expect(() => index.apply([], ['port'])).toThrow(/still being built/);
    expect(index.relatedTo('ferry', 2).hits.map((h) => h.id)).toContain('port');
    while (!searchable) {
      waiting.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(index.find('dues', 5).map((h) => h.id)).toEqual(['port']);
    index.apply([], ['port']);
    expect(index.find('dues', 5)).toEqual([]);
  });
});
