/**
 * Pure helpers over SiteFacts for the rules (no I/O, no undici).
 */
import type { Message, QrRef, References, UrlRef } from '../types.js';
import { displayUrl, hostForMessage, normalizeUrl, sameUrl } from './url.js';
import type { Facts } from '../facts/types.js';
import type { CheckOutcome, UrlKind, UrlResult, VariantKind, VariantResult } from '../facts/site/types.js';
import type { FormResult } from '../facts/forms/types.js';

/** A live page: reachable, or behind a login wall. */
export function isLive(kind: UrlKind): boolean {
  return kind === 'ok' || kind === 'protected';
}

/**
 * Which side of a reference an address is:
 * - `printed`: the address as printed, which is also where the link (if any) goes;
 * - `typed`: what a reader of the paper letter types, for a hyperlink whose text is another address;
 * - `link`: where that hyperlink (or one whose text is no address, "klik hier") takes an e-mail reader;
 * - `qr`: where a QR code in the letter takes a resident who scans it (nobody types it).
 */
export type AddressSide = 'printed' | 'typed' | 'link' | 'qr';

/** One checked address of a reference, with what the site and the forms check found for it. */
export interface AddressFact {
  /** For a QR code, a reference made for it: `printed` is its address as a resident would read it, neither visible nor linked. */
  ref: UrlRef;
  side: AddressSide;
  /** The QR code, for side `qr`. */
  qr?: QrRef;
  /** The URL fetched (the printed text normalised, or the link's target). */
  href: string;
  result?: UrlResult;
  form?: FormResult;
}

/**
 * The addresses a site rule looks at: visible or linked, http(s). A hyperlink whose text is
 * another address than its target gives two: what the paper reader types (`typed`, first) and
 * what the e-mail reader clicks (`link`). Results are filled in from the facts when gathered.
 */
export function addressFacts(refs: References, facts?: Facts): AddressFact[] {
  const out: AddressFact[] = [];
  const site = facts?.site;
  const forms = facts?.forms;
  const add = (ref: UrlRef, side: AddressSide, href: string) => {
    if (!HTTP.test(href)) return;
    const result = site?.urls[href];
    const form = forms?.urls[href];
    out.push({ ref, side, href, ...(result ? { result } : {}), ...(form ? { form } : {}) });
  };
  for (const ref of refs.urls) {
    if (ref.linked && ref.visible && !sameUrl(ref.printed, ref.href)) {
      add(ref, 'typed', normalizeUrl(ref.printed));
      add(ref, 'link', ref.href);
    } else if (ref.linked && !ref.visible) add(ref, 'link', ref.href);
    else if (ref.visible || ref.linked) add(ref, 'printed', ref.href);
  }
  // A QR code's web address is checked like a printed one: live, the form behind it, off-site redirects.
  for (const qr of refs.qr ?? []) {
    if (!qr.href || !HTTP.test(qr.href)) continue;
    const ref: UrlRef = { printed: displayUrl(qr.href), href: qr.href, location: qr.location, linked: false, visible: false };
    const before = out.length;
    add(ref, 'qr', qr.href);
    if (out.length > before) out[out.length - 1].qr = qr;
  }
  return out;
}

/** The checked address of a QR code (its live result and form), from the letter's facts. */
export function qrAddress(about: readonly AddressFact[] | undefined, qr: QrRef): AddressFact | undefined {
  return about?.find((a) => a.side === 'qr' && a.qr === qr);
}

/**
 * How a finding names an address, at the start of a sentence: the printed text for what a reader
 * types, "De link achter X (Y)" for where a hyperlink goes when it differs from what is printed.
 */
export function addressLabel(a: Pick<AddressFact, 'ref' | 'side' | 'href'>): Message {
  if (a.side === 'qr') return qrLabel(a.href);
  if (a.side !== 'link') return { nl: a.ref.printed, en: a.ref.printed };
  const target = displayUrl(a.href);
  if (a.ref.visible) return { nl: `De link achter ${a.ref.printed} (${target})`, en: `The link behind ${a.ref.printed} (${target})` };
  const text = (a.ref.linkText ?? '').trim();
  return { nl: `De link “${text}” (${target})`, en: `The link “${text}” (${target})` };
}

