import { defineRule } from '../src/rule.js';
import type { FormMention, Message, References, Report, UrlRef } from '../src/types.js';
import { suggestPrettyUrl } from './pretty-url.js';

/** Mentions made before calls knew whether they send the reader online. */
const LEGACY_ONLINE: ReadonlySet<FormMention['kind']> = new Set(['online-form', 'online-application', 'website', 'portal']);

export function sendsOnline(m: FormMention): boolean {
  return m.online ?? LEGACY_ONLINE.has(m.kind);
}

/** Calls that only need the site (a home page or letterhead address finds them); the rest need their page. */
const SITE_WIDE: ReadonlySet<FormMention['kind']> = new Set(['website', 'portal', 'login', 'appointment', 'qr-code']);

function isHomePage(href: string): boolean {
  const m = /^https?:\/\/[^/?#]+\/?([?#].*)?$/i.exec(href);
  return m !== null && !m[1];
}

/** A visible address that a reader can use for a call that needs a specific page (not the letterhead, not a bare home page). */
function destination(u: UrlRef): boolean {
  const part = u.location.part ?? 'body';
  return u.visible && part !== 'header' && part !== 'footer' && !isHomePage(u.href);
}

/** Whether the letter prints an address that serves this call, though not with the call itself. */
function servedElsewhere(m: FormMention, refs: References): boolean {
  if (SITE_WIDE.has(m.kind)) return refs.urls.some((u) => u.visible);
  return refs.urls.some(destination);
}

function hint(link: UrlRef | undefined, domains: string[]): Message {
  const suggestion = link && /^https?:\/\//i.test(link.href) ? suggestPrettyUrl(link.href, domains) : undefined;
  if (suggestion) {
    return {
      nl: `Zet een kort adres in de tekst dat naar de pagina leidt, bijvoorbeeld ${suggestion} (en laat het doorverwijzen), niet het lange adres achter de link.`,
      en: `Print a short address that leads to the page, for example ${suggestion} (and have it redirect), not the long address behind the link.`,
    };
  }
  const example = domains[0] ? `${domains[0]}/onderwerp` : 'gemeente.nl/onderwerp';
  const exampleEn = domains[0] ? `${domains[0]}/topic` : 'municipality.nl/topic';
  return {
    nl: `Zet een kort adres in de brief dat lezers kunnen overtypen, bijvoorbeeld ${example}.`,
    en: `Print a short address readers can type, for example ${exampleEn}.`,
  };
}

export default defineRule({
  meta: {
    id: 'missing-url',
    defaultSeverity: 'error',
    description: {
      nl: 'Een brief die lezers naar een website, formulier of portaal stuurt, moet het adres noemen.',
      en: 'A letter that sends readers to a website, form or portal must print its address.',
    },
    defaultOptions: {},
  },
  check({ refs, config }) {
    const out: Report[] = [];
    const reported = new Set<string>();
    for (const m of refs.forms) {
      if (!sendsOnline(m) || m.placeholder !== undefined) continue;
      const target = m.url !== undefined ? refs.urls[m.url] : undefined;
      if (target?.visible) continue;
      if (servedElsewhere(m, refs)) continue;
      // An address placeholder in the letter is what placeholder-url reports; the gap is the same one.
      if (refs.placeholders.some((p) => p.inUrl)) continue;
      const link = target?.linked ? target : undefined;
      // One finding per sentence-line: several calls in one sentence are one gap.
      const key = `${m.location.part ?? 'body'}:${m.location.line}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const hiddenNl = link ? ` De link “${link.linkText ?? ''}” is op papier onzichtbaar.` : '';
      const hiddenEn = link ? ` The link “${link.linkText ?? ''}” is invisible on paper.` : '';
      out.push({
        message: {
          nl: `De brief stuurt lezers online (“${m.text}”) maar noemt geen webadres.${hiddenNl}`,
          en: `The letter sends readers online (“${m.text}”) but prints no web address.${hiddenEn}`,
        },
        location: m.location,
        hint: hint(link, config.domains),
      });
    }
    return out;
  },
});
