import type { Message } from '../../types.js';
import type { FieldPath, KccConfig, KccFieldMap } from './config.js';
import type { Briefing, BriefingForm, KccSource } from './types.js';
import type { HttpOptions } from './http.js';
import { KnowledgeBaseError } from './errors.js';
import { htmlLinks, htmlToText } from './html.js';
import { isoDate } from '../../model/date.js';
import { urlsInText } from '../../extract/urls.js';
import { normId } from '../../model/briefing-match.js';
import { redactUrl } from '../../model/url.js';
import { uniq } from './uniq.js';

/** Where the HTTP adapters look up values: the object's data, and (objects-api) its record. */
export interface FieldContext {
  data: Record<string, unknown>;
  record?: Record<string, unknown>;
}

/** A dotted path: "a.b.c" in data; "record.endAt" in the Objects API record. */
export function getPath(ctx: FieldContext, path: string): unknown {
  const parts = path.split('.');
  let cur: unknown = ctx.data;
  if (parts[0] === 'record' && ctx.record && !(ctx.data && 'record' in ctx.data)) {
    cur = ctx.record;
    parts.shift();
  }
  for (const p of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

function paths(p: FieldPath | undefined): string[] {
  return p === undefined ? [] : Array.isArray(p) ? p : [p];
}

const PREFERRED_KEYS = ['url', 'href', 'trefwoord', 'afdelingNaam', 'naam', 'name', 'titel', 'title', 'value', 'waarde'];

/** Strings in a value: strings, numbers, lists, and objects like {trefwoord: "…"} or {url: "…", titel: "…"}. */
export function stringsIn(v: unknown, prefer: string[] = PREFERRED_KEYS): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return v.trim() === '' ? [] : [v.trim()];
  if (typeof v === 'number') return [String(v)];
  if (Array.isArray(v)) return v.flatMap((x) => stringsIn(x, prefer));
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of prefer) if (typeof o[k] === 'string' && (o[k] as string).trim() !== '') return [(o[k] as string).trim()];
    return [];
  }
  return [];
}

export function fieldStrings(ctx: FieldContext, p: FieldPath | undefined, prefer?: string[]): string[] {
  return uniq(paths(p).flatMap((x) => stringsIn(getPath(ctx, x), prefer)));
}

export function fieldDate(ctx: FieldContext, p: FieldPath | undefined): string | undefined {
  for (const x of paths(p)) {
    const d = isoDate(getPath(ctx, x));
    if (d) return d;
  }
  return undefined;
}

function fieldNumber(ctx: FieldContext, p: FieldPath | undefined): number | undefined {
  for (const x of paths(p)) {
    const v = getPath(ctx, x);
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (Number.isFinite(n)) return n;
  }
  return undefined;
}

/** Adapter defaults merged with `kcc.fields` (a configured key replaces the default). */
export function fieldMap(defaults: KccFieldMap, configured: KccFieldMap): KccFieldMap {
  return { ...defaults, ...configured };
}

/**
 * Build a Briefing from an object's fields. Text fields are HTML (VAC `antwoord`, KISS `inhoud`):
 * their links count as URLs the briefing names; their text is the body.
 */
