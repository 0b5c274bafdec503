/**
 * Why an image could not be searched for a QR code, in words (the reports' notes). No decoders are
 * loaded from here.
 */
import type { ImageFormat, ImageProblem, Message } from '../types.js';

const FORMAT_NAME: Record<ImageFormat, string> = {
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  bmp: 'BMP',
  emf: 'EMF',
  wmf: 'WMF',
  svg: 'SVG',
  tiff: 'TIFF',
  webp: 'WebP',
  unknown: '?',
};

export function imageProblem(reason: ImageProblem, format: ImageFormat): Message {
  const name = FORMAT_NAME[format] ?? format;
  switch (reason) {
    case 'vector':
      return { nl: `${name}-vectorafbeelding: brieflint leest geen QR-code in ${name}`, en: `${name} vector image: brieflint reads no QR code in ${name}` };
    case 'unsupported':
      return format === 'unknown'
        ? { nl: 'onbekend afbeeldingsformaat', en: 'unknown image format' }
        : { nl: `${name}: brieflint leest geen QR-code in ${name}`, en: `${name}: brieflint reads no QR code in ${name}` };
    case 'corrupt':
      return { nl: 'beschadigde afbeelding', en: 'damaged image' };
    case 'too-large':
      return { nl: 'te grote afbeelding (meer dan 10 MB of 16 megapixel)', en: 'image too large (over 10 MB or 16 megapixels)' };
    case 'missing':
      return { nl: 'afbeelding niet gevonden', en: 'image not found' };
    case 'linked':
      return { nl: 'gekoppelde afbeelding, niet ingesloten: niet opgehaald', en: 'linked image, not embedded: not fetched' };
    case 'outside':
      return { nl: 'afbeelding buiten de projectmap: niet gelezen', en: 'image outside the project folder: not read' };
    default:
      return { nl: 'overgeslagen', en: 'skipped' };
  }
}
