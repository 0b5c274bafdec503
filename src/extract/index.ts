/**
 * extractReferences: everything a letter sends its reader to, with locations.
 *
 * Runs the text finders over every block and merges the letter's hyperlinks:
 * - a link gives one UrlRef: href = target (normalized only when it has a scheme; anything else is
 *   kept as-is so a rule can flag it), linkText = the text, printed = the text when it looks like a
 *   URL else the target, visible = the text looks like a URL; a bare URL inside the link text is
 *   not reported again;
 * - `mailto:` links give an EmailRef and `tel:` links a PhoneRef instead (an address or number
 *   inside their text is not reported again);
 * - links to a bookmark in the same document (`#…`) and links without a target are skipped;
 * - a placeholder in a link target (`[Bevestig]({{ verification_url }})`) gives a PlaceholderRef
 *   with inUrl: true at the link.
 * Nothing else is deduplicated: the same URL printed twice is two refs at two locations.
 * Every list is sorted by location (parts in the order the letter's blocks first show them).
 */
import { locate } from '../letters/locate.js';
import type {
  EmailRef,
  FormMention,
  Letter,
  Link,
  Location,
  LoginMention,
  PhoneRef,
  PlaceholderRef,
  References,
  TextBlock,
  UrlRef,
} from '../types.js';
import { findEmails, mailtoAddress } from './emails.js';
import { findFormMentions, findLogins } from './mentions.js';
import { findPhones, normalizePhone } from './phones.js';
import { findPlaceholders } from './placeholders.js';
import { findUrls, looksLikeUrl, normalizeUrl } from './urls.js';
import { hasScheme } from './linkify.js';

export { findUrls, looksLikeUrl, normalizeUrl, sameUrl } from './urls.js';
export type { UrlMatch, FindUrlsOptions } from './urls.js';
export { findPlaceholders, findTemplateTags, urlishName } from './placeholders.js';
export type { PlaceholderMatch } from './placeholders.js';
export { findPhones, normalizePhone } from './phones.js';
export type { PhoneMatch } from './phones.js';
export { findEmails, mailtoAddress, normalizeEmail } from './emails.js';
export type { EmailMatch } from './emails.js';
export { findFormMentions, findLogins } from './mentions.js';
export type { FormMentionMatch, LoginMatch } from './mentions.js';

interface Span {
  block: number;
  start: number;
  end: number;
}

/** Sort key: [part rank, line, column]. */
type Keyed<T> = { ref: T; key: [number, number, number] };

function inAny(spans: readonly Span[], block: number, start: number, end: number): boolean {
  for (const s of spans) if (s.block === block && s.start <= start && end <= s.end) return true;
  return false;
}

function linkSpan(letter: Letter, link: Link): Span | null {
  if (link.block === undefined || link.start === undefined || link.end === undefined) return null;
  if (!letter.blocks[link.block]) return null;
  return { block: link.block, start: link.start, end: link.end };
}

function decoded(href: string): string {
  if (!href.includes('%')) return href;
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

export function extractReferences(letter: Letter): References {
  const partRank = new Map<string, number>();
  for (const b of letter.blocks) if (!partRank.has(b.part)) partRank.set(b.part, partRank.size);
  const keyOf = (loc: Location): [number, number, number] => [
    partRank.get(loc.part ?? 'body') ?? partRank.size,
    loc.line,
    loc.column,
  ];

  const urls: Keyed<UrlRef>[] = [];
  const emails: Keyed<EmailRef>[] = [];
  const phones: Keyed<PhoneRef>[] = [];
  const placeholders: Keyed<PlaceholderRef>[] = [];
  const forms: Keyed<FormMention>[] = [];
  const logins: Keyed<LoginMention>[] = [];
  const push = <T extends { location: Location }>(list: Keyed<T>[], ref: T): void => {
    list.push({ ref, key: keyOf(ref.location) });
  };

  // Links first: their text ranges suppress the bare matches inside them.
  const urlLinks: Span[] = [];
  const mailLinks: Span[] = [];
  const telLinks: Span[] = [];
  for (const link of letter.links) {
    const href = link.href.trim();
    if (href === '' || href.startsWith('#')) continue;
    const span = linkSpan(letter, link);
    const location = span ? locate(letter.blocks[span.block], span.start) : link.location;
    const text = link.text;
    const address = mailtoAddress(href);
    if (address !== null) {
      push(emails, { printed: text.trim() || address, address, location });
      if (span) mailLinks.push(span);
      continue;
    }
    if (/^tel:/i.test(href)) {
      push(phones, { printed: text.trim() || href.slice(4), normalized: normalizePhone(href), location });
      if (span) telLinks.push(span);
      continue;
    }
    const visible = looksLikeUrl(text);
    push(urls, {
      printed: visible ? text.trim() : href,
      href: hasScheme(href) ? normalizeUrl(href) : href,
      location,
      linkText: text,
      linked: true,
      visible,
    });
    if (span) urlLinks.push(span);
    for (const p of findPlaceholders(decoded(href))) push(placeholders, { printed: p.printed, location, inUrl: true });
  }

  letter.blocks.forEach((block: TextBlock, bi: number) => {
    const text = block.text;
    if (text.trim() === '') return;
    const at = (offset: number): Location => locate(block, offset);
    const ph = findPlaceholders(text);
    for (const p of ph) push(placeholders, { printed: p.printed, location: at(p.start), inUrl: p.inUrl });
    const em = findEmails(text);
    for (const e of em) {
      if (mailLinks.length > 0 && inAny(mailLinks, bi, e.start, e.end)) continue;
      push(emails, { printed: e.printed, address: e.address, location: at(e.start) });
    }
    for (const u of findUrls(text, { placeholders: ph, emails: em })) {
      if (urlLinks.length > 0 && inAny(urlLinks, bi, u.start, u.end)) continue;
      push(urls, { printed: u.printed, href: u.href, location: at(u.start), linked: false, visible: true });
    }
    for (const p of findPhones(text)) {
      if (telLinks.length > 0 && inAny(telLinks, bi, p.start, p.end)) continue;
      push(phones, { printed: p.printed, normalized: p.normalized, location: at(p.start) });
    }
    for (const f of findFormMentions(text)) push(forms, { kind: f.kind, text: f.text, location: at(f.start) });
    for (const l of findLogins(text)) push(logins, { kind: l.kind, text: l.text, location: at(l.start) });
  });

  const sorted = <T>(list: Keyed<T>[]): T[] =>
    list
      .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
      .map((k) => k.ref);
  return {
    urls: sorted(urls),
    forms: sorted(forms),
    phones: sorted(phones),
    emails: sorted(emails),
    logins: sorted(logins),
    placeholders: sorted(placeholders),
  };
}
