/**
 * URLs, one home for the concept: parsed once into a WHATWG URL (or nothing, for text that is no
 * URL), normalised as printed, keyed as a resident types them, compared, shown and redacted. Pure.
 * Finding URLs in text is the extractor's (src/extract/urls.ts).
 */
import { memoByString } from '../memo.js';

/** The URL `text` names (relative to `base` when given), or undefined when it is none. Parses once. */
export function parseUrl(text: string, base?: string | URL): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

/** An http(s) URL, or undefined for anything else (no URL, `mailto:`, `ftp:` …). */
export function parseWebUrl(text: string, base?: string | URL): URL | undefined {
  const u = parseUrl(text, base);
  return u && (u.protocol === 'http:' || u.protocol === 'https:') ? u : undefined;
}

/** The host name of an absolute URL, lower-cased and without its port, or undefined: for comparing hosts and domains. */
export function hostnameOf(href: string): string | undefined {
  return parseUrl(href)?.hostname.toLowerCase();
}

/** The host as a message names it: with its port, and a text that is no URL as written. */
export function hostForMessage(url: string): string {
  return parseUrl(url)?.host ?? url;
}

/** Is `host` one of `domains` or a subdomain of one? Case-insensitive, ignores a trailing dot. */
export function onDomain(host: string, domains: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return domains.some((d) => h === d || h.endsWith(`.${d}`));
}

const SCHEME_RE = /^([a-z][a-z0-9+.-]*):\/\//i;

/** Whether the URL text carries a scheme (`https://`, `ftp://` …). */
export function hasScheme(url: string): boolean {
  return SCHEME_RE.test(url);
}

/** A URL text without its scheme and `//`, whatever the scheme: `https://x.nl/a` → `x.nl/a`. */
export function withoutScheme(url: string): string {
  return url.replace(SCHEME_RE, '');
}

/** A host name without a leading `www.`: the same site for a resident typing it. */
export function withoutWww(host: string): string {
  return host.replace(/^www\./i, '');
}

/** Host part (no userinfo, no port) of a URL with or without scheme. */
export function hostPart(url: string): string {
  let rest = url.replace(SCHEME_RE, '');
  const slash = rest.search(/[/?#]/);
  if (slash !== -1) rest = rest.slice(0, slash);
  const at = rest.lastIndexOf('@');
  if (at !== -1) rest = rest.slice(at + 1);
  const colon = rest.indexOf(':');
  return colon === -1 ? rest : rest.slice(0, colon);
}

/** `mailto:`, `tel:`, `urn:` … — a scheme without `//`; not "localhost:8080/pad" (a port). */
const OPAQUE_SCHEME_RE = /^([a-z][a-z0-9+-]*):(?!\d+(?:[/?#]|$))/i;

/**
 * Normalized absolute form of a URL as printed: `https://` added when there is no scheme, scheme
 * and host lower-cased; path, query and fragment untouched. Non-hierarchical schemes (`mailto:`,
 * `tel:`) only get the scheme lower-cased.
 */
export function normalizeUrl(href: string): string {
  const s = href.trim();
  let scheme: string;
  let rest: string;
  if (hasScheme(s)) {
    const i = s.indexOf('://');
    scheme = s.slice(0, i).toLowerCase();
    rest = s.slice(i + 3);
  } else if (s.startsWith('//')) {
    scheme = 'https';
    rest = s.slice(2);
  } else {
    const m = OPAQUE_SCHEME_RE.exec(s);
    if (m) return m[1].toLowerCase() + s.slice(m[1].length);
    scheme = 'https';
    rest = s;
  }
  const host = hostPart(rest);
  const hostAt = rest.indexOf(host);
  const lowered = hostAt === -1 ? rest : rest.slice(0, hostAt) + host.toLowerCase() + rest.slice(hostAt + host.length);
  return `${scheme}://${lowered}`;
}

/**
 * A URL as a resident would type it, for comparison: no scheme, no `www.`, no user info, host in
 * lower case, no default port, no trailing slash on the path; path, query and fragment otherwise
 * as written. "https://www.Gemeente.nl/Afval/" → "gemeente.nl/Afval".
 */
export const urlKey: (url: string) => string = memoByString((url) => {
  const s = url.trim().replace(SCHEME_RE, '').replace(/^\/\//, '');
  const cut = s.search(/[/?#]/);
  const host = (cut === -1 ? s : s.slice(0, cut))
    .replace(/^[^@]*@/, '')
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/:(80|443)$/, '')
    .replace(/\.$/, '');
  const rest = cut === -1 ? '' : s.slice(cut);
  const q = rest.search(/[?#]/);
  const path = q === -1 ? rest : rest.slice(0, q);
  return host + path.replace(/\/+$/, '') + (q === -1 ? '' : rest.slice(q));
});

/**
 * Whether two URLs name the same page as a resident would type it (see urlKey): equal ignoring
 * the scheme, a leading `www.`, a trailing slash on the path and the case of the host.
 * `https://www.x.nl/afval/` and `x.nl/afval` are the same; `x.nl/Afval` and `x.nl/afval` are not.
 */
export function sameUrl(a: string, b: string): boolean {
  return urlKey(a) === urlKey(b);
}

/** Query parameters that only track where a visit came from (`utm_source=qr`): the same page with or without them. */
const TRACKING = /^(?:utm_[a-z]+|mtm_[a-z]+|pk_[a-z]+|matomo_[a-z]+|piwik_[a-z]+|gclid|fbclid|msclkid|mc_cid|mc_eid|_ga|ref|source|bron)$/i;

/**
 * A URL without its fragment and tracking parameters: the page it names. QR codes often carry
 * `?utm_source=brief&utm_medium=qr`; the page is the same one the letter prints.
 */
export function pageOf(url: string): string {
  const u = parseUrl(url);
  if (!u) return url.replace(/#.*$/, '');
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  return u.href;
}

/** A URL without `https://` (any other scheme is kept): `https://x.nl/a` → `x.nl/a`. */
export function withoutHttps(url: string): string {
  return url.replace(/^https:\/\//i, '');
}

/** How an address is written for a resident: without `https://`, and a bare host without its `/`. */
export function displayUrl(url: string): string {
  return withoutHttps(url).replace(/^([^/?#]+)\/$/, '$1');
}

/**
 * A URL as written, without user name and password (`https://user:pass@host/` → `https://host/`),
 * for the verbose log, which shows each address exactly as it was fetched.
 */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1');
}

/** A URL for messages: without user name and password (also in text that is no URL), normalised. */
export function redactUrl(url: string): string {
  const u = parseUrl(url);
  if (!u) return url.replace(/\/\/[^/@]*@/, '//');
  u.username = '';
  u.password = '';
  return u.href;
}

const DOMAIN_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/** `https://www.Voorbeeldstad.nl/afval` → `voorbeeldstad.nl`; undefined when it is no domain name. */
export function domainName(input: string): string | undefined {
  const host = input
    .trim()
    .toLowerCase()
    .replace(SCHEME_RE, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  return DOMAIN_NAME.test(host) ? host : undefined;
}
