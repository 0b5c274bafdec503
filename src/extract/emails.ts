/**
 * E-mail addresses as printed: `info@gemeente.nl`, `Belastingen@Voorbeeldstad.example`,
 * `mailto:info@x.nl` (the address only). A sentence full stop after the address is not part of it.
 */

export interface EmailMatch {
  start: number;
  end: number;
  /** As printed. */
  printed: string;
  /** The address with its domain lower-cased (the local part is kept: it may be case-sensitive). */
  address: string;
}

const EMAIL_RE =
  /(?<![\p{L}\p{N}._%+\-@])[\p{L}\p{N}_%+\-](?:[\p{L}\p{N}._%+\-]*[\p{L}\p{N}_%+\-])?@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}\-@]|\.[\p{L}\p{N}])/gu;

/** Lower-case the domain of an address. */
export function normalizeEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return at === -1 ? address : address.slice(0, at) + address.slice(at).toLowerCase();
}

/** E-mail addresses in text, in order. */
export function findEmails(text: string): EmailMatch[] {
  const out: EmailMatch[] = [];
  if (!text.includes('@')) return out;
  EMAIL_RE.lastIndex = 0;
  for (let m = EMAIL_RE.exec(text); m; m = EMAIL_RE.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, printed: m[0], address: normalizeEmail(m[0]) });
  }
  return out;
}

/** The address of a `mailto:` href (no query, percent-decoded), or null when href is no mailto:. */
export function mailtoAddress(href: string): string | null {
  const m = /^mailto:([^?#]*)/i.exec(href.trim());
  if (!m) return null;
  let addr = m[1];
  try {
    addr = decodeURIComponent(addr);
  } catch {
    // keep as is
  }
  addr = addr.split(',')[0].trim();
  return addr === '' ? null : normalizeEmail(addr);
}
