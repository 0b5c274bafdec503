/**
 * Letter metadata from a .docx's document properties: core properties (docProps/core.xml: title,
 * subject, keywords) and custom properties (docProps/custom.xml: kenmerk, verzenddatum, oplage …,
 * names matched case-insensitively).
 */
import type { Document } from '@xmldom/xmldom';
import type { LetterMeta } from '../types.js';
import { childElements } from './docx-package.js';

export type PropertyValue = string | number | boolean;

export interface CustomProperty {
  name: string;
  /** A number for the numeric variant types (vt:i4 …), a boolean for vt:bool, else the text. */
  value: PropertyValue;
}

export interface CoreProperties {
  title?: string;
  subject?: string;
  keywords?: string;
}

/** Custom property names (lower case) for each LetterMeta field. */
const META_NAMES = {
  id: ['id', 'briefid', 'letter-id'],
  kenmerk: ['kenmerk', 'reference'],
  mailingDate: ['mailingdate', 'verzenddatum', 'mailing-date'],
  recipients: ['recipients', 'oplage', 'aantal-ontvangers'],
  owner: ['owner', 'eigenaar'],
} as const;

type MetaField = keyof typeof META_NAMES;

const CORE_FIELDS = ['title', 'subject', 'keywords'] as const;
/** Dates are letter dates in the Netherlands: a UTC instant is read as an Amsterdam date. */
const DATE_IN_AMSTERDAM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

export function readCoreProperties(xml: Document | undefined): CoreProperties {
  const core: CoreProperties = {};
  if (!xml?.documentElement) return core;
  for (const el of childElements(xml.documentElement)) {
    const field = CORE_FIELDS.find((f) => f === el.localName);
    const value = el.textContent?.trim();
    if (field && value) core[field] = value;
  }
  return core;
}

export function readCustomProperties(xml: Document | undefined): CustomProperty[] {
  if (!xml?.documentElement) return [];
  return childElements(xml.documentElement)
    .filter((el) => el.localName === 'property')
    .flatMap((el) => {
      const variant = childElements(el)[0];
      const name = el.getAttribute('name');
      if (!name || !variant) return [];
      const value = variantValue(variant.localName ?? '', variant.textContent ?? '');
      return value === '' ? [] : [{ name, value }];
    });
}

function variantValue(type: string, text: string): PropertyValue {
  if (type === 'bool') return text.trim() === 'true' || text.trim() === '1';
  if (/^(i[1-8]|ui[1-8]|int|uint|r4|r8|decimal)$/.test(type) && text.trim() !== '') {
    const n = Number(text);
    if (Number.isFinite(n)) return n;
  }
  return text.trim();
}

/**
 * LetterMeta from the properties. `fallbackId` (the file name) is the id unless a custom property
 * gives one. Subject, keywords and custom properties that are no LetterMeta field (or whose value
 * does not fit it) go to `extra` under their own names.
 */
export function buildMeta(fallbackId: string, core: CoreProperties, custom: CustomProperty[]): LetterMeta {
  const meta: LetterMeta = { id: fallbackId };
  const extra: Record<string, unknown> = {};
  if (core.title) meta.title = core.title;
  if (core.subject) extra.subject = core.subject;
  if (core.keywords) extra.keywords = core.keywords;
  for (const prop of custom) {
    const field = metaField(prop.name);
    if (!field || !assignMeta(meta, field, prop)) extra[prop.name] = prop.value;
  }
  if (Object.keys(extra).length > 0) meta.extra = extra;
  return meta;
}

function metaField(name: string): MetaField | undefined {
  const lower = name.trim().toLowerCase();
  return (Object.keys(META_NAMES) as MetaField[]).find((f) => (META_NAMES[f] as readonly string[]).includes(lower));
}

/** Set the field from the property; false when the value does not fit the field. */
function assignMeta(meta: LetterMeta, field: MetaField, prop: CustomProperty): boolean {
  const text = String(prop.value).trim();
  switch (field) {
    case 'mailingDate': {
      const date = isoDate(text);
      if (date) meta.mailingDate = date;
      return date !== undefined;
    }
    case 'recipients': {
      const count = typeof prop.value === 'number' ? prop.value : parseCount(text);
      if (count === undefined || !Number.isInteger(count) || count < 0) return false;
      meta.recipients = count;
      return true;
    }
    default:
      meta[field] = text;
      return true;
  }
}

/**
 * YYYY-MM-DD from an ISO date (`2025-03-14`) or an ISO date-time with a zone, such as a
 * vt:filetime (`2025-03-13T23:00:00Z`, which is 14 March in the Netherlands).
 */
export function isoDate(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return validDate(text) ? text : undefined;
  const m = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m || !validDate(m[1])) return undefined;
  return m[4] ? DATE_IN_AMSTERDAM.format(new Date(text)) : m[1];
}

function validDate(ymd: string): boolean {
  const d = new Date(`${ymd}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(ymd);
}

/** `1250`, `1.250` or `1 250` (Dutch thousands separators) → 1250. */
export function parseCount(text: string): number | undefined {
  if (/^\d+$/.test(text) || /^\d{1,3}([. \u00A0]\d{3})+$/.test(text)) return Number(text.replace(/\D/g, ''));
  return undefined;
}
