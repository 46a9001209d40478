// What must never be in the rendered DOM after sanitizing (DESIGN.md §7), checked element by element.

const DANGEROUS_TAGS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'base', 'meta', 'style', 'link',
  'svg', 'math', 'input', 'button', 'textarea', 'select', 'template', 'portal', 'use', 'animate', 'set', 'handler',
]);
const URL_ATTRS = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'data', 'codebase', 'longdesc',
  'lowsrc', 'dynsrc', 'ping', 'manifest', 'icon', 'profile', 'usemap', 'classid', 'archive', 'to', 'from', 'values',
]);
const BAD_SCHEME = /^(?:javascript|vbscript|data|livescript|mocha|blob|filesystem|jar):/i;
const SAFE_ABSOLUTE = /^(?:https?:|mailto:)/i;

function normalizeUrl(v: string): string {
  // Browsers strip ASCII whitespace and control characters before reading the scheme.
  return v.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
}

/** Problems found in one element (not its children). */
export function problemsOf(el: Element): string[] {
  const out: string[] = [];
  const tag = el.localName.toLowerCase();
  if (DANGEROUS_TAGS.has(tag)) out.push(`<${tag}>`);
  if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') out.push(`foreign element ${tag} (${el.namespaceURI})`);
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase();
    const value = attr.value;
    if (name.startsWith('on')) out.push(`${tag}[${name}]`);
    else if (name === 'style') out.push(`${tag}[style]`);
    else if (name === 'id' || name === 'name' || name === 'form') out.push(`${tag}[${name}] (DOM clobbering)`);
    else if (URL_ATTRS.has(name) || name.endsWith(':href')) {
      const v = normalizeUrl(value);
      if (BAD_SCHEME.test(v)) out.push(`${tag}[${name}=${value.slice(0, 60)}]`);
      else if ((name === 'href' || name === 'src') && v && !SAFE_ABSOLUTE.test(v) && !v.startsWith('/')) {
        // The sanitizer makes every URL absolute http(s)/mailto; stored-link rewriting makes app routes ("/...").
        out.push(`${tag}[${name}] not http(s)/mailto: ${value.slice(0, 60)}`);
      }
    } else if (name === 'srcset' || name === 'imagesrcset') {
      for (const part of value.split(',')) {
        const u = normalizeUrl(part.trim().split(/\s+/)[0] ?? '');
        if (u && (BAD_SCHEME.test(u) || !SAFE_ABSOLUTE.test(u))) out.push(`${tag}[${name}] candidate ${u.slice(0, 60)}`);
      }
    } else if (name === 'target' && el.localName === 'a') {
      const rel = (el.getAttribute('rel') ?? '').toLowerCase();
      if (value === '_blank' && !rel.includes('noopener')) out.push('a[target=_blank] without noopener');
    } else if (name === 'http-equiv' || name === 'srcdoc' || name === 'is') {
      out.push(`${tag}[${name}]`);
    }
  }
  return out;
}

/** Problems in a subtree, the root's own attributes excluded when `includeRoot` is false. */
export function problemsIn(root: Element, includeRoot: boolean): string[] {
  const out: string[] = includeRoot ? problemsOf(root) : [];
  for (const el of Array.from(root.querySelectorAll('*'))) out.push(...problemsOf(el));
  // Shadow roots or templates cannot come from the sanitizer; a template's content would be inert anyway.
  return out;
}
