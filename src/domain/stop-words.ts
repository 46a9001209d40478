// Stop words per language: words too common to say what a story is about.
// English ships built in; other languages are added with registerStopWords().

// A classic IR list (SMART/NLTK core) plus the reporting verbs and fillers that
// every news story repeats ("said", "told", "mr"), which otherwise dominate
// short term vectors without telling stories apart.
const ENGLISH = `
a about above after again against all almost also although always am among an and
another any anyone anything are aren't around as at away back be became because
become been before being below between both but by can can't cannot could couldn't
did didn't do does doesn't doing don't done down during each either else even ever
every few for from further get gets getting go goes going got had hadn't has hasn't
have haven't having he he'd he'll he's her here here's hers herself him himself his
how how's however i i'd i'll i'm i've if in into is isn't it it's its itself just
least less let's like made make makes many may me might more most mostly much must
mustn't my myself neither never no nor not now of off often on once one only onto or
other others otherwise ought our ours ourselves out over own per perhaps quite rather
really said same say saying says she she'd she'll she's should shouldn't since so
some something still such than that that's the their theirs them themselves then
there there's these they they'd they'll they're they've this those though through
thus to told too toward towards under until up upon us very via was wasn't we we'd
we'll we're we've well were weren't what what's whatever when when's where where's
whether which while who who's whom whose why why's will with within without won't
would wouldn't yet you you'd you'll you're you've your yours yourself yourselves
mr mrs ms dr
`;

const registry = new Map<string, ReadonlySet<string>>([['en', toSet(ENGLISH)]]);
const EMPTY: ReadonlySet<string> = new Set();

function toSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

/** Primary language subtag, lower-cased ("en-GB" → "en"); null when absent. */
export function primaryLanguage(lang: string | null | undefined): string | null {
  if (!lang) return null;
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  return primary ? primary : null;
}

/** Stop words for a language tag; unknown-language text is treated as English, a known language without a list gets none. */
export function stopWordsFor(lang: string | null | undefined): ReadonlySet<string> {
  const primary = primaryLanguage(lang) ?? 'en';
  return registry.get(primary) ?? EMPTY;
}

/** Adds (or replaces) the stop-word list of a language, given as lower-case words. */
export function registerStopWords(lang: string, words: Iterable<string>): void {
  const primary = primaryLanguage(lang);
  if (!primary) throw new Error(`registerStopWords: invalid language tag ${JSON.stringify(lang)}`);
  registry.set(primary, new Set(words));
}
