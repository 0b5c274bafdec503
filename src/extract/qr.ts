/**
 * QR codes as references: each code read from an image (src/images) becomes a QrRef of
 * kind `qr`, with what it holds and the address printed next to it:
 *  - a visible address in the same paragraph as the image (the nearest one);
 *  - else the `qr-code` call to action it belongs to ("Scan de QR-code of ga naar …"): the nearest
 *    such call at most two paragraphs away, in the same part; its address, when it prints one.
 * Images that may hold a code but could not be read become ImageRefs (the letter's notes).
 * Pure: works on what the reader and src/images recorded.
 */
import type { FormMention, ImageRef, Letter, Location, QrPayloadKind, QrRef, References, TextBlock } from '../types.js';
import { looksLikeUrl } from './urls.js';
import { normalizeUrl } from '../model/url.js';

/** At most this many paragraphs between an image and the call to action it belongs to. */
const CALL_DISTANCE = 2;

/** What a payload is: a web address (with its href), a payment, a contact card, e-mail, phone, text. */
export function classifyPayload(payload: string): { kind: QrPayloadKind; href?: string } {
  const p = payload.trim();
  if (/^BCD\r?\n/.test(p)) return { kind: 'epc' };
  if (/^(?:BEGIN:VCARD|MECARD:)/i.test(p)) return { kind: 'vcard' };
  if (/^(?:mailto:|MATMSG:)/i.test(p)) return { kind: 'email' };
  if (/^(?:tel:|sms:|smsto:)/i.test(p)) return { kind: 'phone' };
  const url = /^URLTO:/i.test(p) ? p.slice(6).trim() : p;
  if (/^https?:\/\/\S+$/i.test(url)) return { kind: 'url', href: normalizeUrl(url) };
  // A bare address ("www.gemeente.nl/afval"): phone cameras open it as a web page.
  if (!/\s/.test(url) && looksLikeUrl(url)) return { kind: 'url', href: normalizeUrl(url.replace(/[.,;:!?]+$/, '')) };
  return { kind: 'text' };
}

/** An EPC (SEPA credit transfer, "iDEAL QR") payload's payment: beneficiary, IBAN, amount, reference. */
export function epcPayment(payload: string): QrRef['payment'] {
  const lines = payload.split(/\r?\n/);
  const at = (i: number) => lines[i]?.trim() || undefined;
  const amount = at(7);
  const reference = at(9) ?? at(10);
  return {
    ...(at(5) ? { name: at(5) } : {}),
    ...(at(6) ? { iban: at(6) } : {}),
    ...(amount ? { amount: amount.replace(/^EUR/i, '€ ') } : {}),
    ...(reference ? { reference } : {}),
  };
}

interface Span {
  part: string;
  first: number;
  last: number;
}

function spanOf(block: TextBlock): Span {
  return { part: block.part, first: block.segments[0]?.line ?? 1, last: block.segments.at(-1)?.line ?? 1 };
}

/**
 * Where a location sits among the letter's blocks: the index of the block holding it, or a half
 * index between two blocks (an image alone in its paragraph has no text block).
 */
function blockPosition(spans: Span[], loc: Location): number | undefined {
  const part = loc.part ?? 'body';
  let before: number | undefined;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    if (s.part !== part) continue;
    if (loc.line >= s.first && loc.line <= s.last) return i;
    if (s.last < loc.line) before = i;
    else return before === undefined ? i - 0.5 : before + 0.5;
  }
  return before === undefined ? undefined : before + 0.5;
}

/** The QR references and image notes of a letter, given its other references (indexes point into them). */
export function qrReferences(letter: Letter, refs: Omit<References, 'qr' | 'images'>): Pick<References, 'qr' | 'images'> {
  const images = letter.images ?? [];
  if (images.length === 0) return {};
  const spans = letter.blocks.map(spanOf);
  const qr: QrRef[] = [];
  const notes: ImageRef[] = [];
  const calls = refs.forms.map((f, i) => ({ f, i })).filter(({ f }) => f.kind === 'qr-code');
  for (const image of images) {
    const read = image.read;
    if (!read) continue;
    if (read.status === 'unreadable') {
      notes.push({ image: image.name, location: image.location, format: read.format, reason: read.reason ?? 'corrupt' });
      continue;
    }
    if (read.status !== 'code' || !read.code) continue;
    const { payload, region, thumbnail } = read.code;
    const { kind, href } = classifyPayload(payload);
    const ref: QrRef = {
      payload,
      kind,
      ...(href ? { href } : {}),
      location: image.location,
      image: image.name,
      region,
      ...(thumbnail ? { thumbnail } : {}),
      ...(kind === 'epc' ? { payment: epcPayment(payload) } : {}),
    };
    qr.push(ref);
    // Only a web address has an address printed next to it; a payment or contact card is listed.
    if (kind !== 'url') continue;
    const position = blockPosition(spans, image.location);
    const call = nearestCall(calls, spans, position, image.location);
    const url = sameParagraphUrl(refs, spans, position, image.location) ?? (call && call.f.url !== undefined && refs.urls[call.f.url]?.visible ? call.f.url : undefined);
    if (url !== undefined) ref.url = url;
    if (call) ref.call = call.i;
  }
  return { ...(qr.length ? { qr } : {}), ...(notes.length ? { images: notes } : {}) };
}

/** The visible address in the image's own paragraph nearest to it. */
function sameParagraphUrl(refs: Omit<References, 'qr' | 'images'>, spans: Span[], position: number | undefined, loc: Location): number | undefined {
  if (position === undefined || !Number.isInteger(position)) return undefined;
  let best: { i: number; d: number } | undefined;
  refs.urls.forEach((u, i) => {
    if (!u.visible || blockPosition(spans, u.location) !== position) return;
    const d = Math.abs(u.location.line - loc.line) * 10_000 + Math.abs(u.location.column - loc.column);
    if (!best || d < best.d) best = { i, d };
  });
  return best?.i;
}

/** The `qr-code` call the image belongs to: the nearest one, at most CALL_DISTANCE paragraphs away, same part. */
function nearestCall(calls: Array<{ f: FormMention; i: number }>, spans: Span[], position: number | undefined, loc: Location) {
  if (position === undefined) return undefined;
  let best: { f: FormMention; i: number; d: number } | undefined;
  for (const c of calls) {
    if ((c.f.location.part ?? 'body') !== (loc.part ?? 'body')) continue;
    const at = blockPosition(spans, c.f.location);
    if (at === undefined) continue;
    const d = Math.abs(at - position);
    if (d > CALL_DISTANCE) continue;
    if (!best || d < best.d) best = { ...c, d };
  }
  return best;
}
