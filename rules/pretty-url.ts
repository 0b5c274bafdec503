import { defineRule } from '../src/rule.js';
import { normalizeUrl, onDomain, parseUrl, withoutScheme, withoutWww } from '../src/model/url.js';
import type { Message, Report, UrlRef } from '../src/types.js';

export interface PrettyUrlOptions {
  /** Longest printed URL (without scheme) a resident still types correctly. */
  maxLength: number;
  /** Most path segments (`/a/b` is 2). */
  maxSegments: number;
  /** Also flag `https://` printed in front of the address (the pretty form needs no scheme). */
  requireSchemeless: boolean;
  /** Extra URL-shortener hosts (added to the built-in list). */
  shorteners: string[];
}

const SHORTENERS = [
  'bit.ly', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'buff.ly', 'rebrand.ly', 'cutt.ly',
  'shorturl.at', 'tiny.cc', 's.id', 'rb.gy', 'lnkd.in', 'bit.do', 't.ly', 'v.gd',
];
const FILE_EXTENSION = /\.(aspx?|php|jsp|html?|cfm|pdf|docx?|xlsx?|odt|do|cgi)$/i;
const UUID = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/i;
const NUMERIC_ID = /(^|[-_.])\d{3,}($|[-_.])|^\d+$/;
/** A year in a slug ("afvalpas-2027", "/2027") is a word a reader types easily, not an id. */
const YEAR = /^(?:19|20)\d{2}$/;

/** Whether a path segment holds a number that looks like a database id (not a year). */
function numericId(segment: string): boolean {
  if (!NUMERIC_ID.test(segment)) return false;
  return segment.split(/[-_.]/).some((part) => /^\d+$/.test(part) && (part.length >= 3 || part === segment) && !YEAR.test(part));
}
const COPY_SLUG = /-(copy|kopie)(-\d+)?$/i;

interface Problem {
  nl: string;
  en: string;
}

