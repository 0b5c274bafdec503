import { defineRule } from '../src/rule.js';
import type { Message } from '../src/types.js';
import { parseUrl } from '../src/model/url.js';

const FILE_NAME = /^[^/]+\.(docx?|pdf|xlsx?|odt|ods|png|jpe?g|gif|html?|aspx?|php|txt|rtf|zip)$/i;

/** Why a hyperlink target is no usable web address, or undefined when it is one. */
export function invalidTargetReason(href: string): Message | undefined {
  const target = href.trim();
  if (target === '') return { nl: 'een lege linkbestemming', en: 'an empty link target' };
  if (target.startsWith('#')) return undefined; // a link within the document itself
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1]?.toLowerCase();
  if (scheme === 'file') return { nl: 'een bestand op iemands computer (file:)', en: 'a file on somebody’s computer (file:)' };
  if (scheme === 'cid') return { nl: 'een ingesloten e-mailonderdeel (cid:)', en: 'an embedded e-mail part (cid:)' };
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    return { nl: `een ${scheme}:-adres in plaats van een webadres`, en: `a ${scheme}: address instead of a web address` };
  }
  if (/%[0-9a-f]{2}/i.test(target) && /\s/.test(safeDecode(target)) && !scheme) {
    return { nl: 'geplakte tekst in plaats van een adres', en: 'pasted text instead of an address' };
  }
  if (!scheme) {
    const hostLike = /^(www\.|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/|$))/i.test(target) && !FILE_NAME.test(target);
    return hostLike
      ? { nl: 'een adres zonder https://, dat de browser als relatieve link opvat', en: 'an address without https://, which a browser reads as a relative link' }
      : { nl: 'een relatieve naam in plaats van een volledig webadres', en: 'a relative name instead of a full web address' };
  }
  const url = parseUrl(target);
  if (!url) return { nl: 'geen geldig webadres', en: 'not a valid web address' };
  if (!url.hostname.includes('.')) return { nl: `geen geldige host (${url.hostname})`, en: `no valid host (${url.hostname})` };
  if (/%[0-9a-f]{2}/i.test(url.hostname)) return { nl: 'geplakte tekst in het adres', en: 'pasted text in the address' };
  return undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export default defineRule({
  meta: {
    id: 'invalid-link-target',
    defaultSeverity: 'error',
    description: {
      nl: 'Een link moet naar een volledig webadres (https://…) gaan.',
      en: 'A hyperlink must point to a full web address (https://…).',
    },
    defaultOptions: {},
  },
  check({ refs }) {
    return refs.urls.flatMap((ref) => {
      if (!ref.linked) return [];
      const reason = invalidTargetReason(ref.href);
      if (!reason) return [];
      const text = ref.linkText ?? ref.printed;
      return [
        {
          message: {
            nl: `De link “${text}” gaat naar ${reason.nl}: ${ref.href}`,
            en: `The link “${text}” points to ${reason.en}: ${ref.href}`,
          },
          location: ref.location,
          url: ref.href,
        },
      ];
    });
  },
});
