// "The list the reader came from": carried in the article URL so Previous/Next survive a reload.

/** A list an article can be opened from. */
export type ListContext = { kind: 'home' } | { kind: 'section'; section: string } | { kind: 'saved' };

/** Parses the `from` query parameter; anything unknown means the home list. */
export function parseListContext(from: string | undefined): ListContext {
  if (from?.startsWith('section:')) return { kind: 'section', section: from.slice('section:'.length) };
  if (from === 'saved') return { kind: 'saved' };
  return { kind: 'home' };
}

/** The `from` query value for a list context. */
export function listContextParam(ctx: ListContext): string {
  return ctx.kind === 'section' ? `section:${ctx.section}` : ctx.kind;
}

/** The app URL of an article opened from a list. */
export function articleHref(id: string, ctx: ListContext = { kind: 'home' }): string {
  const from = listContextParam(ctx);
  return from === 'home' ? `/article/${id}` : `/article/${id}?from=${encodeURIComponent(from)}`;
}

/** A human label for the list ("Latest", "World", "Saved"). */
export function listLabel(ctx: ListContext): string {
  return ctx.kind === 'section' ? ctx.section : ctx.kind === 'saved' ? 'Saved' : 'Latest';
}
