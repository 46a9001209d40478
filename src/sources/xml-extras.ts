// Item elements feedsmith does not read but readers of real RSS expect: an XHTML <body> or <fullitem>
// as the full text, <dc:author>, and item-level <itunes:category>. A second, DOM-free pass finds
// them; feedsmith still parses everything else.
import type { ChildNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';

/** What the second pass found in one item. */
export interface ItemExtras {
  contentHtml: string | null;
  author: string | null;
  categories: string[];
}

/** One item in document order: the index of its feedsmith item (null when feedsmith dropped it) and its extras. */
export interface ItemSlot {
  feedsmithIndex: number | null;
  extras: ItemExtras;
}

export const NO_EXTRAS: ItemExtras = { contentHtml: null, author: null, categories: [] };

const XHTML = 'http://www.w3.org/1999/xhtml';
const DC = 'http://purl.org/dc/elements/1.1/';
const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';

// Cheap test so ordinary feeds never pay for the second pass.
const MAY_HAVE_EXTRAS = /<(?:[\w.-]+:)?(?:body|fullitem)[\s>/]|<[\w.-]+:(?:author|category)[\s>/]/i;

/**
 * Lines the items of an RSS/RDF document up with the `count` items feedsmith returned.
 * feedsmith drops items in which it recognised nothing; those are exactly the items made only of
 * extras, so the alignment is provable. Returns null (use feedsmith's items alone) when the
 * document has no extras or the counts do not add up.
 */
export function planRssItems(text: string, count: number): ItemSlot[] | null {
  if (!MAY_HAVE_EXTRAS.test(text)) return null;
  const doc = parseDocument(text, { xmlMode: true, withStartIndices: true, withEndIndices: true });
  const root = doc.children.find(isElement);
  if (!root) return null;
  const scope = declarations(root, new Map());
  const items = rssItemElements(root, scope, text);
  if (!items.some((i) => i.extras !== NO_EXTRAS)) return null;
  const kept = items.filter((i) => !i.onlyExtras).length;
  if (kept !== count) return null;
  let next = 0;
  return items.map((i) => ({ feedsmithIndex: i.onlyExtras ? null : next++, extras: i.extras }));
}

type Scope = Map<string, string>;

interface FoundItem {
  extras: ItemExtras;
  onlyExtras: boolean;
}

// Items sit in <channel> (RSS 2.0) or beside it (RSS 1.0, and channel-less RSS 0.9x).
function rssItemElements(root: Element, scope: Scope, source: string): FoundItem[] {
  const found: FoundItem[] = [];
  for (const child of tags(root.children)) {
    const childScope = declarations(child, scope);
    const name = localName(child.name);
    if (name === 'item') found.push(readItem(child, childScope, source));
    else if (name === 'channel') {
      for (const item of tags(child.children)) {
        if (localName(item.name) === 'item') found.push(readItem(item, declarations(item, childScope), source));
      }
    }
  }
  return found;
}

function readItem(item: Element, scope: Scope, source: string): FoundItem {
  let contentHtml: string | null = null;
  let author: string | null = null;
  const categories: string[] = [];
  let onlyExtras = !Object.keys(item.attribs).some((a) => !a.startsWith('xmlns'));
  for (const child of tags(item.children)) {
    const s = declarations(child, scope);
    const ns = namespaceOf(child.name, s);
    const name = localName(child.name);
    if (name === 'body' && (ns === XHTML || ns === null)) contentHtml ??= innerMarkup(child, source);
    else if (name === 'fullitem') contentHtml ??= DomUtils.textContent(child).trim();
    else if (name === 'author' && ns === DC) author ??= DomUtils.textContent(child).trim() || null;
    else if (name === 'category' && ns === ITUNES) categories.push(...itunesCategories(child));
    else onlyExtras = false;
  }
  const extras = contentHtml || author || categories.length ? { contentHtml, author, categories } : NO_EXTRAS;
  return { extras, onlyExtras: onlyExtras && extras !== NO_EXTRAS };
}

// <itunes:category text="Technology"><itunes:category text="Gadgets"/></itunes:category>: both, in order.
function itunesCategories(el: Element): string[] {
  const own = el.attribs.text?.trim();
  const nested = tags(el.children).filter((c) => localName(c.name) === 'category').flatMap(itunesCategories);
  return own ? [own, ...nested] : nested;
}

// The element's content exactly as written, with an xhtml: prefix dropped so it reads as HTML.
function innerMarkup(el: Element, source: string): string {
  const first = el.children[0];
  const last = el.children.at(-1);
  if (!first || !last || first.startIndex == null || last.endIndex == null) return '';
  const raw = source.slice(first.startIndex, last.endIndex + 1);
  const prefix = /^([\w.-]+):/.exec(el.name)?.[1];
  return (prefix ? raw.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1') : raw).trim();
}

function tags(nodes: ChildNode[]): Element[] {
  return nodes.filter(isElement);
}

function isElement(node: ChildNode): node is Element {
  return 'attribs' in node && 'name' in node;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1).toLowerCase();
}

// xmlns declarations of an element on top of its parent's scope ('' is the default namespace).
function declarations(el: Element, parent: Scope): Scope {
  let scope = parent;
  for (const [attr, value] of Object.entries(el.attribs)) {
    if (attr !== 'xmlns' && !attr.startsWith('xmlns:')) continue;
    if (scope === parent) scope = new Map(parent);
    scope.set(attr === 'xmlns' ? '' : attr.slice(6), value.trim().toLowerCase());
  }
  return scope;
}

function namespaceOf(name: string, scope: Scope): string | null {
  const i = name.indexOf(':');
  return scope.get(i < 0 ? '' : name.slice(0, i)) ?? null;
}
