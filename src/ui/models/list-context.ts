// "The list the reader came from": carried in the article URL so Previous/Next survive a reload.

/** A list an article can be opened from. */
export type ListContext = { kind: 'home' } | { kind: 'section'; section: string } | { kind: 'saved' };

/** The home list's context: one object, so cards given it keep equal props between renders (and are skipped). */
export const HOME_CONTEXT: ListContext = Object.freeze({ kind: 'home' });

/** The saved list's context (see HOME_CONTEXT). */
export const SAVED_CONTEXT: ListContext = Object.freeze({ kind: 'saved' });

const sectionContexts = new Map<string, ListContext>();

/** A section's list context, the same object every time for the same section (see HOME_CONTEXT). */
export function sectionContext(section: string): ListContext {
  let ctx = sectionContexts.get(section);
  if (!ctx) sectionContexts.set(section, (ctx = Object.freeze({ kind: 'section', section })));
  return ctx;
}

/** Parses the `from` query parameter; anything unknown means the home list. */
export function parseListContext(from: string | undefined): ListContext {
  if (from?.startsWith('section:')) return sectionContext(from.slice('section:'.length));
  if (from === 'saved') return SAVED_CONTEXT;
  return HOME_CONTEXT;
}

/** The `from` query value for a list context. */
export function listContextParam(ctx: ListContext): string {
  return ctx.kind === 'section' ? `section:${ctx.section}` : ctx.kind;
}

/** The app URL of an article opened from a list. */
export function articleHref(id: string, ctx: ListContext = HOME_CONTEXT): string {
  const from = listContextParam(ctx);
  return from === 'home' ? `/article/${id}` : `/article/${id}?from=${encodeURIComponent(from)}`;
}

/** A human label for the list ("Latest", "World", "Saved"). */
export function listLabel(ctx: ListContext): string {
  return ctx.kind === 'section' ? ctx.section : ctx.kind === 'saved' ? 'Saved' : 'Latest';
}
