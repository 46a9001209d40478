// Whether a story's standfirst is worth showing above its body. A feed that sends only a summary
// gives it twice (as the description and as the body), and many sites' excerpts are just the
// body's opening words: shown both ways the reader reads the same sentences twice.

// A truncated excerpt ends in an ellipsis, a bracketed one in WordPress ("[…]", "[...]").
const TRAILING_ELLIPSIS = /\s*(?:\[\s*(?:…|\.{3})\s*\]|…|\.{3})\s*$/u;

function flat(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().toLocaleLowerCase();
}

/** True unless the standfirst is empty or merely repeats the start of the body's text. */
export function showsStandfirst(dek: string, bodyText: string): boolean {
  if (typeof dek !== 'string' || typeof bodyText !== 'string') throw new TypeError('showsStandfirst: dek and bodyText must be strings');
  const summary = flat(dek.replace(TRAILING_ELLIPSIS, ''));
  if (!summary) return false;
  return !flat(bodyText).startsWith(summary);
}
