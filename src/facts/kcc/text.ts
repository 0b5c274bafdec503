/** Small pure helpers shared by the KCC adapters, matching and rules. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

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

/**
 * A date or date-time from an API as a YYYY-MM-DD date in the Netherlands
 * ("2027-01-31T23:30:00Z" → "2027-02-01"). Undefined when it is not a date.
 */
export function toLocalDate(value: unknown, timeZone = 'Europe/Amsterdam'): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const s = value.trim();
  if (isIsoDate(s)) return s;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(s)) return undefined;
  // No zone given: take the date as written.
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(s)) return isIsoDate(s.slice(0, 10)) ? s.slice(0, 10) : undefined;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(t));
}

/** Letter ids and kenmerken compare without case and surrounding or repeated whitespace. */
export function normId(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A URL as a resident would type it, for comparison: no scheme, no `www.`, host in lower case,
 * no default port, no trailing slash. "https://www.Gemeente.nl/Afval/" → "gemeente.nl/Afval".
 */
export function urlKey(url: string): string {
  let s = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const cut = s.search(/[/?#]/);
  let host = cut === -1 ? s : s.slice(0, cut);
  let rest = cut === -1 ? '' : s.slice(cut);
  host = host.replace(/^[^@]*@/, '').toLowerCase().replace(/^www\./, '').replace(/:(80|443)$/, '').replace(/\.$/, '');
  rest = rest.replace(/\/+(?=[?#]|$)/, '');
  s = host + rest;
  return s;
}

/**
 * A phone number as digits, Dutch style: "+31 20 123 45 67" and "0031 20…" become "020…",
 * "14 0123" becomes "140123".
 */
export function normalizePhone(s: string): string {
  let d = s.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  if (d.startsWith('+31')) d = '0' + d.slice(3);
  else if (d.startsWith('0031')) d = '0' + d.slice(4);
  return d.replace(/\+/g, '00');
}

const URL_IN_TEXT =
  /\b(?:https?:\/\/[^\s<>"'()]+|www\.[^\s<>"'()]+|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:\/[^\s<>"'()]*)?)/gi;

/**
 * URLs written in free text (bare, `www.` or `domain.tld/path`), trailing punctuation dropped.
 * Only strings with a scheme, `www.` or a path count, so "bijv." or "a.b" do not.
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

/** Phone numbers in free text, normalized (see normalizePhone). */
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
