/** Small pure helpers shared by the KCC adapters, matching and rules. */
import { normalizePhone } from '../../extract/phones.js';

/** YYYY-MM-DD plus n days. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2027-02-01" → "1 februari 2027". */
export function dateNl(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS_NL[m - 1]} ${y}`;
}

/** "2027-02-01" → "1 February 2027". */
export function dateEn(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** Letter ids and kenmerken compare without case and surrounding or repeated whitespace. */
export function normId(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

const URL_IN_TEXT =
  /\b(?:https?:\/\/[^\s<>"'()]+|www\.[^\s<>"'()]+|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:\/[^\s<>"'()]*)?)/gi;

/**
 * URLs written in free text (bare, `www.` or `domain.tld/path`), trailing punctuation dropped.
 * Only strings with a scheme, `www.` or a path count, so "bijv." or "a.b" do not.
 * Simpler than src/extract/urls.ts (no linkify, no placeholders): a briefing's text is only searched.
 */
export function findUrls(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const start = m.index ?? 0;
    if (start > 0 && /[@\w.-]/.test(text[start - 1])) continue; // part of an e-mail address or word
    const u = m[0].replace(/[.,;:!?»”’)\]]+$/, '');
    if (!/^(https?:\/\/|www\.)/i.test(u) && !u.includes('/')) continue;
    if (/^https?:\/\/$/i.test(u)) continue;
    out.push(u);
  }
  return out;
}

/**
 * Phone numbers in free text, normalized (see normalizePhone). Looser than src/extract/phones.ts
 * on purpose: a number too many here only widens what a briefing is taken to name.
 */
export function findPhones(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\+|\b)\d[\d \-().]{2,18}\d\b/g)) {
    const n = normalizePhone(m[0]);
    if (n.length >= 5 && n.length <= 13) out.push(n);
  }
  return out;
}

/** Strip credentials from a URL before it appears in a message. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.username || u.password) {
      u.username = '';
      u.password = '';
    }
    return u.toString();
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
}

export function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** Today as YYYY-MM-DD in local time (as src/facts/index.ts localToday). */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
