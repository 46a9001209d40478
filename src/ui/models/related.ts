// The in-memory related-stories index, rebuilt from stored term vectors when stored articles change.
import type { RelatedIndex } from '../../domain/related-index';
import { allIndexEntries } from '../../storage/articles-repo';
import type { Db } from '../../storage/db';

/** Creates a lazily built related index; `revision` says when the stored articles changed. */
export function createRelatedModel(dbReady: Promise<Db>, revision: { readonly value: number }) {
  let built: { revision: number; index: Promise<RelatedIndex> } | null = null;

  /** The index for the current stored articles (built on first use, not at start-up). */
  function index(): Promise<RelatedIndex> {
    if (built && built.revision === revision.value) return built.index;
    const promise = (async () => {
      const [db, { RelatedIndex }] = await Promise.all([dbReady, import('../../domain/related-index')]);
      const entries = await allIndexEntries(db);
      return RelatedIndex.build(
        entries.map((e) => ({ id: e.id, vector: e.terms, section: e.section, publishedAt: e.publishedAt, sourceId: e.sourceId, title: e.title })),
      );
    })();
    built = { revision: revision.value, index: promise };
    // A failed build must not be cached forever.
    promise.catch(() => {
      if (built?.index === promise) built = null;
    });
    return promise;
  }

  return { index };
}

/** The related model's public shape. */
export type RelatedModel = ReturnType<typeof createRelatedModel>;
