import { defineRule } from '../src/rule.js';
import type { Message, QrRef, References, Report, UrlRef } from '../src/types.js';
import { displayUrl, hostnameOf, normalizeUrl, onDomain, pageOf, sameUrl } from '../src/model/url.js';
import { addressFacts, isLive, qrAddress, type AddressFact } from '../src/model/site-results.js';

export interface QrMismatchOptions {
  /** More host names (or parent domains) of acceptance and test sites, besides the ones recognised by their labels. */
  acceptanceHosts: string[];
}

/** Host labels of an acceptance, test or development site: `acc.gemeente.nl`, `www-tst.gemeente.nl`, `ontw2.gemeente.nl`. */
const TEST_WORDS = 'acc|accept|acceptatie|acceptance|test|tst|testing|staging|stage|stg|ontw|ontwikkel|ontwikkeling|dev|develop|development|preprod|pre-prod|uat|sandbox';
const TEST_LABEL = new RegExp(`^(?:(?:${TEST_WORDS})\\d*(?:-.*)?|.*-(?:${TEST_WORDS})\\d*)$`, 'i');
/** In the registered name itself (`gemeente-acc.nl`) only the words nobody uses for a live site ("corona-test.nl" is one). */
const TEST_SUFFIX = /-(?:acc|acceptatie|tst|ontw|staging|stg|preprod|uat)\d*$/i;

/** Whether a host is an acceptance, test or development site (see the rule doc). */
export function isAcceptanceHost(host: string, extra: readonly string[] = []): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (onDomain(h, extra.map((d) => d.toLowerCase()))) return true;
  const labels = h.split('.');
  if (labels.length < 2) return false;
  const registered = labels.at(-2) ?? '';
  return labels.slice(0, -2).some((l) => TEST_LABEL.test(l)) || TEST_SUFFIX.test(registered);
}

function samePage(a: string, b: string): boolean {
  return sameUrl(pageOf(a), pageOf(b));
}

/** What is printed of an address: its text as a URL (for a link whose text is another address, the text). */
function printedHref(u: UrlRef): string {
  return u.visible ? normalizeUrl(u.printed) : u.href;
}

/**
 * Where an address leads, as far as the facts tell: the final URL after redirects when the live
 * check reached a page; `dead` when it found none (dead-url and unreachable-url speak about that);
 * the URL itself when it was not checked.
 */
function destination(fact: AddressFact | undefined, href: string, live: boolean): string | 'dead' {
  if (!live) return href;
  const r = fact?.result;
  if (!r) return href;
  return isLive(r.kind) ? r.finalUrl : 'dead';
}

/** The printed address's checked side: what a reader types (for a link whose text is another address, the typed side). */
function printedFact(about: readonly AddressFact[] | undefined, u: UrlRef): AddressFact | undefined {
  return about?.find((a) => a.ref === u && (a.side === 'printed' || a.side === 'typed'));
}

export default defineRule<QrMismatchOptions>({
  meta: {
    id: 'qr-mismatch',
    defaultSeverity: 'error',
    description: {
      nl: 'Een QR-code in de brief leidt naar een andere pagina dan het adres dat ernaast staat, naar een vreemd domein terwijl er geen adres naast staat, of naar een acceptatie- of testomgeving.',
      en: 'A QR code in the letter leads to another page than the address printed next to it, to a foreign domain when no address is printed, or to an acceptance or test site.',
    },
    defaultOptions: { acceptanceHosts: [] },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { acceptanceHosts: { type: 'array', items: { type: 'string' }, default: [] } },
    },
  },
  check({ refs, facts, options, config, about }) {
    const reports: Report[] = [];
    const live = facts.site !== undefined;
    if (!refs.qr?.length) return reports;
    const addresses = about?.addresses ?? addressFacts(refs, facts);
    for (const qr of refs.qr) {
      if (qr.kind !== 'url' || !qr.href || !/^https?:\/\//i.test(qr.href)) continue;
      const fact = qrAddress(addresses, qr);
      const report = acceptance(qr, fact, options.acceptanceHosts ?? []) ?? mismatch(qr, fact, refs, addresses, live) ?? foreign(qr, config.domains, config.allowedDomains);
      if (report) reports.push(report);
    }
    return reports;
  },
});

const HINT_REMAKE: Message = {
  nl: 'Maak de QR-code opnieuw met het adres dat in de brief staat (of zet het adres van de QR-code in de brief), en controleer hem met een telefoon.',
  en: 'Make the QR code again with the address the letter prints (or print the QR code’s address), and check it with a phone.',
};

