/**
 * Letter metadata from a .docx's document properties: core properties (docProps/core.xml: title,
 * subject, keywords) and custom properties (docProps/custom.xml: kenmerk, verzenddatum, oplage …,
 * names matched case-insensitively).
 */
import type { Document } from '@xmldom/xmldom';
import type { LetterMeta } from '../types.js';
import { childElements } from './docx-package.js';
import { metaFromRecord } from './meta.js';

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

const CORE_FIELDS = ['title', 'subject', 'keywords'] as const;

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
  const record: Record<string, unknown> = {};
  if (core.title) record.title = core.title;
  if (core.subject) record.subject = core.subject;
  if (core.keywords) record.keywords = core.keywords;
  for (const prop of custom) record[prop.name] = prop.value;
  const meta = metaFromRecord(record);
  return { ...meta, id: meta.id ?? fallbackId };
}
