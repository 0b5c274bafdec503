/**
 * Dutch telephone numbers as printed in letters:
 *   `14 020`, `14020`, `14 0299` (the municipal 14-number: 14 + area code without its 0),
 *   `(0299) 452 452`, `053 - 481 79 00`, `020 – 337 17 10`, `0800-123987`, `0900-1234`,
 *   `088 123 45 67`, `06 12345678`, `+31 20 123 4567`, `+31 (0)20 123 4567`, `0031 20 123 4567`,
 *   and other countries written with `+` (`+32 2 123 45 67`).
 *
 * Normalized: digits only, with the Dutch country code replaced by the trunk 0
 * (`+31 20 123 4567` → `0201234567`); other countries keep a leading `+` (`+3221234567`).
 *
 * Groups may be separated by spaces (also no-break) or a hyphen/en dash/em dash with optional
 * spaces; never by `.`, `/`, `:` or `,` — so times (`19.00`, `08:00`), amounts (`1.250,00`) and
 * dates with dots do not match. What the digits must add up to:
 *   0 + 9 digits (geographic, 06, 085, 088, 091 …); 0800/0900/0906/0909 + 4–7 digits;
 *   14 + 0 + 2–3 digits; +CC other than 31: 8–15 digits.
 * Not numbers: dates (`12-03-2027`: wrong length), postcodes (`1234 AB`), kenmerken
 * (`Z-2027-000123`: glued to a letter or hyphen), IBANs (`NL91 ABNA 0417 1643 00`), and a number
 * right after a label such as "kenmerk", "zaaknummer", "BSN", "rekeningnummer".
 */

export interface PhoneMatch {
  start: number;
  end: number;
  /** As printed. */
  printed: string;
  /** Digits only; +31/0031 → 0; other countries "+" + digits. */
  normalized: string;
}

const SP = String.raw`[ \t\u00a0\u202f]`;
const SEP = String.raw`(?:${SP}*[-–—]${SP}*|${SP}{1,2})`;
const GROUP = String.raw`(?:\((?:\+?\d{1,4}|0)\)|\+\d{1,3}|\d{1,10})`;
const RUN_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.,/+\-–—@€$#&=%])${GROUP}(?:${SEP}${GROUP}|(?<=\))${SP}*${GROUP})*`,
  'gu',
);
const GROUP_RE = new RegExp(GROUP, 'gu');
const IBAN_RE = /(?<![A-Z0-9])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){2,7}(?:[ \u00a0]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;
const LABEL_BEFORE_RE =
  /(?:kenmerk|zaaknummer|zaaknr|dossiernummer|dossiernr|referentie|factuurnummer|klantnummer|relatienummer|aanslagnummer|bsn|burgerservicenummer|iban|rekeningnummer|rekening|kvk(?:-nummer)?|reference|case number|account)\s*(?:nr\.?|nummer)?\s*[:.#]?\s*$/i;

interface Group {
  text: string;
  /** Offsets in the run. */
  start: number;
  end: number;
}

/** The normalized number for groups[0..n), or null when those groups are no phone number. */
function normalizeGroups(groups: readonly Group[], n: number): string | null {
  const first = groups[0].text;
  let i = 0;
  let national: string;
  if (first === '+31' || first === '0031' || first === '(+31)') {
    i = 1;
    if (i < n && groups[i].text === '(0)') i++;
    if (i >= n) return null;
    let rest = '';
    for (; i < n; i++) rest += groups[i].text.replace(/\D/g, '');
    national = '0' + rest.replace(/^0/, '');
  } else if (/^\(?\+\d/.test(first)) {
    let digits = '';
    for (; i < n; i++) digits += groups[i].text.replace(/\D/g, '');
    return digits.length >= 8 && digits.length <= 15 ? '+' + digits : null;
  } else {
    if (first.startsWith('00') || first === '(0)') return null;
    let digits = '';
    for (; i < n; i++) {
      if (groups[i].text === '(0)' || groups[i].text.startsWith('+')) return null;
      digits += groups[i].text.replace(/\D/g, '');
    }
    // 14-number: "14" + area code without its 0, as "14 020", "14020", "14 0299".
    if (digits.startsWith('140') && (digits.length === 5 || digits.length === 6)) {
      const okShape = n === 1 || (n === 2 && first === '14');
      return okShape ? digits : null;
    }
    national = digits;
  }
  if (!/^0[1-9]/.test(national)) return null;
  if (/^0(?:800|90[069])/.test(national)) {
    return national.length >= 8 && national.length <= 11 ? national : null;
  }
  return national.length === 10 ? national : null;
}

/** Dutch (and +CC) phone numbers in text, in order. */
export function findPhones(text: string): PhoneMatch[] {
  const out: PhoneMatch[] = [];
  if (!/\d{2}/.test(text)) return out;
  let ibans: Array<[number, number]> | null = null;
  RUN_RE.lastIndex = 0;
  for (let m = RUN_RE.exec(text); m; m = RUN_RE.exec(text)) {
    const run = m[0];
    const groups: Group[] = [];
    GROUP_RE.lastIndex = 0;
    for (let g = GROUP_RE.exec(run); g; g = GROUP_RE.exec(run)) {
      groups.push({ text: g[0], start: g.index, end: g.index + g[0].length });
    }
    // From each group that may start a number (the first, or one after white space only), the
    // longest run of groups that is a number; "12-03-2027 020 123 4567" holds one.
    for (let s = 0; s < groups.length; s++) {
      if (s > 0 && !/^\s+$/.test(run.slice(groups[s - 1].end, groups[s].start))) continue;
      const from = groups.slice(s);
      let n = from.length;
      let normalized: string | null = null;
      for (; n >= 1; n--) {
        normalized = normalizeGroups(from, n);
        if (normalized !== null) break;
      }
      if (normalized === null) continue;
      const start = m.index + from[0].start;
      const end = m.index + from[n - 1].end;
      if (/^[\p{L}\p{N}]|^[.,:]\d/u.test(text.slice(end, end + 2))) continue;
      if (LABEL_BEFORE_RE.test(text.slice(Math.max(0, start - 40), start))) continue;
      ibans ??= [...text.matchAll(IBAN_RE)].map((x) => [x.index, x.index + x[0].length] as [number, number]);
      if (ibans.some(([a, b]) => a < end && start < b)) continue;
      out.push({ start, end, printed: text.slice(start, end), normalized });
      s += n - 1;
    }
  }
  return out;
}

/** Normalize a phone number as written in a `tel:` href or anywhere else (digits, +31 → 0). */
export function normalizePhone(phone: string): string {
  let s = phone.trim().replace(/^tel:/i, '');
  s = s.replace(/\(0\)/g, '');
  const plus = s.trimStart().startsWith('+');
  let digits = s.replace(/\D/g, '');
  if (plus || digits.startsWith('00')) {
    if (!plus) digits = digits.slice(2);
    if (digits.startsWith('31')) return '0' + digits.slice(2).replace(/^0/, '');
    return '+' + digits;
  }
  return digits;
}

/**
 * Phone numbers in free text, normalized (see normalizePhone). Looser than findPhones
 * on purpose: a number too many here only widens what a briefing is taken to name.
 */
export function phonesInText(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\+|\b)\d[\d \-().]{2,18}\d\b/g)) {
    const n = normalizePhone(m[0]);
    if (n.length >= 5 && n.length <= 13) out.push(n);
  }
  return out;
}