/** How a finding names a QR code's address, at the start of a sentence. */
export function qrLabel(href: string): Message {
  const target = displayUrl(href);
  return { nl: `De QR-code (${target})`, en: `The QR code (${target})` };
}

/** The same, for both sides of one link at once ("X en de link erachter (Y)"). */
export function bothSidesLabel(typed: AddressFact, link: AddressFact): Message {
  const target = displayUrl(link.href);
  return { nl: `${typed.ref.printed} en de link erachter (${target})`, en: `${typed.ref.printed} and the link behind it (${target})` };
}

/**
 * The URL references a site rule looks at (see addressFacts): one reference per checked address,
 * the typed side as a bare reference. Kept for the facts gathering, which fetches each href.
 */
export function checkableUrls(refs: References): UrlRef[] {
  return addressFacts(refs).map((a) => (a.side === 'typed' || a.side === 'qr' ? { printed: a.ref.printed, href: a.href, location: a.ref.location, linked: false, visible: true } : a.ref));
}

const HTTP = /^https?:\/\//i;

/**
 * Each checked address with its site result (addresses without one are left out); the same address
 * at the same place once. `about` is the letter's facts when the engine computed them already.
 */
export function siteResults(refs: References, facts: Facts, about?: readonly AddressFact[]): Array<AddressFact & { result: UrlResult }> {
  if (!facts.site) return [];
  const out: Array<AddressFact & { result: UrlResult }> = [];
  const seen = new Set<string>();
  for (const a of about ?? addressFacts(refs, facts)) {
    if (!a.result) continue;
    const key = `${a.side} ${a.href} ${a.ref.location.part ?? ''}:${a.ref.location.line}:${a.ref.location.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a as AddressFact & { result: UrlResult });
  }
  return out;
}

/**
 * Report each failing address once per cause: when what a reader types and where the link goes
 * fail for the same reason, one finding names both.
 */
export function perCause<T extends AddressFact>(items: T[], cause: (a: T) => Message | undefined): Array<{ label: Message; cause: Message; first: T; all: T[] }> {
  const out: Array<{ label: Message; cause: Message; first: T; all: T[] }> = [];
  for (const a of items) {
    const c = cause(a);
    if (!c) continue;
    const twin = out.find((o) => o.all.length === 1 && o.first.ref === a.ref && o.first.side === 'typed' && a.side === 'link' && o.cause.en === c.en);
    if (twin) {
      twin.all.push(a);
      twin.label = bothSidesLabel(twin.first, a);
      continue;
    }
    out.push({ label: addressLabel(a), cause: c, first: a, all: [a] });
  }
  return out;
}

/** A typed variant that reaches a live page while the printed URL does not. */
export function liveVariant(result: UrlResult): VariantResult | undefined {
  if (isLive(result.kind)) return undefined;
  const live = result.variants.filter((v) => isLive(v.kind));
  return live.find((v) => v.variant !== 'http') ?? live[0];
}

export const VARIANT_LABEL: Record<VariantKind, { nl: string; en: string }> = {
  https: { nl: 'met https://', en: 'with https://' },
  www: { nl: 'met www.', en: 'with www.' },
  'no-www': { nl: 'zonder www.', en: 'without www.' },
  http: { nl: 'met http://', en: 'with http://' },
};

/** Why an unreachable URL could not be reached, as a clause ("de domeinnaam … bestaat niet"). */
export function unreachableCause(o: Pick<CheckOutcome, 'error' | 'finalUrl' | 'chain'>, maxRedirects = 10): Message {
  const host = hostForMessage(o.finalUrl);
  switch (o.error) {
    case 'dns':
      return { nl: `de domeinnaam ${host} bestaat niet of is onbekend (DNS)`, en: `the domain name ${host} does not resolve (DNS)` };
    case 'refused':
      return { nl: `de server van ${host} weigert de verbinding`, en: `the server of ${host} refuses the connection` };
    case 'tls':
      return { nl: `het beveiligingscertificaat van ${host} klopt niet (TLS)`, en: `the security certificate of ${host} is not valid (TLS)` };
    case 'timeout':
      return { nl: `${host} antwoordt niet op tijd (time-out), ook niet na nieuwe pogingen`, en: `${host} does not answer in time (timeout), not even after retries` };
    case 'reset':
      return { nl: `${host} verbreekt steeds de verbinding`, en: `${host} keeps dropping the connection` };
    case 'private-address':
      return { nl: `${host} wijst naar een intern netwerkadres, dat inwoners niet kunnen bereiken`, en: `${host} points to an internal network address residents cannot reach` };
    case 'redirect-loop':
      return { nl: 'de site stuurt eindeloos in een kringetje door', en: 'the site redirects in a loop' };
    case 'too-many-redirects':
      return { nl: `de site stuurt meer dan ${maxRedirects} keer door`, en: `the site redirects more than ${maxRedirects} times` };
    case 'bad-redirect':
      return { nl: 'de site stuurt door naar een ongeldig adres', en: 'the site redirects to an invalid address' };
    case 'bad-url':
      return { nl: 'het is geen geldig webadres', en: 'it is not a valid web address' };
    default:
      return { nl: `${host} is niet bereikbaar (netwerkfout)`, en: `${host} cannot be reached (network error)` };
  }
}

/** Why a URL is not a live page, as a short clause, for any kind but ok/protected. */
export function notLiveCause(o: CheckOutcome): Message {
  switch (o.kind) {
    case 'dead':
      switch (o.reason) {
        case 'not-found':
          return { nl: 'de pagina bestaat niet (404)', en: 'the page does not exist (404)' };
        case 'gone':
          return { nl: 'de pagina is verwijderd (410)', en: 'the page was removed (410)' };
        case 'server-error':
          return { nl: `de site geeft steeds een serverfout (${o.status})`, en: `the site keeps answering with a server error (${o.status})` };
        default:
          return { nl: `de site antwoordt met foutcode ${o.status}`, en: `the site answers with error code ${o.status}` };
      }
    case 'soft-404':
      switch (o.reason) {
        case 'redirect-home':
          return { nl: 'de site stuurt door naar de homepage, de pagina zelf bestaat niet meer', en: 'the site redirects to its home page; the page itself no longer exists' };
        case 'redirect-404':
          return { nl: `de site stuurt door naar een foutpagina (${displayUrl(o.finalUrl)})`, en: `the site redirects to an error page (${displayUrl(o.finalUrl)})` };
        case 'probe-match':
          return { nl: 'de site toont dezelfde pagina als voor een adres dat niet bestaat', en: 'the site shows the same page as for an address that does not exist' };
        default: {
          const said = o.title ?? o.h1 ?? '';
          return {
            nl: `de site toont een pagina ‘${said}’ (een verborgen 404: de pagina bestaat niet)`,
            en: `the site shows a page ‘${said}’ (a soft 404: the page does not exist)`,
          };
        }
      }
    case 'unreachable':
      return unreachableCause(o);
    case 'unverifiable':
      return unverifiableCause(o);
    default:
      return { nl: 'de pagina werkt', en: 'the page works' };
  }
}

/** Why the answer was kept from us. */
export function unverifiableCause(o: Pick<CheckOutcome, 'reason' | 'status' | 'finalUrl'>): Message {
  const host = hostForMessage(o.finalUrl);
  switch (o.reason) {
    case 'rate-limited':
      return { nl: `${host} blijft ‘te veel verzoeken’ antwoorden (429)`, en: `${host} keeps answering ‘too many requests’ (429)` };
    case 'forbidden':
      return { nl: `${host} weigert de controle (${o.status})`, en: `${host} refuses the check (${o.status})` };
    default:
      return { nl: `een botbeveiliging van ${host} houdt de controle tegen (${o.status})`, en: `a bot wall at ${host} blocks the check (${o.status})` };
  }
}
