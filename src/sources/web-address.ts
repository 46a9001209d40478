// What the reader typed in "Add a source", as an http(s) URL or nothing. DOM-free.

// A host name (labels of letters, digits, hyphens; `_` is seen in the wild), an IPv4 address, or an IPv6 literal.
const HOST = /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?|\[[0-9a-f:.]+\])$/i;

/**
 * The http(s) URL the reader means, or null when the input is not a web address. A bare host name
 * (`example.com/feed`) gets https://; any other scheme (ftp:, javascript:, mailto:…) is refused.
 */
export function webAddress(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const explicit = /^https?:\/\//i.test(trimmed);
  // "example.com:8080/feed" has a port, not a scheme; "ftp:", "javascript:", "mailto:" are schemes we do not read.
  if (!explicit && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(trimmed)) return null;
  const url = explicit ? trimmed : `https://${trimmed}`;
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // Chromium's parser accepts "https://not a url" (host "not%20a%20url"): check the host ourselves.
  if (!HOST.test(parsed.hostname)) return null;
  // Without a scheme, one word ("news") is more likely a typo than an intranet host.
  if (!explicit && !parsed.hostname.includes('.') && !parsed.hostname.startsWith('[') && parsed.hostname !== 'localhost') return null;
  return parsed.href;
}
