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
 * - a placeholder in a link target (`[Bevestig]({{ verification_url }})`, `<a href="{{ url }}">`)
 *   gives a PlaceholderRef with inUrl: true at the link, and no UrlRef (one finding, not two);
 *   `tel:{{ phone }}` and `mailto:{{ email }}` give a phone or e-mail placeholder, not a number;
 * - calls to action (calls.ts) become FormMentions, each with the address it points at: the
 *   visible URL or link in its sentence, or the first thing in the next block when the sentence
 *   ends with a colon ("Ga naar:" ↵ "lindendal.nl/afval"); a placeholder counts as an address
 *   placeholder where a call points at it ("Ga naar :link").
 * Nothing else is deduplicated: the same URL printed twice is two refs at two locations.
 * Every list is sorted by location (parts in the order the letter's blocks first show them).
 */
import { locate } from '../model/locate.js';
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
import { findLogins } from './mentions.js';
import { findPhones, normalizePhone } from './phones.js';
import { findPlaceholders, dataName, type PlaceholderMatch } from './placeholders.js';
import { findCalls, type CallMatch, type Range } from './calls.js';
import { findUrls, looksLikeUrl } from './urls.js';
import { hasScheme, hostPart, normalizeUrl } from '../model/url.js';
import { qrReferences } from './qr.js';

export { findUrls, looksLikeUrl } from './urls.js';
export type { UrlMatch, FindUrlsOptions } from './urls.js';
export { findPlaceholders, findTemplateTags, urlishName } from './placeholders.js';
export type { PlaceholderMatch } from './placeholders.js';
export { findPhones, normalizePhone } from './phones.js';
export type { PhoneMatch } from './phones.js';
export { findEmails, mailtoAddress, normalizeEmail } from './emails.js';
export type { EmailMatch } from './emails.js';
export { findFormMentions, findLogins } from './mentions.js';
export { findCalls } from './calls.js';
export { classifyPayload, epcPayment, qrReferences } from './qr.js';
export type { CallMatch, CallContext, CallsFound } from './calls.js';
export type { FormMentionMatch, LoginMatch } from './mentions.js';

interface Span {
  block: number;
  start: number;
  end: number;
}

/** Sort key: [part rank, line, column]. */
type Keyed<T> = { ref: T; key: [number, number, number] };

/** What a hyperlink's text span is, for the call finder and for suppressing matches inside it. */
interface LinkSpan extends Range {
  /** address: its text is a URL; link: its text is not ("klik hier"); placeholder: its target is one; mail/tel. */
  kind: 'address' | 'link' | 'placeholder' | 'mail' | 'tel';
  ref?: UrlRef;
  placeholder?: PlaceholderRef;
}

function inAny(spans: readonly Range[], start: number, end: number): boolean {
  for (const s of spans) if (s.start <= start && end <= s.end) return true;
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

const LITERAL_TARGET_RE = /^(?:url|link|href|adres|webadres|hier|here|x{2,}|\.{3}|…|todo|tbd)$/i;

/** Host labels of a stand-in address that a template leaves for the writer to fill in ("www.xxx.nl/afvalpas"). */
const DUMMY_LABEL_RE = /^(?:x{2,}|voorbeeld|example|gemeentenaam|naamgemeente|uwgemeente|jouwgemeente|domeinnaam|uwdomein|yourdomain|jouwwebsite|uwwebsite|website|naam)$/i;

function dummyHost(href: string): boolean {
  const host = hasScheme(href) ? hostPart(href) : '';
  if (!host) return false;
  const labels = host.split('.');
  return labels.slice(0, -1).some((l) => DUMMY_LABEL_RE.test(l));
}

/** A call waiting for its address in the next block ("Ga naar:" ↵ address). */
interface Pending {
  mention: FormMention;
  block: number;
}

/** Text right before a placeholder that makes it the thing a call points at ("ga naar", "op", ":"). */
const POINTS_AT_RE = /(?:\b(?:op|via|naar|zie|bezoek|bekijk|link|adres|webadres|website|webpagina|pagina|site|url|at|to|visit)|[:→>])\s*$/iu;
/** The same, in words only: a colon after a label ("Aanvraag: {{ type }}") introduces data, not an address. */
const POINTS_AT_WORD_RE = /\b(?:op|via|naar|zie|bezoek|bekijk|link|webadres|website|webpagina|pagina|site|url|at|to|visit)\s*:?\s*$/iu;

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
  const push = <T extends { location: Location }>(list: Keyed<T>[], ref: T): T => {
    list.push({ ref, key: keyOf(ref.location) });
    return ref;
  };
  /** The address each call points at, resolved to indexes once the lists are sorted. */
  const targets = new Map<FormMention, UrlRef | PlaceholderRef>();

  // Links first: their text ranges suppress the bare matches inside them.
  const spansByBlock = new Map<number, LinkSpan[]>();
  const addSpan = (span: Span | null, s: Omit<LinkSpan, 'start' | 'end'>) => {
    if (!span) return;
    const list = spansByBlock.get(span.block) ?? [];
    list.push({ start: span.start, end: span.end, ...s });
    spansByBlock.set(span.block, list);
  };
  for (const link of letter.links) {
    const href = link.href.trim();
    if (href === '' || href.startsWith('#')) continue;
    const span = linkSpan(letter, link);
    const location = span ? locate(letter.blocks[span.block], span.start) : link.location;
    const text = link.text;
    // A target left as a word ("[meer info](URL)", "href=\"link\"") or in template syntax is a placeholder.
    const inHref = LITERAL_TARGET_RE.test(href)
      ? [{ printed: href, start: 0, end: href.length, name: href, inUrl: true, role: 'address' as const }]
      : findPlaceholders(decoded(href));
    const tel = /^tel:/i.test(href);
    const mail = /^mailto:/i.test(href);
    if (inHref.length > 0) {
      // A template fills this in: the placeholder is the finding, not the target as it stands.
      const role = tel ? 'phone' : mail ? 'email' : 'address';
      let first: PlaceholderRef | undefined;
      for (const p of inHref) {
        if (text.includes(p.printed)) continue; // `<a href="tel:{{ phone }}">{{ phone }}</a>`: the text's one is reported
        const ref = push(placeholders, { printed: p.printed, location, inUrl: role === 'address', role });
        first ??= ref;
      }
      addSpan(span, { kind: role === 'address' ? 'placeholder' : tel ? 'tel' : 'mail', placeholder: first });
      continue;
    }
    const address = mailtoAddress(href);
    if (address !== null) {
      push(emails, { printed: text.trim() || address, address, location });
      addSpan(span, { kind: 'mail' });
      continue;
    }
    if (tel) {
      push(phones, { printed: text.trim() || href.slice(4), normalized: normalizePhone(href), location });
      addSpan(span, { kind: 'tel' });
      continue;
    }
    const visible = looksLikeUrl(text);
    const ref = push(urls, {
      printed: visible ? text.trim() : href,
      href: hasScheme(href) ? normalizeUrl(href) : href,
      location,
      linkText: text,
      linked: true,
      visible,
    });
    addSpan(span, { kind: visible ? 'address' : 'link', ref });
  }

  const pending: Pending[] = [];
  /** Per block: the addresses (URL refs, address placeholders) in order of their offset, for "Ga naar:" ↵. */
  const firstInBlock = new Map<number, { offset: number; ref: UrlRef | PlaceholderRef }>();

  letter.blocks.forEach((block: TextBlock, bi: number) => {
    const text = block.text;
    if (text.trim() === '') return;
    const at = (offset: number): Location => locate(block, offset);
    const spans = spansByBlock.get(bi) ?? [];
    const spansOf = (...kinds: LinkSpan['kind'][]) => spans.filter((s) => kinds.includes(s.kind));

    // A template link `[tekst]({{ url }})` stays text in Markdown: its target was reported with the link.
    const ph = findPlaceholders(text).filter(
      (p) => !spansOf('placeholder', 'tel', 'mail').some((s) => s.end <= p.start && /^\]\(\s*$/.test(text.slice(s.end, p.start))),
    );
    const em = findEmails(text).filter((e) => !inAny(spansOf('mail'), e.start, e.end));
    const found = findUrls(text, { placeholders: ph, emails: em }).filter((u) => !inAny(spansOf('address', 'link'), u.start, u.end));
    const ph2 = findPhones(text).filter((p) => !inAny(spansOf('tel'), p.start, p.end));

    // Calls to action, with what they may point at.
    // What may stand where an address belongs: an address placeholder, or another one (not data such
    // as a date or a number) right after "op", "via", "naar", ":" — "Kijk op {{ site_name }}".
    const candidates = ph.filter(
      (p) => p.role === 'address' || (p.role === 'other' && !dataName(p.name) && POINTS_AT_WORD_RE.test(text.slice(Math.max(0, p.start - 24), p.start))),
    );
    const { calls, placeholderTargets } = findCalls(text, {
      addresses: [...found, ...spansOf('address')],
      links: spansOf('link', 'placeholder'),
      placeholders: candidates,
      linkPlaceholders: candidates.flatMap((p, i) => (p.role === 'address' && /url|link|button|knop|href/i.test(p.name) ? [i] : [])),
      others: [...em, ...ph2, ...spansOf('mail', 'tel'), ...ph.filter((p) => !candidates.includes(p))],
    });
    for (const i of placeholderTargets) {
      const p = candidates[i];
      if (p.inUrl || !pointedAt(text, p, calls)) continue;
      p.inUrl = true;
      p.role = 'address';
    }

    // The block's addresses in order: bare URLs, links, placeholders where an address belongs.
    const addresses: Array<{ start: number; ref: UrlRef | PlaceholderRef }> = [];
    for (const p of ph) {
      const ref = push(placeholders, { printed: p.printed, location: at(p.start), inUrl: p.inUrl, role: p.role });
      if (p.inUrl) addresses.push({ start: p.start, ref });
    }
    for (const e of em) push(emails, { printed: e.printed, address: e.address, location: at(e.start) });
    for (const u of found) {
      const ref = push(urls, { printed: u.printed, href: u.href, location: at(u.start), linked: false, visible: true });
      addresses.push({ start: u.start, ref });
      // "www.xxx.nl/afvalpas": printed, but a stand-in the writer was to replace.
      if (dummyHost(u.href)) push(placeholders, { printed: u.printed, location: at(u.start), inUrl: true, role: 'address' });
    }
    for (const s of spans) {
      if (s.ref) addresses.push({ start: s.start, ref: s.ref });
      else if (s.placeholder) addresses.push({ start: s.start, ref: s.placeholder });
    }
    addresses.sort((a, b) => a.start - b.start);
    if (addresses.length > 0 && text.slice(0, addresses[0].start).trim().length <= 2) {
      firstInBlock.set(bi, { offset: addresses[0].start, ref: addresses[0].ref });
    }
    for (const p of ph2) push(phones, { printed: p.printed, normalized: p.normalized, location: at(p.start) });

    const said = new Set<string>();
    for (const c of calls) {
      // The same call said twice in a paragraph ("… bellen met 14020. … kunt u bellen met …") is one call.
      const key = `${c.kind}|${c.text.toLowerCase()}`;
      if (said.has(key)) continue;
      said.add(key);
      const mention = push(forms, { kind: c.kind, text: c.text, location: at(c.start), online: c.online });
      if (c.kind === 'phone' || c.kind === 'visit' || c.kind === 'paper-form') continue;
      const inSentence = addresses.filter((a) => a.start >= c.sentence.start && a.start < c.sentence.end);
      const target = inSentence.find((a) => a.start >= c.start) ?? inSentence.at(-1);
      if (target) targets.set(mention, target.ref);
      else if (/:\s*$/.test(text.slice(c.sentence.start, c.sentence.end)) && text.slice(c.sentence.end).trim() === '') {
        pending.push({ mention, block: bi });
      } else {
        // Another sentence of the same paragraph: "Vul het formulier in. U vindt het op …".
        const near = addresses.find((a) => a.start >= c.sentence.end) ?? addresses.at(-1);
        if (near) targets.set(mention, near.ref);
      }
    }
    for (const l of findLogins(text)) push(logins, { kind: l.kind, text: l.text, location: at(l.start) });
  });

  // "Ga naar:" ↵ address: the call points at what the next block starts with.
  for (const { mention, block } of pending) {
    const next = letter.blocks.findIndex((b, i) => i > block && b.text.trim() !== '');
    if (next === -1 || letter.blocks[next].part !== letter.blocks[block].part) continue;
    const first = firstInBlock.get(next);
    if (first) targets.set(mention, first.ref);
  }

  const sorted = <T>(list: Keyed<T>[]): T[] =>
    list
      .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
      .map((k) => k.ref);
  const out: References = {
    urls: sorted(urls),
    forms: sorted(forms),
    phones: sorted(phones),
    emails: sorted(emails),
    logins: sorted(logins),
    placeholders: sorted(placeholders),
  };
  if (targets.size > 0) {
    const urlIndex = new Map<unknown, number>(out.urls.map((u, i) => [u, i]));
    const placeholderIndex = new Map<unknown, number>(out.placeholders.map((p, i) => [p, i]));
    for (const [mention, ref] of targets) {
      const u = urlIndex.get(ref);
      if (u !== undefined) mention.url = u;
      const p = placeholderIndex.get(ref);
      if (p !== undefined) mention.placeholder = p;
    }
  }
  // QR codes read from the images, with the address printed next to each.
  Object.assign(out, qrReferences(letter, out));
  return out;
}

/** Whether a placeholder in a call's sentence is what the call points at (right after "op", "via", "naar", ":" …). */
function pointedAt(text: string, p: PlaceholderMatch, calls: readonly CallMatch[]): boolean {
  const call = calls.find((c) => c.online && c.sentence.start <= p.start && p.end <= c.sentence.end && c.start <= p.start && p.start - c.end <= 40);
  if (!call) return false;
  return POINTS_AT_RE.test(text.slice(Math.max(call.start, p.start - 24), p.start));
}
