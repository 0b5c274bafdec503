/**
 * Dates as brieflint handles them: calendar days written YYYY-MM-DD, as letters in the Netherlands
 * print them, and shown in Dutch or English. Pure.
 */

export const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** YYYY-MM-DD plus n days. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

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

/** Today's date as YYYY-MM-DD in local time. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Dates are letter dates in the Netherlands: a UTC instant is read as an Amsterdam date. */
const DATE_IN_AMSTERDAM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/**
 * YYYY-MM-DD from an ISO date (`2025-03-14`), an ISO date-time with a zone such as a Word
 * vt:filetime (`2025-03-13T23:00:00Z`, which is 14 March in the Netherlands), a Dutch
 * `14-03-2025` or `14 maart 2025`, or a Date.
 */
export function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : DATE_IN_AMSTERDAM.format(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (isIsoDate(text)) return text;
  const m = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (m) return isIsoDate(m[1]) ? (m[4] ? DATE_IN_AMSTERDAM.format(new Date(text)) : m[1]) : undefined;
  const long = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/i.exec(text);
  const month = long ? MONTHS_NL.indexOf(long[2].toLowerCase()) + 1 : 0;
  if (long && month > 0) {
    const ymd = `${long[3]}-${String(month).padStart(2, '0')}-${long[1].padStart(2, '0')}`;
    return isIsoDate(ymd) ? ymd : undefined;
  }
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (!nl) return undefined;
  const ymd = `${nl[3]}-${nl[2].padStart(2, '0')}-${nl[1].padStart(2, '0')}`;
  return isIsoDate(ymd) ? ymd : undefined;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}