/** Why a printed URL is hard to read off paper and type; empty when it is pretty. */
export function prettyUrlProblems(
  ref: UrlRef,
  options: PrettyUrlOptions,
  ownDomains: string[],
  allowedDomains: string[],
): Problem[] {
  const problems: Problem[] = [];
  // Judge what the resident reads: for a link whose text is an address, that text, not the target.
  const url = parseUrl(ref.linked ? normalizeUrl(ref.printed) : ref.href);
  if (!url) return problems; // not a URL at all: invalid-link-target / placeholder-url speak about it
  const host = url.hostname;
  const printed = ref.printed;
  const bare = withoutScheme(printed);
  const segments = url.pathname.split('/').filter(Boolean);
  const shorteners = [...SHORTENERS, ...options.shorteners];

  if (shorteners.includes(withoutWww(host))) {
    problems.push({ nl: 'een verkorte link (URL-shortener)', en: 'a URL shortener' });
  } else if (ownDomains.length > 0 && !onDomain(host, ownDomains) && !onDomain(host, allowedDomains)) {
    problems.push({ nl: `niet op een eigen domein (${host})`, en: `not on an own domain (${host})` });
  }
  if (/^http:\/\//i.test(printed)) problems.push({ nl: 'gedrukt met onveilig http://', en: 'printed with insecure http://' });
  else if (options.requireSchemeless && /^https:\/\//i.test(printed)) problems.push({ nl: 'gedrukt met https://', en: 'printed with https://' });
  if (bare.length > options.maxLength) {
    problems.push({ nl: `te lang (${bare.length} tekens, max ${options.maxLength})`, en: `too long (${bare.length} characters, max ${options.maxLength})` });
  }
  // Host names are case-insensitive ("Waarstaatjegemeente.nl" at the start of a sentence is
  // fine); only the path must be typed exactly.
  const slash = bare.indexOf('/');
  if (slash !== -1 && /[A-Z]/.test(bare.slice(slash))) problems.push({ nl: 'hoofdletters', en: 'uppercase letters' });
  if (segments.length > options.maxSegments) {
    problems.push({ nl: `${segments.length} padniveaus (max ${options.maxSegments})`, en: `${segments.length} path segments (max ${options.maxSegments})` });
  }
  if (url.search) problems.push({ nl: 'een querystring (?…)', en: 'a query string (?…)' });
  if (url.hash) problems.push({ nl: 'een fragment (#…)', en: 'a fragment (#…)' });
  const last = segments.at(-1) ?? '';
  const ext = FILE_EXTENSION.exec(last);
  if (ext) problems.push({ nl: `een bestandsextensie (${ext[0]})`, en: `a file extension (${ext[0]})` });
  if (segments.some((s) => UUID.test(s))) problems.push({ nl: 'een GUID/UUID', en: 'a GUID/UUID' });
  else if (segments.some(numericId)) problems.push({ nl: 'een nummer als id', en: 'a numeric id' });
  if (/%[0-9a-f]{2}/i.test(bare)) problems.push({ nl: '%-codes', en: '%-escapes' });
  if (bare.includes('_')) problems.push({ nl: 'een underscore (_)', en: 'an underscore (_)' });
  if (segments.some((s) => COPY_SLUG.test(s))) {
    problems.push({ nl: 'een gekopieerd formulier (-copy in het adres)', en: 'a copied form (-copy in the address)' });
  }
  return problems;
}

/** A short form to suggest: own domain without www, the last meaningful path words, hyphenated. */
export function suggestPrettyUrl(href: string, ownDomains: string[], shorteners: readonly string[] = SHORTENERS): string | undefined {
  const url = parseUrl(href);
  if (!url) return undefined;
  // A shortener's path is usually a code ("3xYzAbC"), not words: nothing to build an address from.
  // A chosen alias in words ("tinyurl.com/afvalpas") is kept.
  if (shorteners.includes(withoutWww(url.hostname.toLowerCase()))) {
    const code = url.pathname.replace(/^\/+|\/+$/g, '');
    if (!/^[a-z]{3,}(?:-[a-z0-9]+)*$/.test(code)) return undefined;
  }
  const own = onDomain(url.hostname, ownDomains);
  const host = own ? withoutWww(url.hostname) : ownDomains[0];
  if (!host) return undefined;
  const words = url.pathname
    .split('/')
    .map((s) => decodeSafe(s).replace(FILE_EXTENSION, '').replace(COPY_SLUG, ''))
    .filter((s) => s && !UUID.test(s) && !/^\d+$/.test(s) && !/^(content|pages?|nl|home|index|default|site|web)$/i.test(s));
  const slug = (words.at(-1) ?? '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  // Another site's home page has no short form on the own domain worth suggesting.
  if (!slug) return own ? host : undefined;
  return `${host}/${slug}`;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function join(problems: Problem[], lang: keyof Message): string {
  return problems.map((p) => p[lang]).join(', ');
}

export default defineRule<PrettyUrlOptions>({
  meta: {
    id: 'pretty-url',
    defaultSeverity: 'error',
    description: {
      nl: 'Een gedrukt webadres moet kort, op een eigen domein en makkelijk over te typen zijn.',
      en: 'A printed web address must be short, on an own domain and easy to type.',
    },
    defaultOptions: { maxLength: 40, maxSegments: 2, requireSchemeless: false, shorteners: [] },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxLength: { type: 'integer', minimum: 10 },
        maxSegments: { type: 'integer', minimum: 1 },
        requireSchemeless: { type: 'boolean' },
        shorteners: { type: 'array', items: { type: 'string' } },
      },
    },
  },
  check({ refs, options, config }) {
    const reports: Report[] = [];
    for (const ref of refs.urls) {
      if (!ref.visible) continue;
      const problems = prettyUrlProblems(ref, options, config.domains, config.allowedDomains);
      if (problems.length === 0) continue;
      const suggestion = suggestPrettyUrl(ref.linked ? normalizeUrl(ref.printed) : ref.href, config.domains, [...SHORTENERS, ...(options.shorteners ?? [])]);
      const suggest = (lang: keyof Message) =>
        suggestion && suggestion !== ref.printed
          ? lang === 'nl'
            ? ` Gebruik een kort adres, bijvoorbeeld ${suggestion}.`
            : ` Use a short address, for example ${suggestion}.`
          : '';
      reports.push({
        message: {
          nl: `${ref.printed} is niet makkelijk over te typen: ${join(problems, 'nl')}.${suggest('nl')}`,
          en: `${ref.printed} is not easy to type: ${join(problems, 'en')}.${suggest('en')}`,
        },
        location: ref.location,
        url: ref.href,
      });
    }
    return reports;
  },
});
