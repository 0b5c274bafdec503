import type { Letter, Location, References, UrlRef } from '../src/types.js';
import type { Facts } from '../src/facts/types.js';
import type { ResolvedConfig } from '../src/config/types.js';
import { resolveConfig } from '../src/config/index.js';
import { allRules } from '../rules/index.js';

export const at = (line: number, column = 1): Location => ({ line, column, part: 'body' });

export function letter(partial: Partial<Letter> = {}): Letter {
  return { path: 'brieven/test.md', format: 'markdown', meta: { id: 'test' }, blocks: [], links: [], directives: [], ...partial };
}

export function refs(partial: Partial<References> = {}): References {
  return { urls: [], forms: [], phones: [], emails: [], logins: [], placeholders: [], ...partial };
}

/** A bare, visible URL as printed. */
export function bare(printed: string, line = 1, column = 1): UrlRef {
  const href = /^[a-z]+:\/\//i.test(printed) ? printed : `https://${printed}`;
  return { printed, href, location: at(line, column), linked: false, visible: true };
}

/** A hyperlink with its text and target. */
export function linked(text: string, href: string, line = 1, visible = /\w\.\w/.test(text)): UrlRef {
  return { printed: visible ? text : href, href, linkText: text, location: at(line), linked: true, visible };
}

export function config(raw: Parameters<typeof resolveConfig>[0] = {}): ResolvedConfig {
  return resolveConfig({ domains: ['voorbeeldstad.example'], ...raw }, '/tmp', allRules);
}

export const facts = (partial: Partial<Facts> = {}): Facts => ({ offline: true, today: '2027-01-10', ...partial });
