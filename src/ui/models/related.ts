// The in-memory related-stories index, rebuilt from stored term vectors when stored articles change.
import type { RelatedIndex } from '../../domain/related-index';
import type { IndexEntry } from '../../storage/articles-repo';
import { perRevision } from './per-revision';

/** Creates a lazily built related index (on first use, not at start-up) over the shared index entries. */
export function createRelatedModel(entries: () => Promise<IndexEntry[]>, revision: { readonly value: number }) {
  const index = perRevision<RelatedIndex>(revision, async () => {
    const [list, { RelatedIndex }] = await Promise.all([entries(), import('../../domain/related-index')]);
    return RelatedIndex.build(
      list.map((e) => ({ id: e.id, vector: e.terms, section: e.section, publishedAt: e.publishedAt, sourceId: e.sourceId, title: e.title })),
    );
  });
  return { index };
}

/** The related model's public shape. */
export type RelatedModel = ReturnType<typeof createRelatedModel>;
