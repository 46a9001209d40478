// Stable article ids: the same item from the same source always maps to the same id,
// so a re-sync replaces rather than duplicates.

/** 64-bit FNV-1a of a string as 13 base-36 characters (URL-safe, collision odds ~1e-11 at 10k). */
export function hashId(input: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
  }
  const hi = (h2 >>> 0).toString(36).padStart(7, '0');
  const lo = (h1 >>> 0).toString(36).padStart(7, '0');
  return (hi + lo).slice(0, 13);
}

/** The stable id of an article: source + guid, else source + URL (adapters pass it canonical). */
export function articleId(sourceId: string, guid: string | null, url: string): string {
  if (!sourceId) throw new Error('articleId: sourceId is required');
  const key = guid && guid.trim() ? `g:${guid.trim()}` : `u:${url.trim()}`;
  if (key === 'u:') throw new Error('articleId: an article needs a guid or a URL');
  return hashId(`${sourceId}\n${key}`);
}