export function briefingFromFields(
  source: KccSource,
  id: string,
  location: string,
  ctx: FieldContext,
  map: KccFieldMap,
  extraIds: string[] = [],
): Briefing {
  const htmlParts = paths(map.text)
    .map((p) => getPath(ctx, p))
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  const body = htmlParts.map(htmlToText).join('\n\n');
  const forms: BriefingForm[] = paths(map.forms).flatMap((p) => {
    const v = getPath(ctx, p);
    const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
    return items.flatMap((f): BriefingForm[] => {
      if (typeof f === 'string') return /^(https?:\/\/|www\.)|\//i.test(f) ? [{ url: f }] : [{ name: f }];
      if (f && typeof f === 'object') {
        const o = f as Record<string, unknown>;
        const url = stringsIn(o, ['url', 'href', 'link'])[0];
        const name = stringsIn(o, ['naam', 'name', 'titel', 'title'])[0];
        return url || name ? [{ ...(name ? { name } : {}), ...(url ? { url } : {}) }] : [];
      }
      return [];
    });
  });
  const title = fieldStrings(ctx, map.title)[0];
  const owner = fieldStrings(ctx, map.owner).join(', ');
  const validFrom = fieldDate(ctx, map.validFrom);
  const validUntil = fieldDate(ctx, map.validUntil);
  const mailingDate = fieldDate(ctx, map.mailingDate);
  const lastUpdated = fieldDate(ctx, map.updated);
  const recipients = fieldNumber(ctx, map.recipients);
  const ids = uniq([...fieldStrings(ctx, map.letters, ['trefwoord', 'naam', 'name', 'value', 'waarde']), ...extraIds]);
  return {
    source,
    id,
    location,
    ...(title ? { title } : {}),
    covers: { ids, kenmerken: [], paths: fieldStrings(ctx, map.files) },
    ...(mailingDate ? { mailingDate } : {}),
    ...(recipients !== undefined ? { recipients } : {}),
    ...(validFrom ? { validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
    urls: uniq([...fieldStrings(ctx, map.urls), ...htmlParts.flatMap(htmlLinks), ...urlsInText(body)]),
    forms,
    phone: fieldStrings(ctx, map.phone),
    ...(owner ? { owner } : {}),
    ...(lastUpdated ? { lastUpdated } : {}),
    body,
  };
}

/**
 * Which of the run's letter ids/kenmerken a text names as a whole word
 * ("BEL/2027/0142" in "kenmerk BEL/2027/0142." yes; "afval" in "afvalpas" no).
 */
export function termsNamedIn(text: string, terms: string[]): string[] {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  const word = /[\p{L}\p{N}_]/u;
  return terms.filter((term) => {
    const needle = normId(term);
    if (!needle) return false;
    for (let i = t.indexOf(needle); i !== -1; i = t.indexOf(needle, i + 1)) {
      const before = t.slice(Math.max(0, i - 1), i);
      const after = t.slice(i + needle.length, i + needle.length + 2);
      // Not glued to a word before ("xafvalpas-2027") or after ("afvalpas-2027b", "afvalpas-2027-b").
      const gluedBefore = word.test(before) || before === '-';
      const gluedAfter = word.test(after.charAt(0)) || (after.charAt(0) === '-' && word.test(after.charAt(1)));
      if (!gluedBefore && !gluedAfter) return true;
    }
    return false;
  });
}

/**
 * Secret headers from the environment variables named in config, bound to the service's origin.
 * A named variable that is not set is an error (never a silent anonymous request).
 */
export function authFromEnv(cfg: KccConfig, env: NodeJS.ProcessEnv, baseUrl: string): HttpOptions['auth'] | undefined {
  const headers: Record<string, string> = {};
  const names: string[] = [];
  const read = (name: string, what: Message): string => {
    const v = env[name]?.trim();
    if (!v) {
      throw new KnowledgeBaseError(redactUrl(baseUrl), {
        nl: `omgevingsvariabele ${name} is niet gezet (${what.nl}; genoemd in de kcc-configuratie)`,
        en: `environment variable ${name} is not set (${what.en}; named in the kcc config)`,
      });
    }
    if (/[\r\n]/.test(v)) {
      throw new KnowledgeBaseError(redactUrl(baseUrl), {
        nl: `omgevingsvariabele ${name} bevat een regeleinde`,
        en: `environment variable ${name} contains a line break`,
      });
    }
    names.push(name);
    return v;
  };
  if (cfg.tokenEnv) headers.authorization = `Token ${read(cfg.tokenEnv, { nl: 'de API-sleutel', en: 'the API token' })}`;
  if (cfg.authEnv) headers[cfg.authHeader.toLowerCase()] = read(cfg.authEnv, { nl: `de waarde voor ${cfg.authHeader}`, en: `the value for ${cfg.authHeader}` });
  if (names.length === 0) return undefined;
  return {
    origin: new URL(baseUrl).origin,
    headers,
    hint: {
      nl: `controleer of ${names.join(' en ')} een geldige sleutel of sessie bevat`,
      en: `check that ${names.join(' and ')} holds a valid key or session`,
    },
  };
}
