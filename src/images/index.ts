/**
 * Reading a letter's images for QR codes, after the reader and before extraction: the
 * reader lists the images (src/letters: .docx media in body, headers and footers; Markdown
 * images), this module loads their bytes (from the .docx zip, or from disk next to a Markdown
 * letter, in src/read/one.ts), decodes them and searches them for a code. Each image gets a
 * `read`: the code, or why there is none (`skipped`: it cannot hold one; `unreadable`: it may,
 * but brieflint cannot read it). Rules never see bytes: only what is recorded here.
 *
 * Bounded: at most MAX_IMAGE_BYTES are loaded (the .docx reader checks the declared size before
 * inflating), at most MAX_IMAGE_PIXELS are decoded (from the header, before decoding), and only
 * an image whose shape could hold a code is decoded at all (see qr.ts for the search's bounds).
 * One part used twice (a logo in every header) is read once per letter.
 */
import type { ImageFormat, ImageProblem, ImageReading, Letter, LetterImage } from '../types.js';
import { RASTER_FORMATS, VECTOR_FORMATS, sniffImage } from './format.js';
import { CorruptImage, decodeGray } from './decode.js';
import { findQrCode, shapeProblem } from './qr.js';
import { ImageLoadError, MAX_IMAGE_PIXELS } from './limits.js';

export { ImageLoadError, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from './limits.js';

/** Loads an image the reader could not (a Markdown image on disk): its bytes, or throws ImageLoadError. */
export type ImageLoader = (image: LetterImage) => Promise<Buffer>;

/** Read every image of the letter (sets `image.read`, drops `image.load`). Never throws for a bad image. */
export async function readLetterImages(letter: Letter, loader?: ImageLoader): Promise<void> {
  const images = letter.images;
  if (!images?.length) return;
  const done = new Map<string, ImageReading>();
  for (const image of images) {
    // A part or file read once per letter; images in the letter itself (`data:`) each on their own.
    const key = image.external || image.name.startsWith('data:') ? undefined : image.name;
    const known = key !== undefined ? done.get(key) : undefined;
    image.read = known ?? (await readImage(image, loader));
    if (key !== undefined) done.set(key, image.read);
    delete image.load;
  }
}

/** What one image holds. */
export async function readImage(image: LetterImage, loader?: ImageLoader): Promise<ImageReading> {
  const guessed = formatFromName(image.name);
  if (image.external) return { format: guessed, status: 'unreadable', reason: 'linked' };
  let bytes: Buffer;
  try {
    const load = image.load ?? (loader ? () => loader(image) : undefined);
    if (!load) return { format: guessed, status: 'unreadable', reason: 'missing' };
    bytes = await load();
  } catch (error) {
    if (error instanceof ImageLoadError) return { format: guessed, status: 'unreadable', reason: error.problem };
    return { format: guessed, status: 'unreadable', reason: 'corrupt' };
  }
  return searchBytes(bytes);
}

/** Search an image's bytes for a QR code (pure: no I/O). */
export function searchBytes(bytes: Buffer): ImageReading {
  const { format, width, height } = sniffImage(bytes);
  const size = width !== undefined && height !== undefined ? { width, height } : {};
  const unreadable = (reason: ImageProblem): ImageReading => ({ format, ...size, status: 'unreadable', reason });
  if (VECTOR_FORMATS.has(format)) return unreadable('vector');
  if (!RASTER_FORMATS.has(format)) return unreadable('unsupported');
  if (width !== undefined && height !== undefined) {
    const shape = shapeProblem(width, height);
    if (shape) return { format, ...size, status: 'skipped', reason: shape };
    if (width * height > MAX_IMAGE_PIXELS) return unreadable('too-large');
  }
  let found: ReturnType<typeof findQrCode>;
  let decoded: { width: number; height: number };
  try {
    const gray = decodeGray(format, bytes, MAX_IMAGE_PIXELS);
    if (gray.width * gray.height > MAX_IMAGE_PIXELS) return unreadable('too-large');
    decoded = { width: gray.width, height: gray.height };
    found = findQrCode(gray);
  } catch (error) {
    if (error instanceof CorruptImage) return unreadable(/maxResolutionInMP|memory/i.test(error.message) ? 'too-large' : 'corrupt');
    throw error;
  }
  if ('code' in found) return { format, ...decoded, status: 'code', code: found.code };
  if ('skipped' in found) return { format, ...decoded, status: 'skipped', reason: found.skipped };
  return { format, ...decoded, status: 'no-code' };
}

const EXTENSIONS: Record<string, ImageFormat> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jpe: 'jpeg',
  gif: 'gif',
  bmp: 'bmp',
  dib: 'bmp',
  emf: 'emf',
  wmf: 'wmf',
  svg: 'svg',
  svgz: 'svg',
  tif: 'tiff',
  tiff: 'tiff',
  webp: 'webp',
};

/** The format a name suggests, for an image whose bytes were not read. */
export function formatFromName(name: string): ImageFormat {
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(name)?.[1]?.toLowerCase();
  return (ext && EXTENSIONS[ext]) || 'unknown';
}
