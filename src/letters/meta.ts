import type { LetterMeta } from '../types.js';

/** Accepted spellings of each metadata key (front matter, Word custom properties, manifest). */
const ALIASES: Record<keyof Omit<LetterMeta, 'extra'>, string[]> = {
  id: ['id', 'briefid', 'brief-id', 'letterid', 'letter-id'],
  title: ['title', 'titel'],
  kenmerk: ['kenmerk', 'reference', 'ons-kenmerk', 'onskenmerk'],
  mailingDate: ['mailingdate', 'mailing-date', 'mailing_date', 'verzenddatum', 'verzend-datum'],
  recipients: ['recipients', 'oplage', 'volume', 'aantal-ontvangers', 'ontvangers'],
  owner: ['owner', 'eigenaar'],
};

const KEY_OF = new Map<string, keyof typeof ALIASES>();
for (const [key, names] of Object.entries(ALIASES) as Array<[keyof typeof ALIASES, string[]]>) {
  for (const name of names) KEY_OF.set(name, key);
}

/** Which LetterMeta field a property name stands for, if any (case-insensitive). */
export function metaKeyFor(name: string): keyof typeof ALIASES | undefined {
  return KEY_OF.get(name.trim().toLowerCase().replace(/\s+/g, '-'));
}

/** A date as YYYY-MM-DD, from an ISO date/time string, a Date, or a Dutch `dd-mm-yyyy`. */
export function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return undefined;
}

/** A count of recipients: 1200, "1200", "1.200" (Dutch thousands separator). */
export function toCount(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,3}(?:[.\s]?\d{3})*$/.test(value.trim())) {
    return Number(value.replace(/[.\s]/g, ''));
  }
  return undefined;
}

/**
 * Letter metadata from a record of named values (front matter, document properties, a manifest
 * entry). Unknown names go to `extra`; values of the wrong shape are dropped.
 */
export function metaFromRecord(record: Record<string, unknown>): Partial<LetterMeta> {
  const meta: Partial<LetterMeta> = {};
  const extra: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) {
    const key = metaKeyFor(name);
    if (value === null || value === undefined) continue;
    switch (key) {
      case 'mailingDate': {
        const d = toIsoDate(value);
        if (d) meta.mailingDate = d;
        break;
      }
      case 'recipients': {
        const n = toCount(value);
        if (n !== undefined) meta.recipients = n;
        break;
      }
      case undefined:
        extra[name] = value;
        break;
      default:
        if (typeof value === 'string' || typeof value === 'number') {
          const s = String(value).trim();
          if (s) meta[key] = s;
        }
    }
  }
  if (Object.keys(extra).length) meta.extra = extra;
  return meta;
}

/** The file name without folder and extension: the id of a letter that names none. */
export function idFromPath(path: string): string {
  const base = path.split('/').pop() ?? path;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
