import type { LetterMeta } from '../types.js';
import { isoDate } from '../model/date.js';

/** Accepted spellings of each metadata key (front matter, Word custom properties, manifest). */
const ALIASES: Record<keyof Omit<LetterMeta, 'extra' | 'invalid'>, string[]> = {
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

/** A count of recipients: 1250, "1250", "1.250" or "1 250" (Dutch thousands separators). */
export function parseCount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text) || /^\d{1,3}([. \u00A0]\d{3})+$/.test(text)) return Number(text.replace(/\D/g, ''));
  return undefined;
}

/**
 * Letter metadata from a record of named values (front matter, document properties, a manifest
 * entry). Unknown names go to `extra`; a date or count that cannot be read goes to `extra` and
 * is listed in `invalid` (rule invalid-metadata).
 */
export function metaFromRecord(record: Record<string, unknown>): Partial<LetterMeta> {
  const meta: Partial<LetterMeta> = {};
  const extra: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) {
    const key = metaKeyFor(name);
    if (value === null || value === undefined) continue;
    switch (key) {
      case 'mailingDate': {
        const d = isoDate(value);
        if (d) meta.mailingDate = d;
        else invalid(meta, extra, name, value, 'date');
        break;
      }
      case 'recipients': {
        const n = parseCount(value);
        if (n !== undefined) meta.recipients = n;
        else invalid(meta, extra, name, value, 'count');
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

/** A known field whose value does not fit: kept in `extra`, and said in `invalid` for a rule to report. */
function invalid(meta: Partial<LetterMeta>, extra: Record<string, unknown>, name: string, value: unknown, expected: 'date' | 'count'): void {
  extra[name] = value;
  (meta.invalid ??= []).push({ key: name, value: String(value), expected });
}

/** The file name without folder and extension: the id of a letter that names none. */
export function idFromPath(path: string): string {
  const base = path.split('/').pop() ?? path;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
