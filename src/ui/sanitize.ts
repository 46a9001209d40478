// The one sanitizer policy for all third-party HTML (DESIGN.md §7). Runs in the page only:
// DOMPurify needs a real DOM.
import DOMPurify, { type Config } from 'dompurify';

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'dfn', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p',
  'picture', 'pre', 'q', 's', 'small', 'source', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'time', 'tr', 'u', 'ul', 'wbr',
];
const ALLOWED_ATTR = ['href', 'src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'datetime', 'cite',
  'colspan', 'rowspan', 'scope', 'lang', 'dir', 'class', 'media', 'type'];
// Attributes that are not URLs. With a custom ALLOWED_URI_REGEXP, DOMPurify tests every allowed attribute
// that is not "URI-safe" against it, so without this list width, lang, dir, colspan, datetime … were all dropped.
const NON_URL_ATTR = ['sizes', 'width', 'height', 'datetime', 'colspan', 'rowspan', 'scope', 'lang', 'dir', 'media', 'type'];

const config: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ADD_URI_SAFE_ATTR: NON_URL_ATTR,
  // Only http(s) and mailto survive; relative URLs are resolved in the hook below first.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  FORBID_TAGS: ['style', 'script', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'svg', 'math', 'base', 'link', 'meta'],
  FORBID_ATTR: ['style', 'id', 'name'],
  KEEP_CONTENT: true,
};

let base = 'about:blank';
let hooked = false;

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

// Absolute http(s)/mailto URL, or null. DOMPurify lets data: through on <img> by default; we do not.
function resolve(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (!URL.canParse(trimmed, base)) return null;
  const url = new URL(trimmed, base);
  return SAFE_PROTOCOLS.has(url.protocol) ? url.toString() : null;
}

/** Image candidates of a srcset as [url, descriptor], split the way browsers do (URLs may contain commas). */
function parseSrcset(value: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i]!)) i++;
    if (i >= value.length) break;
    let end = i;
    while (end < value.length && !/\s/.test(value[end]!)) end++;
    let url = value.slice(i, end);
    i = end;
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      const start = i;
      while (i < value.length && (value[i] !== ',' || depth > 0)) {
        if (value[i] === '(') depth++;
        else if (value[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptor = value.slice(start, i).trim();
      i++; // the comma
    }
    if (url) out.push([url, descriptor]);
  }
  return out;
}

function installHooks(): void {
  if (hooked) return;
  hooked = true;
  // Resolve before DOMPurify's URI check so relative links are judged as what they become.
  DOMPurify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'href' || data.attrName === 'src' || data.attrName === 'cite') {
      const url = resolve(data.attrValue);
      if (url === null) data.keepAttr = false;
      else data.attrValue = url;
    } else if (data.attrName === 'srcset') {
      const candidates = parseSrcset(data.attrValue)
        .map(([url, descriptor]) => {
          const abs = resolve(url);
          // Browsers read a candidate's URL as a run of non-space characters, so commas inside it survive the join.
          const validDescriptor = descriptor === '' || /^(?:\d+w|\d*\.?\d+x|\d+h)(?:\s+(?:\d+w|\d+h))?$/.test(descriptor);
          return abs && validDescriptor && !abs.startsWith('mailto:') ? [abs, descriptor].filter(Boolean).join(' ') : '';
        })
        .filter(Boolean);
      if (candidates.length) data.attrValue = candidates.join(', ');
      else data.keepAttr = false;
    }
  });
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    if (node.tagName === 'IMG') {
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
      node.setAttribute('referrerpolicy', 'no-referrer');
      if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
    }
  });
}

/** Sanitizes untrusted article HTML with relative URLs resolved against `baseUrl`; returns a fragment. */
export function sanitizeArticleHtml(html: string, baseUrl: string): DocumentFragment {
  installHooks();
  base = URL.canParse(baseUrl) ? baseUrl : 'about:blank';
  try {
    return DOMPurify.sanitize(html, { ...config, RETURN_DOM_FRAGMENT: true });
  } finally {
    base = 'about:blank';
  }
}

/** Sanitizes to an HTML string (for tests and for places that need markup, not nodes). */
export function sanitizeArticleHtmlToString(html: string, baseUrl: string): string {
  const container = document.createElement('div');
  container.append(sanitizeArticleHtml(html, baseUrl));
  return container.innerHTML;
}
