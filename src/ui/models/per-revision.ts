// A value derived from the stored articles, computed on first use and kept until they change.

/** Caches `build()` for the current `revision`; a failed build is forgotten so the next call retries. */
export function perRevision<T>(revision: { readonly value: number }, build: () => Promise<T>): () => Promise<T> {
  let cached: { revision: number; value: Promise<T> } | null = null;
  return () => {
    if (cached && cached.revision === revision.value) return cached.value;
    const value = build();
    const entry = { revision: revision.value, value };
    cached = entry;
    value.catch(() => {
      if (cached === entry) cached = null;
    });
    return value;
  };
}
