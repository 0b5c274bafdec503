/**
 * What a letter prints that its briefing does not name: forms, URLs, phone numbers. Pure: the facts
 * that `kcc-briefing-mismatch` words as findings and the KCC page counts, worked out once per letter.
 */
import type { FormMention, PhoneRef, QrRef, References, UrlRef } from '../types.js';
import type { Briefing, BriefingForm } from '../facts/kcc/types.js';
import { pageOf, parseUrl, urlKey } from './url.js';
import { normalizePhone } from '../extract/phones.js';
import { briefingPhones, briefingUrlKeys, hasPlaceholder, letterForms, letterUrlKey } from './briefing-match.js';

export type Mismatch =
  /** The letter mentions a form without an address, and the briefing names no form at all. */
  | { kind: 'form-none-named'; mention: FormMention }
  /** For a form, the letter prints one address and the briefing names another. */
  | { kind: 'form-other-url'; mention: FormMention; url: UrlRef; other: BriefingForm }
  /** The letter sends readers to a form the briefing does not name (`others`: the briefing's other forms). */
  | { kind: 'form-not-named'; mention: FormMention; url: UrlRef; others: string[] }
  /**
   * The letter prints a URL the briefing does not name. `targetNamed`: the briefing names the link's
   * target instead of what is printed; `sameHost`: addresses on the same host it does name.
   */
  | { kind: 'url-not-named'; url: UrlRef; targetNamed: boolean; sameHost: string[] }
  /** A QR code in the letter leads to an address the briefing does not name (`sameHost` as above). */
  | { kind: 'qr-not-named'; qr: QrRef; sameHost: string[] }
  /** The letter prints a phone number the briefing does not name. */
  | { kind: 'phone-not-named'; phone: PhoneRef };

/** A URL in the letter's header or footer, or a site's home page: stationery, not a destination. */
export function isLetterhead(u: UrlRef): boolean {
  if (u.location.part === 'header' || u.location.part === 'footer') return true;
  const url = parseUrl(u.href);
  return !!url && url.pathname.replace(/\/+$/, '') === '';
}

/** Everything the letter prints that the briefing does not name, in the order a finding names it. */
export function briefingMismatches(refs: References, b: Briefing): Mismatch[] {
  const keys = briefingUrlKeys(b);
  // The letterhead (header, footer) and a bare home page are not what the letter sends people to.
  const printed = refs.urls.filter((u) => u.visible && !hasPlaceholder(u) && !isLetterhead(u));
  const letterKeys = new Set(printed.map(letterUrlKey));
  const formKeys = new Set(b.forms.flatMap((f) => (f.url ? [urlKey(f.url)] : [])));
  // Briefing forms whose URL the letter does not print: the letter must mean another address.
  const unmatchedForms = b.forms.filter((f) => f.url && !letterKeys.has(urlKey(f.url)));
  const out: Mismatch[] = [];
  const done = new Set<string>();

  let formWithoutUrl = false;
  for (const f of letterForms(refs)) {
    if (!f.url) {
      if (!formWithoutUrl && b.forms.length === 0 && !/formulier|\bform\b/i.test(b.body)) {
        formWithoutUrl = true;
        out.push({ kind: 'form-none-named', mention: f.mention });
      }
      continue;
    }
    const k = letterUrlKey(f.url);
    if (done.has(k) || formKeys.has(k)) continue;
    if (unmatchedForms.length === 1) {
      done.add(k);
      out.push({ kind: 'form-other-url', mention: f.mention, url: f.url, other: unmatchedForms[0] });
      continue;
    }
    if (keys.has(k)) continue; // named as a URL, not as a form: good enough
    done.add(k);
    out.push({ kind: 'form-not-named', mention: f.mention, url: f.url, others: unmatchedForms.map((o) => o.url!) });
  }

  for (const u of printed) {
    const k = letterUrlKey(u);
    if (done.has(k)) continue;
    done.add(k);
    if (keys.has(k)) continue;
    const host = k.split(/[/?#]/)[0];
    const sameHost = [...new Set([...b.urls, ...b.forms.flatMap((f) => (f.url ? [f.url] : []))].filter((x) => urlKey(x).split(/[/?#]/)[0] === host))];
    out.push({ kind: 'url-not-named', url: u, targetNamed: keys.has(urlKey(u.href)), sameHost });
  }

  // A QR code's address is where residents who scan it go: the KCC must know it too (not the
  // letterhead's, nor a bare home page). Tracking parameters (`?utm_source=qr`) make no other page.
  for (const qr of qrDestinations(refs)) {
    const k = urlKey(pageOf(qr.href!));
    if (done.has(k)) continue;
    done.add(k);
    if (keys.has(k) || keys.has(urlKey(qr.href!))) continue;
    const host = k.split(/[/?#]/)[0];
    const sameHost = [...new Set([...b.urls, ...b.forms.flatMap((f) => (f.url ? [f.url] : []))].filter((x) => urlKey(x).split(/[/?#]/)[0] === host))];
    out.push({ kind: 'qr-not-named', qr, sameHost });
  }

  const phones = briefingPhones(b);
  const seen = new Set<string>();
  for (const p of refs.phones) {
    const n = normalizePhone(p.normalized || p.printed);
    if (seen.has(n)) continue;
    seen.add(n);
    if (!phones.has(n)) out.push({ kind: 'phone-not-named', phone: p });
  }
  return out;
}

/** The QR codes that send residents to a web page (not in the letterhead, not a bare home page). */
export function qrDestinations(refs: References): QrRef[] {
  return (refs.qr ?? []).filter((q) => q.kind === 'url' && q.href && /^https?:\/\//i.test(q.href) && !isLetterhead({ printed: q.href, href: q.href, location: q.location, linked: false, visible: false }));
}