/** A code to an acceptance or test site (as encoded, or where it ends up): always wrong. */
function acceptance(qr: QrRef, fact: AddressFact | undefined, extra: string[]): Report | undefined {
  const final = fact?.result && isLive(fact.result.kind) ? fact.result.finalUrl : undefined;
  const host = [qr.href!, final].map((u) => (u ? hostnameOf(u) : undefined)).find((h) => h && isAcceptanceHost(h, extra));
  if (!host) return undefined;
  const via = hostnameOf(qr.href!) === host ? '' : ` (via ${displayUrl(qr.href!)})`;
  return {
    message: {
      nl: `De QR-code leidt naar een acceptatie- of testomgeving: ${host}${via}. Inwoners die hem scannen komen niet op de echte site.`,
      en: `The QR code leads to an acceptance or test site: ${host}${via}. Residents who scan it do not reach the live site.`,
    },
    location: qr.location,
    url: qr.href!,
    hint: {
      nl: 'Maak de QR-code opnieuw met het adres van de echte site, en controleer hem met een telefoon.',
      en: 'Make the QR code again with the address of the live site, and check it with a phone.',
    },
  };
}

/** A code next to a printed address that does not lead to the same final page. */
function mismatch(qr: QrRef, fact: AddressFact | undefined, refs: References, about: readonly AddressFact[] | undefined, live: boolean): Report | undefined {
  const printed = qr.url !== undefined ? refs.urls[qr.url] : undefined;
  if (!printed) return undefined;
  const shown = printed.visible ? printed.printed : printed.href;
  const code = displayUrl(qr.href!);
  const a = destination(fact, qr.href!, live);
  const b = destination(printedFact(about, printed), printedHref(printed), live);
  if (a === 'dead' || b === 'dead') return undefined; // dead-url / unreachable-url say why
  if (samePage(a, b)) return undefined;
  if (!live) {
    return {
      message: {
        nl: `De QR-code (${code}) leidt naar een ander adres dan ${shown}, dat ernaast staat (vergeleken zonder de live controle: de adressen zelf verschillen).`,
        en: `The QR code (${code}) leads to another address than ${shown}, printed next to it (compared without the live check: the addresses themselves differ).`,
      },
      location: qr.location,
      url: qr.href!,
      hint: {
        nl: `Verwijst het ene adres door naar het andere, dan ziet de live controle (zonder --offline) dat ze op dezelfde pagina uitkomen. Anders: ${lowerFirst(HINT_REMAKE.nl)}`,
        en: `If one address redirects to the other, the live check (without --offline) sees they land on the same page. Otherwise: ${lowerFirst(HINT_REMAKE.en)}`,
      },
    };
  }
  return {
    message: {
      nl: `De QR-code (${code}) leidt naar een andere pagina dan ${shown}, dat ernaast staat: wie scant komt op ${displayUrl(a)}, wie het adres typt op ${displayUrl(b)}.`,
      en: `The QR code (${code}) leads to another page than ${shown}, printed next to it: scanning it lands on ${displayUrl(a)}, typing the address on ${displayUrl(b)}.`,
    },
    location: qr.location,
    url: qr.href!,
    hint: HINT_REMAKE,
  };
}

/** A code with no address next to it, to a domain that is neither the gemeente's own nor allowed. */
function foreign(qr: QrRef, own: string[], allowed: string[]): Report | undefined {
  if (qr.url !== undefined || own.length === 0) return undefined;
  const host = hostnameOf(qr.href!);
  if (!host || onDomain(host, own) || onDomain(host, allowed)) return undefined;
  return {
    message: {
      nl: `De QR-code leidt naar ${displayUrl(qr.href!)}, niet naar een eigen of toegestaan domein, en er staat geen adres naast: lezers zien niet waar hij heen gaat.`,
      en: `The QR code leads to ${displayUrl(qr.href!)}, not to an own or allowed domain, and no address is printed next to it: readers cannot see where it goes.`,
    },
    location: qr.location,
    url: qr.href!,
    hint: {
      nl: `Laat de QR-code naar een pagina op ${own[0]} leiden en zet dat adres ernaast; voeg ${host} toe aan allowedDomains als dit domein hoort.`,
      en: `Make the QR code lead to a page on ${own[0]} and print that address next to it; add ${host} to allowedDomains if this domain belongs.`,
    },
  };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
