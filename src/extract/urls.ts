/**
 * URLs as a resident reads them: `https://…`, `http://…`, `www.…` and scheme-less hosts on a known
 * TLD (`gemeente.nl/pad`, `meldingen.amsterdam.nl`, `voorbeeldstad.example/kwijtschelding`).
 *
 * Matching is linkify-it (see linkify.ts for the corrections on top). Here: placeholders and
 * e-mail addresses are taken out, and the href is normalized.
 *
 * Line breaks: a URL that ends in `/` or `-` right at a line end is joined with the next line when
 * that line starts (without indentation) with a lower-case word or digits that is not a common short
 * word ("en", "of", "kijk", "the" …), or with a run holding URL-path characters. `printed` then has
 * the line break removed; start/end span the original text.
 */
import { findEmails } from './emails.js';
import { hasScheme, hostPart, matchUrls } from './linkify.js';
import { findPlaceholders, maskTemplateTags, type Range } from './placeholders.js';
import { memoByString } from '../memo.js';

export interface UrlMatch {
  start: number;
  end: number;
  /** As the reader sees it (a URL joined over a line break without the break). */
  printed: string;
  /** normalizeUrl(printed): https:// added when there is no scheme, host lower-cased. */
  href: string;
}

export interface FindUrlsOptions {
  /** Placeholder ranges already found in the same text (saves a pass); default findPlaceholders(text). */
  placeholders?: readonly Range[];
  /** E-mail ranges already found in the same text; default findEmails(text). */
  emails?: readonly Range[];
}

const WS_RE = /\s/;

function overlaps(ranges: readonly Range[], start: number, end: number): boolean {
  for (const r of ranges) if (r.start < end && start < r.end) return true;
  return false;
}

/**
 * URLs in text, in order. Never an e-mail address or its domain, and never a URL made from or
 * around a placeholder: any URL whose white-space-delimited token holds a placeholder
 * (`https://[gemeentenaam].nl/afval`, `www.x.nl/{zaak}`) is left to findPlaceholders, which marks
 * the placeholder inUrl.
 */
export function findUrls(text: string, options: FindUrlsOptions = {}): UrlMatch[] {
  const masked = maskTemplateTags(text);
  const raw = matchUrls(masked);
  if (raw.length === 0) return [];
  const placeholders = options.placeholders ?? findPlaceholders(text);
  const emails = options.emails ?? findEmails(text);
  const out: UrlMatch[] = [];
  for (const u of raw) {
    if (emails.length > 0 && overlaps(emails, u.start, u.end)) continue;
    if (placeholders.length > 0) {
      let ts = u.start;
      while (ts > 0 && !WS_RE.test(masked[ts - 1])) ts--;
      let te = u.end;
      while (te < masked.length && !WS_RE.test(masked[te])) te++;
      if (overlaps(placeholders, ts, te)) continue;
    }
    out.push({ start: u.start, end: u.end, printed: u.printed, href: normalizeUrl(u.printed) });
  }
  return out;
}

/**
 * Whether the whole text (trimmed, sentence punctuation after it allowed) is one URL:
 * "meldingen.amsterdam.nl" and "https://x.nl/a." yes; "klik hier", "info@x.nl", "{{ url }}" no.
 */
export const looksLikeUrl: (text: string) => boolean = memoByString((text) => {
  const t = text.trim();
  if (t === '' || WS_RE.test(t.replace(/\r?\n/g, ''))) return false;
  const found = findUrls(t);
  if (found.length !== 1 || found[0].start !== 0) return false;
  return /^[.,;:!?…'"”’»)\]]*$/.test(t.slice(found[0].end));
});

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
  const s = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^\/\//, '');
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
  try {
    const u = new URL(url);
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
    return u.href;
  } catch {
    return url.replace(/#.*$/, '');
  }
}

const URL_IN_TEXT =
  /\b(?:https?:\/\/[^\s<>"'()]+|www\.[^\s<>"'()]+|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:\/[^\s<>"'()]*)?)/gi;

/**
 * URLs written in free text (bare, `www.` or `domain.tld/path`), trailing punctuation dropped.
 * Only strings with a scheme, `www.` or a path count, so "bijv." or "a.b" do not.
 * Simpler than findUrls (no linkify, no placeholders, no positions): a briefing's text is only searched.
 */
export function urlsInText(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const start = m.index ?? 0;
    if (start > 0 && /[@\w.-]/.test(text[start - 1])) continue; // part of an e-mail address or word
    const u = m[0].replace(/[.,;:!?»”’)\]]+$/, '');
    if (!/^(https?:\/\/|www\.)/i.test(u) && !u.includes('/')) continue;
    if (/^https?:\/\/$/i.test(u)) continue;
    out.push(u);
  }
  return out;
}
