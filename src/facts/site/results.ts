/**
 * Pure helpers over SiteFacts for the rules (no I/O, no undici).
 */
import type { Message, References, UrlRef } from '../../types.js';
import { normalizeUrl, sameUrl } from '../../extract/urls.js';
import type { Facts } from '../types.js';
import type { CheckOutcome, UrlKind, UrlResult, VariantKind, VariantResult } from './types.js';

/** A live page: reachable, or behind a login wall. */
export function isLive(kind: UrlKind): boolean {
  return kind === 'ok' || kind === 'protected';
}

/**
 * The URL references a site rule looks at: visible or linked, http(s). A hyperlink whose text is
 * another address than its target yields that printed address too (as a bare reference, first):
 * a reader of the paper letter types it, so it must work as well.
 */
export function checkableUrls(refs: References): UrlRef[] {
  const out: UrlRef[] = [];
  for (const ref of refs.urls) {
    if (ref.linked && ref.visible && !sameUrl(ref.printed, ref.href)) {
      out.push({ printed: ref.printed, href: normalizeUrl(ref.printed), location: ref.location, linked: false, visible: true });
    }
    if ((ref.visible || ref.linked) && HTTP.test(ref.href)) out.push(ref);
  }
  return out.filter((ref) => HTTP.test(ref.href));
}

const HTTP = /^https?:\/\//i;

/** Each checkable reference with its site result (references without one are left out). */
export function siteResults(refs: References, facts: Facts): Array<{ ref: UrlRef; result: UrlResult }> {
  const site = facts.site;
  if (!site) return [];
  const out: Array<{ ref: UrlRef; result: UrlResult }> = [];
  const seen = new Set<string>();
  for (const ref of checkableUrls(refs)) {
    const result = site.urls[ref.href];
    const key = `${ref.href} ${ref.location.part ?? ''}:${ref.location.line}:${ref.location.column}`;
    if (!result || seen.has(key)) continue;
    seen.add(key);
    out.push({ ref, result });
  }
  return out;
}

/** A typed variant that reaches a live page while the printed URL does not. */
export function liveVariant(result: UrlResult): VariantResult | undefined {
  if (isLive(result.kind)) return undefined;
  const live = result.variants.filter((v) => isLive(v.kind));
  return live.find((v) => v.variant !== 'http') ?? live[0];
}

/** How a variant is written for a resident: without `https://`. */
export function displayUrl(url: string): string {
  return url.replace(/^https:\/\//i, '').replace(/^([^/?#]+)\/$/, '$1');
}

export const VARIANT_LABEL: Record<VariantKind, { nl: string; en: string }> = {
  https: { nl: 'met https://', en: 'with https://' },
  www: { nl: 'met www.', en: 'with www.' },
  'no-www': { nl: 'zonder www.', en: 'without www.' },
  http: { nl: 'met http://', en: 'with http://' },
};

// Not src/domains.ts hostOf: a message names the host with its port, and a bad URL as written.
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Why an unreachable URL could not be reached, as a clause ("de domeinnaam … bestaat niet"). */
export function unreachableCause(o: Pick<CheckOutcome, 'error' | 'finalUrl' | 'chain'>, maxRedirects = 10): Message {
  const host = hostOf(o.finalUrl);
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
  const host = hostOf(o.finalUrl);
  switch (o.reason) {
    case 'rate-limited':
      return { nl: `${host} blijft ‘te veel verzoeken’ antwoorden (429)`, en: `${host} keeps answering ‘too many requests’ (429)` };
    case 'forbidden':
      return { nl: `${host} weigert de controle (${o.status})`, en: `${host} refuses the check (${o.status})` };
    default:
      return { nl: `een botbeveiliging van ${host} houdt de controle tegen (${o.status})`, en: `a bot wall at ${host} blocks the check (${o.status})` };
  }
}
