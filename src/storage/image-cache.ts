// The runtime image cache (Cache Storage): its name and limits, shared by the worker and whatever prunes it.

/** Cache Storage name for article images. */
export const IMAGE_CACHE = 'article-images';
/** At most this many images are kept. */
export const IMAGE_CACHE_MAX_ENTRIES = 300;
/** Images unused for this long are dropped (30 days). */
export const IMAGE_CACHE_MAX_AGE_S = 30 * 24 * 60 * 60;
