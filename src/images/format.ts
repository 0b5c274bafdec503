/**
 * What an image's bytes are, and its size in pixels, from its first bytes only (no decoding): so
 * an image that cannot hold a QR code, or is too large, is never decoded.
 */
import type { ImageFormat } from '../types.js';

export interface Sniffed {
  format: ImageFormat;
  /** Pixels, when the header says (raster formats). */
  width?: number;
  height?: number;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(b: Uint8Array, bytes: number[], at = 0): boolean {
  if (b.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (b[at + i] !== bytes[i]) return false;
  return true;
}

export function sniffImage(b: Buffer): Sniffed {
  if (startsWith(b, PNG_MAGIC)) {
    // IHDR is the first chunk: width and height at 16 and 20.
    return b.length >= 24 ? { format: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) } : { format: 'png' };
  }
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { format: 'jpeg', ...jpegSize(b) };
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) {
    return b.length >= 10 ? { format: 'gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) } : { format: 'gif' };
  }
  if (startsWith(b, [0x42, 0x4d]) && b.length >= 26) {
    const headerSize = b.readUInt32LE(14);
    if (headerSize === 12) return { format: 'bmp', width: b.readUInt16LE(18), height: b.readUInt16LE(20) };
    return { format: 'bmp', width: Math.abs(b.readInt32LE(18)), height: Math.abs(b.readInt32LE(22)) };
  }
  // EMF: an EMR_HEADER record (type 1) with the signature " EMF" at offset 40.
  if (startsWith(b, [0x01, 0x00, 0x00, 0x00]) && startsWith(b, [0x20, 0x45, 0x4d, 0x46], 40)) return { format: 'emf' };
  // WMF: the placeable header, or a plain METAHEADER (type 1 or 2, header size 9 words).
  if (startsWith(b, [0xd7, 0xcd, 0xc6, 0x9a]) || startsWith(b, [0x01, 0x00, 0x09, 0x00]) || startsWith(b, [0x02, 0x00, 0x09, 0x00])) {
    return { format: 'wmf' };
  }
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return { format: 'tiff' };
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8)) return { format: 'webp' };
  const head = b.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return { format: 'svg' };
  // Compressed SVG (.svgz) and other gzip data: not an image brieflint reads.
  return { format: 'unknown' };
}

/** A JPEG's size from its first start-of-frame marker. */
function jpegSize(b: Buffer): { width?: number; height?: number } {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return {};
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    // Markers without a length: RSTn, SOI, EOI, TEM.
    if ((marker >= 0xd0 && marker <= 0xd9) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = b.readUInt16BE(i + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    if (length < 2) return {};
    i += 2 + length;
  }
  return {};
}

/** Vector formats: drawn, not pixels; a QR code in them cannot be read without rendering them. */
export const VECTOR_FORMATS: ReadonlySet<ImageFormat> = new Set(['emf', 'wmf', 'svg']);
/** Raster formats brieflint decodes. */
export const RASTER_FORMATS: ReadonlySet<ImageFormat> = new Set(['png', 'jpeg', 'gif', 'bmp']);
