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
import { matchUrls } from './linkify.js';
import { normalizeUrl } from '../model/url.js';
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
